// Unit tests for lib/notices/overlay-host.ts and lib/prompt/host/prompt-frames.ts in happy-dom: closed host, prompt iframe, re-attach/restyle watchdog, removal.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlayHost } from '@/lib/notices/overlay-host';
import { PromptFrames } from '@/lib/prompt/host/prompt-frames';

const hosts = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('loanguard-overlay')];
/** Lets MutationObserver callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function expectStyled(host: HTMLElement, extra: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries({ position: 'fixed', display: 'block', visibility: 'visible', opacity: '1', 'z-index': '2147483647', ...extra })) {
    expect(host.style.getPropertyValue(name), name).toBe(value);
    expect(host.style.getPropertyPriority(name), name).toBe('important');
  }
}

afterEach(() => {
  for (const host of hosts()) host.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createOverlayHost', () => {
  it('is attached under documentElement by ensure(), with a closed shadow root the page cannot read', () => {
    const overlay = createOverlayHost(document, { top: '16px', width: '300px' });
    expect(overlay.host.isConnected).toBe(false);
    overlay.ensure();
    expect(overlay.host.parentNode).toBe(document.documentElement);
    expect(overlay.host.shadowRoot).toBeNull();
    expect(overlay.host.getAttribute('popover')).toBe('manual');
    expectStyled(overlay.host, { top: '16px', width: '300px' });
    const inner = document.createElement('p');
    overlay.root.appendChild(inner);
    expect(document.contains(inner)).toBe(false);
  });

  it('re-attaches a removed host', () => {
    const overlay = createOverlayHost(document, {});
    overlay.ensure();
    overlay.host.remove();
    overlay.ensure();
    expect(overlay.host.parentNode).toBe(document.documentElement);
    expect(hosts()).toEqual([overlay.host]);
  });

  it('restores the style, popover and visibility a page changed', () => {
    const overlay = createOverlayHost(document, { top: '16px' });
    overlay.ensure();
    overlay.host.style.display = 'none';
    overlay.host.style.setProperty('opacity', '0', 'important');
    overlay.host.setAttribute('hidden', '');
    overlay.host.setAttribute('popover', 'auto');
    overlay.ensure();
    expectStyled(overlay.host, { top: '16px' });
    expect(overlay.host.hasAttribute('hidden')).toBe(false);
    expect(overlay.host.getAttribute('popover')).toBe('manual');
    overlay.host.setAttribute('style', 'display:none');
    overlay.ensure();
    expectStyled(overlay.host, { top: '16px' });
  });

  it('does not rewrite anything when nothing was changed (its own writes must not wake the watchdog)', () => {
    const overlay = createOverlayHost(document, {});
    overlay.ensure();
    const observer = new MutationObserver(() => undefined);
    observer.observe(overlay.host, { attributes: true });
    observer.observe(document.documentElement, { childList: true });
    overlay.ensure();
    overlay.ensure(true);
    expect(observer.takeRecords()).toEqual([]);
    observer.disconnect();
  });

  it('remove() detaches the host', () => {
    const overlay = createOverlayHost(document, {});
    overlay.ensure();
    overlay.remove();
    expect(overlay.host.isConnected).toBe(false);
    expect(hosts()).toEqual([]);
  });
});

// happy-dom does not load iframe pages: each prompt frame logs "Iframe page loading is disabled" (harmless).
describe('PromptFrames', () => {
  let roots: ShadowRoot[];
  const made: PromptFrames[] = [];
  /** A PromptFrames closed after the test even when an assertion fails (so its watchdog can't touch the next test). */
  const promptFrames = (): PromptFrames => {
    const prompts = new PromptFrames(document, promptUrl);
    made.push(prompts);
    return prompts;
  };
  afterEach(() => {
    for (const prompts of made.splice(0)) prompts.removeAll();
  });
  beforeEach(() => {
    roots = [];
    // The shadow root is closed: capture it as it is made, to look inside.
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
  });

  const promptUrl = (holdId: string): string => `chrome-extension://abcdefgh/prompt.html#${holdId}`;

  it('shows a prompt: a host under documentElement whose closed root holds the iframe from the URL builder', () => {
    const prompts = promptFrames();
    prompts.show('hold_1');
    const [host] = hosts();
    expect(host?.parentNode).toBe(document.documentElement);
    expect(host?.shadowRoot).toBeNull();
    expect(roots).toHaveLength(1);
    const frames = roots[0]!.querySelectorAll('iframe');
    expect(frames).toHaveLength(1);
    expect(frames[0]?.getAttribute('src')).toBe('chrome-extension://abcdefgh/prompt.html#hold_1');
    expect(frames[0]?.title).toBe('LoanGuard');
    prompts.removeAll();
  });

  it('shows one prompt per hold, stacked, and ignores a repeated show', () => {
    const prompts = promptFrames();
    prompts.show('hold_1');
    prompts.show('hold_1');
    prompts.show('hold_2');
    expect(hosts()).toHaveLength(2);
    expect(hosts().map((host) => host.style.getPropertyValue('top'))).toEqual(['16px', '40px']);
    expect(roots.map((root) => root.querySelector('iframe')?.getAttribute('src'))).toEqual([promptUrl('hold_1'), promptUrl('hold_2')]);
    prompts.removeAll();
  });

  it('puts a prompt the page removed back, without being asked (MutationObserver)', async () => {
    const prompts = promptFrames();
    prompts.show('hold_1');
    const [host] = hosts();
    host!.remove();
    expect(host!.isConnected).toBe(false);
    await settle();
    expect(host!.parentNode).toBe(document.documentElement);
    prompts.removeAll();
  });

  it('restores a prompt the page hid with an inline style (MutationObserver)', async () => {
    const prompts = promptFrames();
    prompts.show('hold_1');
    const [host] = hosts();
    host!.style.setProperty('display', 'none');
    await settle();
    expectStyled(host!);
    prompts.removeAll();
  });

  it('the watchdog timer repairs what the observer cannot see (the whole document element replaced)', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const prompts = promptFrames();
    prompts.show('hold_1');
    const [host] = hosts();
    const original = document.documentElement;
    const replacement = document.createElement('html');
    document.removeChild(original);
    document.appendChild(replacement);
    try {
      expect(host!.isConnected).toBe(false);
      vi.advanceTimersToNextTimer();
      expect(host!.parentNode).toBe(replacement);
    } finally {
      prompts.removeAll();
      document.removeChild(replacement);
      document.appendChild(original);
    }
  });

  it('raise() brings a removed prompt back at once', () => {
    const prompts = promptFrames();
    prompts.show('hold_1');
    const [host] = hosts();
    host!.remove();
    prompts.raise('hold_1');
    expect(host!.parentNode).toBe(document.documentElement);
    prompts.raise('hold_unknown');
    prompts.removeAll();
  });

  it('remove() detaches that prompt, stops repairing it, and stops the watchdog with the last one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const prompts = promptFrames();
    prompts.show('hold_1');
    prompts.show('hold_2');
    expect(vi.getTimerCount()).toBe(1);
    const [first, second] = hosts();
    prompts.remove('hold_1');
    expect(first!.isConnected).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersToNextTimer();
    expect(first!.isConnected).toBe(false);
    prompts.remove('hold_2');
    expect(second!.isConnected).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    // Nothing open: a later show starts a fresh watchdog that repairs again.
    prompts.show('hold_3');
    expect(vi.getTimerCount()).toBe(1);
    const [third] = hosts();
    third!.remove();
    await settle();
    expect(third!.isConnected).toBe(true);
    prompts.removeAll();
    expect(vi.getTimerCount()).toBe(0);
    expect(hosts()).toEqual([]);
  });
});
