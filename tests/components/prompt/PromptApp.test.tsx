// The in-page prompt: connects to the background over a port named by the token in its fragment,
// renders the oldest held request it is given, answers only on trusted input, keeps "Send once" and
// "Trust" locked until the visibility gate opens and the host reports the prompt as drawn, and
// reconnects when the background restarts.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { container, useComponentTest } from '../../helpers/render';
import { PromptApp, tokenFromHash, type PromptPort } from '@/components/prompt/PromptApp';
import type { Hold } from '@/lib/messages/guard-messages';
import { MIN_VISIBLE_MS, VISIBILITY_DELAY_MS } from '@/lib/prompt/visibility-gate';

const TOKEN = '0123456789abcdef0123456789abcdef';
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
    { kind: 'phone', masked: '138****8000', country: 'CN', fingerprint: null, complete: true, fieldKey: 'f1' },
    { kind: 'national-id', masked: '1101**********1234', fingerprint: null, complete: true, fieldKey: 'f2' },
  ],
  createdAt: 1,
  byAction: false,
};
const second: Hold = { ...hold, holdId: 'hold_fedcba9876543210', destination: { ...hold.destination, display: 'other.example' } };

/** Test seam: happy-dom events are never isTrusted, so accepted-path tests swap in this predicate. */
const trustEverything = () => true;

/** A fake runtime port: records what the prompt posts, lets the test push state and disconnect. */
class FakePort implements PromptPort {
  posted: unknown[] = [];
  private messageListeners: Array<(message: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  disconnected = false;
  constructor(readonly name: string) {}
  postMessage(message: unknown) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  disconnect() {
    this.disconnected = true;
  }
  /** The background sends a message. */
  push(message: unknown) {
    return act(() => this.messageListeners.forEach((listener) => listener(message)));
  }
  /** The background's worker went away. */
  drop() {
    this.disconnected = true;
    return act(() => this.disconnectListeners.forEach((listener) => listener()));
  }
}

let ports: FakePort[];
const port = () => ports[ports.length - 1]!;
const connect = (name: string) => {
  const created = new FakePort(name);
  ports.push(created);
  return created;
};
const state = (holds: Hold[], safe = true) => ({ type: 'state', holds, geometry: { safe } });

async function mount(options: { hash?: string; isTrustedEvent?: (event: Event) => boolean; holds?: Hold[]; safe?: boolean } = {}) {
  await act(() =>
    render(<PromptApp hash={options.hash ?? `#${TOKEN}`} connect={connect} isTrustedEvent={options.isTrustedEvent} />, container),
  );
  if (ports.length > 0 && options.holds !== undefined) await port().push(state(options.holds, options.safe ?? true));
}

const button = (decision: string) => container.querySelector<HTMLButtonElement>(`button[data-decision="${decision}"]`)!;
const posted = (type: string) => ports.flatMap((p) => p.posted).filter((m) => (m as { type?: string }).type === type);
const decisions = () => posted('hold-decision');
const click = (target: HTMLElement) => act(() => void target.dispatchEvent(new MouseEvent('click', { bubbles: true })));
const press = (key: string, shiftKey = false) =>
  act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true })));
const passGate = () => act(() => void vi.advanceTimersByTime(MIN_VISIBLE_MS));

useComponentTest({
  setup: () => {
    ports = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  },
  teardown: () => {
    vi.useRealTimers();
  },
});

