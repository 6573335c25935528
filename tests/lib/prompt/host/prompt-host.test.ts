// lib/notices/overlay-host.ts and lib/prompt/host/prompt-host.ts in happy-dom: the closed host and its
// watchdog; the tab's one prompt frame loaded ahead of time, shown without a reload, sized to its
// content, taken down when its holds end, with the feedback toast and an Undo only the user can press.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createOverlayHost } from '@/lib/notices/overlay-host';
import { PromptHost, type PromptHostEnvironment } from '@/lib/prompt/host/prompt-host';

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

// happy-dom does not load iframe pages: the prompt frame logs "Iframe page loading is disabled" (harmless).
describe('PromptHost', () => {
  let roots: ShadowRoot[];
  let geometries: { safe: boolean; reason?: string }[];
  let shownChanges: boolean[];
  let undone: string[];
  let tokens: number;
  const made: PromptHost[] = [];
  const environment = (): PromptHostEnvironment => ({
    openToken: async () => `${String(++tokens).padStart(32, '0')}`,
    promptUrl: (token) => `chrome-extension://abcdefgh/prompt.html#${token}`,
    reportGeometry: (geometry) => void geometries.push(geometry),
    onShownChange: (shown) => void shownChanges.push(shown),
    undoTrust: (holdId) => void undone.push(holdId),
    text: {
      stopped: (site) => `stopped(${site})`,
      trusted: (site) => `trusted(${site})`,
      blocked: (site) => `blocked(${site})`,
      leftUnasked: (site) => `left(${site})`,
      undo: 'undo',
      dismiss: 'dismiss',
    },
  });
  const host = (): PromptHost => {
    const made1 = new PromptHost(document, window, environment());
    made.push(made1);
    return made1;
  };
  const frames = (): HTMLIFrameElement[] => roots.flatMap((root) => [...root.querySelectorAll('iframe')]);
  // A parked prompt is laid out but transparent and inert (so its frame stays live): not on screen.
  const visible = (): HTMLElement[] => hosts().filter((el) => el.style.getPropertyValue('display') !== 'none' && el.style.getPropertyValue('opacity') !== '0' && !el.inert);

  beforeEach(() => {
    roots = [];
    geometries = [];
    shownChanges = [];
    undone = [];
    tokens = 0;
    // The shadow root is closed: capture it as it is made, to look inside.
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
  });
  afterEach(() => {
    for (const each of made.splice(0)) each.remove();
  });

  it('loads one prompt frame ahead of time, hidden, with a token from the background', async () => {
    const prompt = host();
    await prompt.prewarm();
    await prompt.prewarm();
    expect(frames().map((frame) => frame.src)).toEqual([`chrome-extension://abcdefgh/prompt.html#${'1'.padStart(32, '0')}`]);
    expect(visible()).toEqual([]);
  });

  it('shows the same frame for a question (no new frame, no reload), then hides it when the hold ends', async () => {
    const prompt = host();
    await prompt.prewarm();
    const frame = frames()[0]!;
    const src = frame.src;
    prompt.show('hold_1', 'kuaidai.example', true);
    await settle();
    expect(frames()).toEqual([frame]);
    expect(frame.src).toBe(src);
    expect(visible()).toHaveLength(1);
    expect(shownChanges).toEqual([true]);
    prompt.ended({ type: 'hold-ended', holdId: 'hold_1', decision: 'sent-once' });
    expect(visible()).toHaveLength(0);
    expect(shownChanges).toEqual([true, false]);
  });

  it('gives the keyboard back to the field the user was in when the prompt ends', async () => {
    document.body.innerHTML = '<input id="idcard"><input id="card">';
    const idcard = document.getElementById('idcard') as HTMLInputElement;
    idcard.focus();
    const prompt = host();
    prompt.show('hold_1', 'tracker.example', true); // by action: the prompt takes the keyboard
    await settle();
    expect(document.activeElement).not.toBe(idcard);
    prompt.ended({ type: 'hold-ended', holdId: 'hold_1', decision: 'cancelled' });
    expect(document.activeElement).toBe(idcard);
  });

  it('leaves the keyboard where the user moved it before the answer arrived (no keystrokes into the field they left)', async () => {
    document.body.innerHTML = '<input id="idcard"><input id="card">';
    const idcard = document.getElementById('idcard') as HTMLInputElement;
    const card = document.getElementById('card') as HTMLInputElement;
    idcard.focus();
    const prompt = host();
    prompt.show('hold_1', 'tracker.example', true);
    await settle();
    card.focus(); // answered, then straight on to the next field
    prompt.ended({ type: 'hold-ended', holdId: 'hold_1', decision: 'cancelled' });
    expect(document.activeElement).toBe(card);
  });

  it('stays up while another hold is still open', async () => {
    const prompt = host();
    prompt.show('hold_1', 'a.example', false);
    prompt.show('hold_2', 'b.example', false);
    await settle();
    prompt.ended({ type: 'hold-ended', holdId: 'hold_1', decision: 'cancelled' });
    expect(visible().length).toBeGreaterThan(0);
  });

  it("after Don't send says nothing was sent; after Trust offers Undo, which only a real click runs", async () => {
    const prompt = host();
    prompt.show('hold_1', 'kuaidai.example', true);
    prompt.show('hold_2', 'other.example', true);
    await settle();
    prompt.ended({ type: 'hold-ended', holdId: 'hold_1', decision: 'cancelled' });
    prompt.ended({ type: 'hold-ended', holdId: 'hold_2', decision: 'trusted' });
    const texts = roots.map((root) => root.textContent ?? '');
    expect(texts.some((text) => text.includes('stopped(kuaidai.example)'))).toBe(true);
    expect(texts.some((text) => text.includes('trusted(other.example)'))).toBe(true);
    const undo = roots.flatMap((root) => [...root.querySelectorAll('button')]).find((button) => button.textContent === 'undo')!;
    undo.click(); // a script's click: not the user's
    expect(undone).toEqual([]);
  });

  it('sizes the frame to what its content needs, within the window', async () => {
    const prompt = host();
    prompt.show('hold_1', 'a.example', true);
    await settle();
    prompt.resize(310);
    const shown = visible()[0]!;
    expect(parseFloat(shown.style.getPropertyValue('height'))).toBe(310);
    prompt.resize(50_000);
    expect(parseFloat(shown.style.getPropertyValue('height'))).toBeLessThanOrEqual(window.innerHeight);
  });

  it('on a zoomed-out phone page (no viewport tag), lays the frame out at screen size and scales it back', async () => {
    // 980 layout px shown on a 392 px wide screen: scale 0.4.
    const viewport = Object.assign(new EventTarget(), { scale: 0.4, width: 980, height: 2000, offsetLeft: 0, offsetTop: 0 });
    const original = Object.getOwnPropertyDescriptor(window, 'visualViewport');
    Object.defineProperty(window, 'visualViewport', { configurable: true, get: () => viewport });
    onTestFinished(() => {
      if (original) Object.defineProperty(window, 'visualViewport', original);
      else delete (window as { visualViewport?: unknown }).visualViewport;
    });
    const prompt = host();
    prompt.show('hold_1', 'a.example', true);
    await settle();
    prompt.resize(300);
    const shown = visible()[0]!;
    const frame = frames()[0]!;
    // The sheet spans the screen less 12 px margins, in page px: (392 - 24) / 0.4.
    expect(parseFloat(shown.style.getPropertyValue('width'))).toBeCloseTo(920, 1);
    // The content is laid out 368 px wide (screen px) and scaled by 1 / 0.4 to fill it.
    expect(frame.style.width).toBe('368px');
    expect(frame.style.height).toBe('300px');
    expect(frame.style.transform).toBe('scale(2.5000)');
    viewport.scale = 1;
    viewport.width = 392;
    window.dispatchEvent(new Event('resize'));
    expect(frame.style.transform).toBe('');
    expect(frame.style.width).toBe('100%');
  });

  it('puts a removed prompt back, and reports to the prompt whether it is shown as drawn', async () => {
    const prompt = host();
    prompt.show('hold_1', 'a.example', true);
    await settle();
    const shown = visible()[0]!;
    shown.remove();
    await settle();
    expect(hosts()).toContain(shown);
    expect(geometries.length).toBeGreaterThan(0);
  });
});
