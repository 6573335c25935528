// The in-page prompt: renders a held request, answers only on trusted input, keeps "Send once" and
// "Trust" locked until the visibility gate opens, and handles expired holds.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { PromptApp, holdIdFromHash } from '@/components/prompt/PromptApp';
import type { Hold } from '@/lib/messages/guard-messages';
import { MIN_VISIBLE_MS, VISIBILITY_DELAY_MS } from '@/lib/prompt/visibility-gate';
import { holdKey } from '@/lib/prompt/hold-read';

const HOLD_ID = 'hold_0123456789abcdef';
const hold: Hold = {
  holdId: HOLD_ID,
  tabId: 7,
  frameId: 0,
  route: 'form',
  destination: { site: 'xn--loan-example', display: 'kuaidai-loans.example', origin: 'https://api.kuaidai-loans.example' },
  page: { site: 'shop.example', display: 'shop.example', url: 'https://shop.example/signup', title: 'Sign up' },
  isLoanPage: true,
  loanReasons: [
    { code: 'title_keyword', detail: '借款', weight: 2 },
    { code: 'body_keyword', detail: '额度', weight: 1 },
    { code: 'apr_disclosure', detail: '36%', weight: 1 },
    { code: 'fourth_reason', detail: 'not shown', weight: 0.5 },
  ],
  items: [
    { kind: 'phone', masked: '138****8000', country: 'CN', fingerprint: null },
    { kind: 'national-id', masked: '1101**********1234', fingerprint: null },
  ],
  createdAt: 1,
};

/** Test seam: happy-dom events are never isTrusted, so accepted-path tests swap in this predicate. */
const trustEverything = () => true;

let sendMessage: ReturnType<typeof vi.fn>;

/** Stores `stored` as the hold the prompt will read (as the background does), and records what the prompt sends. */
async function answerWith(stored: unknown, reply: unknown = undefined) {
  sendMessage = vi.fn(async () => reply);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sendMessage as never);
  if (stored !== null) await fakeBrowser.storage.session.set({ [holdKey(HOLD_ID)]: stored });
}