describe('tokenFromHash', () => {
  it('accepts a 32-hex token and rejects anything else', () => {
    expect(tokenFromHash(`#${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash('#short')).toBeNull();
    expect(tokenFromHash(`#${TOKEN.toUpperCase()}`)).toBeNull();
    expect(tokenFromHash('#<img src=x>')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });
});

describe('PromptApp', () => {
  it('connects on a port named by its token and shows nothing until it is given a hold', async () => {
    await mount();
    expect(ports.map((p) => p.name)).toEqual([`prompt:${TOKEN}`]);
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    await port().push(state([]));
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    await port().push(state([hold]));
    expect(container.querySelector('[role="alertdialog"]')).not.toBeNull();
  });

  it('ignores messages that are not a state message', async () => {
    await mount();
    await port().push({ type: 'state', holds: 'everything' });
    await port().push({ type: 'other', holds: [hold] });
    await port().push(null);
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('shows destination, the cross-site sentence, the items and at most three reasons', async () => {
    await mount({ holds: [hold] });
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
    expect([...container.querySelectorAll('.prompt-items li')].map((li) => li.getAttribute('data-field'))).toEqual(['f1', 'f2']);
    const reasons = [...container.querySelectorAll('ul.reasons li')].map((li) => li.textContent);
    expect(reasons).toEqual(['reason_title_keyword(借款)', 'reason_body_keyword(额度)', 'reason_apr_disclosure(36%)']);
    expect(container.textContent).toContain('promptLoan');
    expect(container.textContent).toContain('promptHint');
  });

  it('says so when the data goes to the page’s own site, and names background routes', async () => {
    await mount({ holds: [{ ...hold, route: 'beacon', isLoanPage: false, loanReasons: [], page: { ...hold.page, site: hold.destination.site } }] });
    const where = container.querySelector('#prompt-where')!.textContent;
    expect(where).toContain('promptSameSite(kuaidai-loans.example)');
    expect(where).toContain('promptRouteBackground');
    expect(container.textContent).toContain('promptNotLoan');
  });

  it('shows the oldest hold, says how many wait behind it, and moves on when the background drops it', async () => {
    await mount({ holds: [hold, second] });
    expect(container.querySelector('#prompt-title')!.textContent).toBe('promptTitle(kuaidai-loans.example)');
    expect(container.textContent).toContain('promptMore(1)');
    await port().push(state([second]));
    expect(container.querySelector('#prompt-title')!.textContent).toBe('promptTitle(other.example)');
    expect(container.textContent).not.toContain('promptMore');
  });

  it('focuses Don’t send on open and keeps Tab on the enabled buttons', async () => {
    await mount({ holds: [hold] });
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

  it('Escape answers Don’t send over the port', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await press('Escape');
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'cancelled' }]);
  });

  it('locks Send once and Trust until the prompt has been visible long enough', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
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

  it('keeps Send once and Trust locked while the host reports the prompt as not drawn safely, and says why', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything, safe: false });
    await passGate();
    await passGate();
    expect(button('sent-once').disabled).toBe(true);
    expect(button('trusted').disabled).toBe(true);
    expect(container.textContent).toContain('promptUnsafe');
    await click(button('trusted'));
    expect(decisions()).toEqual([]);
    // Safe again: the wait starts afresh, it is not credited with the unsafe time.
    await port().push(state([hold], true));
    await act(() => void vi.advanceTimersByTime(MIN_VISIBLE_MS - 1));
    expect(button('trusted').disabled).toBe(true);
    await act(() => void vi.advanceTimersByTime(1));
    expect(button('trusted').disabled).toBe(false);
    // And unsafe again locks at once.
    await port().push(state([hold], false));
    expect(button('trusted').disabled).toBe(true);
  });

  it('restarts the wait when the user presses on the prompt while it is locked (a tap game)', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    const tap = () => act(() => void button('sent-once').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
    for (let i = 0; i < 4; i++) {
      await act(() => void vi.advanceTimersByTime(MIN_VISIBLE_MS - 100));
      await tap();
    }
    expect(button('sent-once').disabled).toBe(true);
    await passGate();
    expect(button('sent-once').disabled).toBe(false);
  });

  it('sends Trust this site as "trusted" and answers only once', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await passGate();
    await click(button('trusted'));
    await click(button('trusted'));
    await click(button('cancelled'));
    await press('Escape');
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'trusted' }]);
    for (const decision of ['cancelled', 'sent-once', 'trusted']) expect(button(decision).disabled).toBe(true);
  });

  it('ignores synthetic (untrusted) clicks and keys', async () => {
    await mount({ holds: [hold] }); // the production predicate: event.isTrusted
    await passGate();
    await click(button('sent-once'));
    await click(button('trusted'));
    await click(button('cancelled'));
    await press('Escape');
    expect(decisions()).toEqual([]);
    expect(button('sent-once').disabled).toBe(false);
  });

  it('an answer given while the port is gone goes out once the prompt has reconnected', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await port().drop();
    await click(button('cancelled'));
    expect(container.querySelector('[role="alert"]')).toBeNull();
    await act(() => void vi.advanceTimersByTime(100));
    await port().push(state([hold]));
    expect(ports[1]!.posted).toContainEqual({ type: 'hold-decision', holdId: HOLD_ID, decision: 'cancelled' });
  });

  it('an answer the stopped worker never acted on is given again on the next connection, once; not after its hold is gone', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await passGate();
    await click(button('sent-once'));
    const sent = { type: 'hold-decision', holdId: HOLD_ID, decision: 'sent-once' };
    expect(ports[0]!.posted).toContainEqual(sent);
    await port().drop();
    await act(() => void vi.advanceTimersByTime(100));
    await port().push(state([hold]));
    await port().push(state([hold]));
    expect(ports[1]!.posted.filter((message) => JSON.stringify(message) === JSON.stringify(sent))).toHaveLength(1);
    // The hold ended: a later reconnection has nothing to repeat.
    await port().push(state([]));
    await port().drop();
    await act(() => void vi.advanceTimersByTime(100));
    await port().push(state([hold]));
    expect(ports[2]!.posted).not.toContainEqual(sent);
  });

  it('an answer given on a new connection the background has not answered yet waits for its state, then goes once', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await port().drop();
    await act(() => void vi.advanceTimersByTime(100));
    // Reconnected, but the restarting worker has not taken the port up (no state yet): nothing posted on it.
    await click(button('cancelled'));
    expect(decisions()).toEqual([]);
    await port().push(state([hold]));
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'cancelled' }]);
  });

  it('reconnects after the background restarts and takes the state it is sent anew', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await port().drop();
    await act(() => void vi.advanceTimersByTime(100));
    expect(ports).toHaveLength(2);
    expect(port().name).toBe(`prompt:${TOKEN}`);
    await port().push(state([hold]));
    await click(button('cancelled'));
    expect(ports[1]!.posted).toContainEqual({ type: 'hold-decision', holdId: HOLD_ID, decision: 'cancelled' });
  });

  it('stops reconnecting once unmounted', async () => {
    await mount({ holds: [hold] });
    await act(() => render(null, container));
    expect(ports[0]!.disconnected).toBe(true);
    await ports[0]!.drop();
    await act(() => void vi.advanceTimersByTime(1000));
    expect(ports).toHaveLength(1);
  });

  it('reports the room its content needs', async () => {
    await mount({ holds: [hold] });
    expect(posted('prompt-size').length).toBeGreaterThan(0);
    for (const message of posted('prompt-size')) {
      expect(message).toMatchObject({ type: 'prompt-size', width: expect.any(Number), height: expect.any(Number) });
    }
  });

  it('shows the expired message for a malformed fragment and connects to nothing', async () => {
    await mount({ hash: '#nope' });
    expect(ports).toEqual([]);
    expect(container.textContent).toContain('promptExpired');
  });

  it('says the answer failed when connecting throws (extension reloaded under the page)', async () => {
    await act(() =>
      render(
        <PromptApp
          hash={`#${TOKEN}`}
          connect={() => {
            throw new Error('Extension context invalidated');
          }}
        />,
        container,
      ),
    );
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
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
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserverEntry', FakeEntry);
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });

  const see = (isVisible: boolean) => act(() => report([{ isIntersecting: true, isVisible }]));

  it('tracks visibility with the required options', async () => {
    await mount({ holds: [hold] });
    expect(init).toMatchObject({ trackVisibility: true, delay: VISIBILITY_DELAY_MS });
  });

  it('stays locked until IOv2 confirms the dialog is visible', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await passGate();
    expect(button('sent-once').disabled).toBe(true);
    await see(true);
    await passGate();
    expect(button('sent-once').disabled).toBe(false);
  });

  it('relocks, restarts the wait and asks to be raised when the page covers it', async () => {
    await mount({ holds: [hold], isTrustedEvent: trustEverything });
    await see(true);
    await passGate();
    expect(button('trusted').disabled).toBe(false);
    await see(false);
    expect(button('trusted').disabled).toBe(true);
    expect(posted('prompt-obscured')).toEqual([{ type: 'prompt-obscured', holdId: HOLD_ID }]);
    await see(true);
    await act(() => void vi.advanceTimersByTime(MIN_VISIBLE_MS - 1));
    expect(button('trusted').disabled).toBe(true);
    await act(() => void vi.advanceTimersByTime(1));
    await click(button('trusted'));
    expect(decisions()).toEqual([{ type: 'hold-decision', holdId: HOLD_ID, decision: 'trusted' }]);
  });
});

describe('a page asking for access (contacts, camera…)', () => {
  const access: Hold = {
    ...hold,
    route: 'permission',
    destination: { site: 'kuaidai-loans.example', display: 'kuaidai-loans.example', origin: 'https://kuaidai-loans.example' },
    page: { site: 'kuaidai-loans.example', display: 'kuaidai-loans.example', url: 'https://kuaidai-loans.example/apply', title: '借款' },
    items: [
      { kind: 'contacts', masked: '—', fingerprint: null, complete: true, fieldKey: 'access.contacts' },
      { kind: 'camera', masked: '—', fingerprint: null, complete: true, fieldKey: 'access.camera' },
    ],
  };

  it('says what was asked for and why lenders ask, with allow/don\'t allow answers, and no masked value', async () => {
    await mount({ holds: [access] });
    expect(container.querySelector('#prompt-title')!.textContent).toContain('promptAccessTitle');
    expect([...container.querySelectorAll('[data-access]')].map((li) => li.getAttribute('data-access'))).toEqual(['contacts', 'camera']);
    expect(container.querySelector('[data-access="contacts"]')!.textContent).toContain('promptAccessWhy_contacts');
    expect(container.querySelector('.prompt-items .masked')).toBeNull();
    expect(container.querySelector('#prompt-hint')!.textContent).toBe('promptAccessHint');
    expect(container.querySelector('[data-decision="cancelled"]')!.textContent).toBe('promptAccessCancel');
    expect(container.querySelector('[data-decision="sent-once"]')!.textContent).toBe('promptAccessOnce');
  });
});