/** Let the storage read and the renders it causes finish. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });

async function mount(options: { hash?: string; isTrustedEvent?: (event: Event) => boolean } = {}) {
  await act(() => render(<PromptApp hash={options.hash ?? `#${HOLD_ID}`} isTrustedEvent={options.isTrustedEvent} />, container));
  await settle();
}

const button = (decision: string) => container.querySelector<HTMLButtonElement>(`button[data-decision="${decision}"]`)!;
const decisions = () => sendMessage.mock.calls.map(([message]) => message).filter((m) => m.type === 'hold-decision');
const click = (target: HTMLElement) => act(() => void target.dispatchEvent(new MouseEvent('click', { bubbles: true })));
const press = (key: string, shiftKey = false) =>
  act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true })));
const passGate = () => act(() => void vi.advanceTimersByTime(MIN_VISIBLE_MS));

useComponentTest({
  setup: () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  },
  teardown: () => {
    vi.useRealTimers();
  },
});


describe('holdIdFromHash', () => {
  it('accepts a well-formed id and rejects anything else', () => {
    expect(holdIdFromHash(`#${HOLD_ID}`)).toBe(HOLD_ID);
    expect(holdIdFromHash('#short')).toBeNull();
    expect(holdIdFromHash('#<img src=x>')).toBeNull();
    expect(holdIdFromHash('')).toBeNull();
  });
});

describe('PromptApp', () => {
  it('reads the hold named in the fragment from storage.session, asking the background nothing', async () => {
    await answerWith(hold);
    await mount();
    expect(container.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('shows destination, the cross-site sentence, the items and at most three reasons', async () => {
    await answerWith(hold);
    await mount();
    const dialog = container.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('prompt-title');
    expect(dialog.getAttribute('aria-describedby')).toBe('prompt-where prompt-hint');
    const title = container.querySelector('#prompt-title')!;
    expect(title.textContent).toBe('promptTitle(kuaidai-loans.example)');
    // The destination is a styled element inside the translated sentence, not just text.
    expect(title.querySelector('.prompt-site')!.textContent).toBe('kuaidai-loans.example');
    expect(container.querySelector('#prompt-where')!.textContent).toContain(
      'promptCrossSite(shop.example|kuaidai-loans.example)',
    );
    expect(container.querySelector('#prompt-where')!.textContent).toContain('promptRouteForm');
    const items = [...container.querySelectorAll('.prompt-items li')].map((li) => li.textContent);
    expect(items).toEqual(['kind_phone 138****8000CN', 'kind_national_id 1101**********1234']);
    const reasons = [...container.querySelectorAll('ul.reasons li')].map((li) => li.textContent);
    expect(reasons).toEqual(['reason_title_keyword(借款)', 'reason_body_keyword(额度)', 'reason_apr_disclosure(36%)']);
    expect(container.textContent).toContain('promptLoan');
    expect(container.textContent).toContain('promptHint');
  });

  it('says so when the data goes to the page’s own site, and names background routes', async () => {
    await answerWith({ ...hold, route: 'beacon', isLoanPage: false, loanReasons: [], page: { ...hold.page, site: hold.destination.site } });
    await mount();
    const where = container.querySelector('#prompt-where')!.textContent;
    expect(where).toContain('promptSameSite(kuaidai-loans.example)');
    expect(where).toContain('promptRouteBackground');
    expect(container.textContent).toContain('promptNotLoan');
  });

  it('focuses Don’t send on open and keeps Tab on the enabled buttons', async () => {
    await answerWith(hold);
    await mount();
    expect(document.activeElement).toBe(button('cancelled'));
    // Gate closed: Don't send is the only stop.
    await press('Tab');
    expect(document.activeElement).toBe(button('cancelled'));
    await passGate();
    await press('Tab');
    expect(document.activeElement).toBe(button('sent-once'));
    await press('Tab');
    expect(document.activeElement).toBe(button('trusted'));
    await press('Tab');
    expect(document.activeElement).toBe(button('cancelled'));
    await press('Tab', true);
    expect(document.activeElement).toBe(button('trusted'));
  });

  it('Escape answers Don’t send', async () => {
    await answerWith(hold);
    await mount({ isTrustedEvent: trustEverything });
    await press('Escape');
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'cancelled' }]);
  });

  it('locks Send once and Trust until the prompt has been visible long enough', async () => {
    await answerWith(hold);
    await mount({ isTrustedEvent: trustEverything });
    expect(button('sent-once').disabled).toBe(true);
    expect(button('trusted').disabled).toBe(true);
    expect(button('cancelled').disabled).toBe(false);
    expect(container.textContent).toContain('promptWaitVisible');
    // Even a click that reaches the handler is refused while the gate is closed.
    await click(button('sent-once'));
    expect(decisions()).toEqual([]);
    await act(() => void vi.advanceTimersByTime(MIN_VISIBLE_MS - 1));
    expect(button('sent-once').disabled).toBe(true);
    await act(() => void vi.advanceTimersByTime(1));
    expect(button('sent-once').disabled).toBe(false);
    expect(container.textContent).not.toContain('promptWaitVisible');
    await click(button('sent-once'));
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'sent-once' }]);
  });

  it('sends Trust this site as "trusted" and answers only once', async () => {
    await answerWith(hold);
    await mount({ isTrustedEvent: trustEverything });
    await passGate();
    await click(button('trusted'));
    await click(button('trusted'));
    await click(button('cancelled'));
    await press('Escape');
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'trusted' }]);
    for (const decision of ['cancelled', 'sent-once', 'trusted']) expect(button(decision).disabled).toBe(true);
  });

  it('ignores synthetic (untrusted) clicks and keys', async () => {
    await answerWith(hold);
    await mount(); // the production predicate: event.isTrusted
    await passGate();
    await click(button('sent-once'));
    await click(button('trusted'));
    await click(button('cancelled'));
    await press('Escape');
    expect(decisions()).toEqual([]);
    expect(button('sent-once').disabled).toBe(false);
  });

  it('lets the user answer again if the answer could not be delivered', async () => {
    await answerWith(hold);
    await mount({ isTrustedEvent: trustEverything });
    sendMessage.mockImplementation(async () => {
      throw new Error('background gone');
    });
    await click(button('cancelled'));
    await settle();
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('promptSendError');
    expect(button('cancelled').disabled).toBe(false);
  });

  it('shows the expired message for an unknown hold', async () => {
    await answerWith(null);
    await mount();
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(container.textContent).toContain('promptExpired');
  });

  it('shows the expired message for a malformed fragment without asking', async () => {
    await answerWith(hold);
    await mount({ hash: '#nope' });
    expect(sendMessage).not.toHaveBeenCalled();
    expect(container.textContent).toContain('promptExpired');
  });

  it('shows a load error for an answer that does not match the schema', async () => {
    await answerWith({ holdId: HOLD_ID, items: 'everything' });
    await mount();
    expect(container.textContent).toContain('promptLoadError');
  });
});

describe('PromptApp with IntersectionObserver v2', () => {
  type Callback = (entries: Array<{ isIntersecting: boolean; isVisible: boolean }>) => void;
  let report: Callback;
  let init: Record<string, unknown>;

  beforeEach(() => {
    class FakeEntry {
      get isVisible() {
        return false;
      }
    }
    class FakeObserver {
      constructor(callback: Callback, options: Record<string, unknown>) {
        report = callback;
        init = options;
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserverEntry', FakeEntry);
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });

  const see = (isVisible: boolean) => act(() => report([{ isIntersecting: true, isVisible }]));
  const obscuredMessages = () => sendMessage.mock.calls.map(([m]) => m).filter((m) => m.type === 'prompt-obscured');

  it('tracks visibility with the required options', async () => {
    await answerWith(hold);
    await mount();
    expect(init).toMatchObject({ trackVisibility: true, delay: VISIBILITY_DELAY_MS });
  });

  it('stays locked until IOv2 confirms the dialog is visible', async () => {
    await answerWith(hold);
    await mount({ isTrustedEvent: trustEverything });
    await passGate();
    expect(button('sent-once').disabled).toBe(true);
    await see(true);
    await passGate();
    expect(button('sent-once').disabled).toBe(false);
  });

  it('relocks, restarts the wait and asks to be raised when the page covers it', async () => {
    await answerWith(hold);
    await mount({ isTrustedEvent: trustEverything });
    await see(true);
    await passGate();
    expect(button('trusted').disabled).toBe(false);
    await see(false);
    expect(button('trusted').disabled).toBe(true);
    expect(obscuredMessages()).toEqual([{ type: 'prompt-obscured', holdId: HOLD_ID }]);
    await see(true);
    await act(() => void vi.advanceTimersByTime(MIN_VISIBLE_MS - 1));
    expect(button('trusted').disabled).toBe(true);
    await act(() => void vi.advanceTimersByTime(1));
    await click(button('trusted'));
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'trusted' }]);
  });
});

describe('PromptApp when the background refuses the answer', () => {
  it('shows the expired message once the hold is gone', async () => {
    await answerWith(hold, { ok: false });
    await mount({ isTrustedEvent: trustEverything });
    await click(button('cancelled'));
    await settle();
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(container.textContent).toContain('promptExpired');
  });
});
