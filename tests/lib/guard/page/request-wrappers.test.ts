// Unit tests for lib/guard/page/request-wrappers.ts in happy-dom: fetch / XHR / sendBeacon / WebSocket / form.submit held, released or passed through (recording fakes, no network).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNetworkGuard, type GuardQuestion, type NetworkGuard } from '@/lib/guard/page/request-wrappers';
import { watchedValue, type WatchedValue } from '@/lib/guard/page/value-match';

type PageWindow = Window & typeof globalThis;
type Check = Extract<GuardQuestion, { type: 'check' }>;

const PHONE = watchedValue('f1', 'phone', '138 0013 8000') as WatchedValue;
const BODY = 'name=li&phone=13800138000';
const CLEAN = 'name=li&city=beijing';

/** Lets pending promise callbacks (the async body reads) run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

// happy-dom has no HTMLFrameElement (every browser does); the frame guard's instanceof needs one.
const pageGlobals = window as unknown as Record<string, unknown>;
if (typeof pageGlobals.HTMLFrameElement !== 'function') pageGlobals.HTMLFrameElement = class HTMLFrameElement extends HTMLElement {};

// Everything install() replaces, saved once and put back after each test so wrappers never stack.
const PATCHED: [object, string][] = [
  [window, 'fetch'],
  [window, 'open'],
  [navigator, 'sendBeacon'],
  [XMLHttpRequest.prototype, 'open'],
  [XMLHttpRequest.prototype, 'send'],
  [WebSocket.prototype, 'send'],
  [HTMLFormElement.prototype, 'submit'],
  ...['appendChild', 'insertBefore', 'replaceChild'].map((name): [object, string] => [Node.prototype, name]),
  ...['append', 'prepend', 'before', 'after', 'replaceWith', 'insertAdjacentElement', 'insertAdjacentHTML', 'innerHTML', 'outerHTML'].map(
    (name): [object, string] => [Element.prototype, name],
  ),
  ...['HTMLIFrameElement', 'HTMLFrameElement', 'HTMLObjectElement'].flatMap((ctor) => {
    const proto = (window as unknown as Record<string, { prototype: object } | undefined>)[ctor]?.prototype;
    return proto ? ['contentWindow', 'contentDocument'].map((name): [object, string] => [proto, name]) : [];
  }),
];
const saved = PATCHED.map(([target, name]) => Object.getOwnPropertyDescriptor(target, name));
function restorePatched(): void {
  PATCHED.forEach(([target, name], i) => {
    const descriptor = saved[i];
    if (descriptor) Object.defineProperty(target, name, descriptor);
    else delete (target as Record<string, unknown>)[name];
  });
}

interface Harness {
  guard: NetworkGuard;
  checks: Check[];
  /** What the fake isolated world answers to each check; undefined = no verdict (the guard's default). */
  verdict: 'allow' | 'hold' | 'drop' | undefined;
  release(send: boolean, check?: Check): void;
}

function harness(win: PageWindow = window): Harness {
  const checks: Check[] = [];
  const h: Harness = {
    guard: createNetworkGuard(
      {
        post(message) {
          if (message.type !== 'check') return;
          checks.push(message);
          if (h.verdict) h.guard.receive({ type: 'verdict', requestId: message.requestId, action: h.verdict });
        },
      },
      win,
    ),
    checks,
    verdict: 'hold',
    release(send, check = checks.at(-1)) {
      if (!check) throw new Error('nothing was checked');
      h.guard.receive({ type: 'release', requestIds: [check.requestId], send });
    },
  };
  return h;
}

let h: Harness;
let nativeFetch: ReturnType<typeof vi.fn>;
let nativeBeacon: ReturnType<typeof vi.fn>;
let nativeXhrOpen: ReturnType<typeof vi.fn>;
let nativeXhrSend: ReturnType<typeof vi.fn>;
let nativeWsSend: ReturnType<typeof vi.fn>;
let nativeSubmit: ReturnType<typeof vi.fn>;
const FETCH_RESULT = Promise.resolve(new Response('ok'));

beforeEach(() => {
  // Recording fakes in place of the browser's own senders, installed BEFORE the guard wraps them.
  nativeFetch = vi.fn(() => FETCH_RESULT);
  nativeBeacon = vi.fn(() => true);
  nativeXhrOpen = vi.fn();
  nativeXhrSend = vi.fn();
  nativeWsSend = vi.fn();
  nativeSubmit = vi.fn();
  window.fetch = nativeFetch as unknown as typeof fetch;
  navigator.sendBeacon = nativeBeacon as unknown as Navigator['sendBeacon'];
  XMLHttpRequest.prototype.open = nativeXhrOpen as unknown as XMLHttpRequest['open'];
  XMLHttpRequest.prototype.send = nativeXhrSend as unknown as XMLHttpRequest['send'];
  WebSocket.prototype.send = nativeWsSend as unknown as WebSocket['send'];
  HTMLFormElement.prototype.submit = nativeSubmit as unknown as HTMLFormElement['submit'];
  h = harness();
  h.guard.install(window);
});
afterEach(() => {
  restorePatched();
  document.body.innerHTML = '';
});

const watch = (...values: WatchedValue[]): void => h.guard.receive({ type: 'watch', values });

/** A WebSocket-shaped object that never connects. */
function fakeSocket(url = 'wss://chat.lender.example/ws'): WebSocket {
  const socket = Object.create(WebSocket.prototype) as WebSocket;
  Object.defineProperty(socket, 'url', { value: url });
  return socket;
}

describe('install', () => {
  it('is a no-op the second time', () => {
    const wrapped = { fetch: window.fetch, send: XMLHttpRequest.prototype.send, beacon: navigator.sendBeacon, ws: WebSocket.prototype.send };
    expect(wrapped.fetch).not.toBe(nativeFetch);
    h.guard.install(window);
    expect({ fetch: window.fetch, send: XMLHttpRequest.prototype.send, beacon: navigator.sendBeacon, ws: WebSocket.prototype.send }).toEqual(wrapped);
    // And one request still asks once.
    watch(PHONE);
    navigator.sendBeacon('https://lender.example/b', BODY);
    expect(h.checks).toHaveLength(1);
  });
});

describe('fetch', () => {
  it('passes straight through, with the same arguments, while nothing is watched', () => {
    const init = { method: 'POST', body: BODY };
    const result = window.fetch('https://lender.example/api', init);
    expect(result).toBe(FETCH_RESULT);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    expect(nativeFetch.mock.calls[0]).toEqual(['https://lender.example/api', init]);
    expect(nativeFetch.mock.calls[0]?.[1]).toBe(init);
    expect(h.checks).toEqual([]);
  });

  it('lets a request without watched values go without asking', async () => {
    watch(PHONE);
    await window.fetch('https://lender.example/api', { method: 'POST', body: CLEAN });
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    expect(h.checks).toEqual([]);
  });

  it('holds a request carrying a watched value until released, then sends it once with the original arguments', async () => {
    watch(PHONE);
    const init = { method: 'POST', body: BODY };
    let settled = false;
    const result = window.fetch('/api/apply', init).finally(() => {
      settled = true;
    });
    await settle();
    expect(h.checks).toEqual([{ type: 'check', requestId: expect.any(String), route: 'fetch', url: new URL('/api/apply', location.href).href, matches: ['f1'] }]);
    expect(nativeFetch).not.toHaveBeenCalled();
    expect(settled).toBe(false);
    h.release(true);
    await expect(result).resolves.toBeInstanceOf(Response);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    expect(nativeFetch.mock.calls[0]?.[0]).toBe('/api/apply');
    expect(nativeFetch.mock.calls[0]?.[1]).toBe(init);
    // A second release for the same request changes nothing.
    h.release(true);
    await settle();
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('holds by default when the isolated world gives no verdict', async () => {
    h.verdict = undefined;
    watch(PHONE);
    void window.fetch('https://lender.example/api?phone=13800138000');
    await settle();
    expect(h.checks).toHaveLength(1);
    expect(nativeFetch).not.toHaveBeenCalled();
  });

  it("rejects with a TypeError, like a network failure, on send: false", async () => {
    watch(PHONE);
    const result = window.fetch('https://lender.example/api', { method: 'POST', body: BODY });
    await settle();
    h.release(false);
    await expect(result).rejects.toThrow(TypeError);
    await expect(result).rejects.toThrow('Failed to fetch');
    expect(nativeFetch).not.toHaveBeenCalled();
  });

  it("passes at once on an 'allow' verdict and rejects on 'drop'", async () => {
    watch(PHONE);
    h.verdict = 'allow';
    await window.fetch('https://trusted.example/api', { method: 'POST', body: BODY });
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    h.verdict = 'drop';
    await expect(window.fetch('https://lender.example/api', { method: 'POST', body: BODY })).rejects.toThrow(TypeError);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('finds the value in a URL given as a URL object', async () => {
    watch(PHONE);
    void window.fetch(new URL('https://lender.example/api?m=13800138000'));
    await settle();
    expect(h.checks.map((check) => check.url)).toEqual(['https://lender.example/api?m=13800138000']);
  });

  it('reads the body of a Request object, and sends that same Request when released', async () => {
    watch(PHONE);
    const request = new Request('https://lender.example/api', { method: 'POST', body: BODY });
    const result = window.fetch(request);
    await settle();
    expect(h.checks).toHaveLength(1);
    expect(h.checks[0]?.matches).toEqual(['f1']);
    expect(nativeFetch).not.toHaveBeenCalled();
    h.release(true);
    await result;
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    expect(nativeFetch.mock.calls[0]?.[0]).toBe(request);
    // The guard read a copy: the page's Request body is still unread.
    expect(request.bodyUsed).toBe(false);
  });

  it('lets a Request whose body carries nothing watched go without asking', async () => {
    watch(PHONE);
    await window.fetch(new Request('https://lender.example/api', { method: 'POST', body: CLEAN }));
    expect(h.checks).toEqual([]);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('reads a Blob body', async () => {
    watch(PHONE);
    void window.fetch('https://lender.example/api', { method: 'POST', body: new Blob([JSON.stringify({ phone: '13800138000' })]) });
    await settle();
    expect(h.checks).toHaveLength(1);
  });

  it('goes back to passing straight through when the watched list is emptied', () => {
    watch(PHONE);
    watch();
    window.fetch('https://lender.example/api', { method: 'POST', body: BODY });
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    expect(h.checks).toEqual([]);
  });
});

describe('XMLHttpRequest', () => {
  function openXhr(url = 'https://lender.example/api', async?: boolean): XMLHttpRequest {
    const xhr = new XMLHttpRequest();
    if (async === undefined) xhr.open('POST', url);
    else xhr.open('POST', url, async);
    return xhr;
  }

  it('passes straight through while nothing is watched', () => {
    const xhr = openXhr();
    xhr.send(BODY);
    expect(nativeXhrOpen).toHaveBeenCalledWith('POST', 'https://lender.example/api');
    expect(nativeXhrSend).toHaveBeenCalledTimes(1);
    expect(nativeXhrSend.mock.contexts[0]).toBe(xhr);
    expect(nativeXhrSend.mock.calls[0]).toEqual([BODY]);
  });

  it('holds an async request until released, then sends it on the same object', () => {
    watch(PHONE);
    const xhr = openXhr('/api/apply');
    xhr.send(BODY);
    expect(h.checks).toMatchObject([{ route: 'xhr', url: new URL('/api/apply', location.href).href, matches: ['f1'] }]);
    expect(nativeXhrSend).not.toHaveBeenCalled();
    h.release(true);
    return settle().then(() => {
      expect(nativeXhrSend).toHaveBeenCalledTimes(1);
      expect(nativeXhrSend.mock.contexts[0]).toBe(xhr);
      expect(nativeXhrSend.mock.calls[0]).toEqual([BODY]);
    });
  });

  it('fails a refused request the way the network does: error, then loadend', async () => {
    watch(PHONE);
    const xhr = openXhr();
    const events: string[] = [];
    for (const type of ['error', 'loadend', 'load']) xhr.addEventListener(type, () => events.push(type));
    xhr.send(BODY);
    h.release(false);
    await settle();
    expect(events).toEqual(['error', 'loadend']);
    expect(nativeXhrSend).not.toHaveBeenCalled();
  });

  it("sends at once on 'allow' and fails at once on 'drop'", () => {
    watch(PHONE);
    h.verdict = 'allow';
    openXhr().send(BODY);
    expect(nativeXhrSend).toHaveBeenCalledTimes(1);
    h.verdict = 'drop';
    const xhr = openXhr();
    const events: string[] = [];
    for (const type of ['error', 'loadend']) xhr.addEventListener(type, () => events.push(type));
    xhr.send(BODY);
    expect(events).toEqual(['error', 'loadend']);
    expect(nativeXhrSend).toHaveBeenCalledTimes(1);
  });

  it('refuses a synchronous request it would have to hold, and sends an allowed one', () => {
    watch(PHONE);
    const held = openXhr('https://lender.example/api', false);
    expect(() => held.send(BODY)).toThrow(expect.objectContaining({ name: 'NetworkError' }));
    expect(nativeXhrSend).not.toHaveBeenCalled();
    h.verdict = 'allow';
    openXhr('https://lender.example/api', false).send(BODY);
    expect(nativeXhrSend).toHaveBeenCalledTimes(1);
  });

  it('checks a Blob body asynchronously', async () => {
    watch(PHONE);
    openXhr().send(new Blob([BODY]));
    await settle();
    expect(h.checks).toHaveLength(1);
    expect(nativeXhrSend).not.toHaveBeenCalled();
    h.release(true);
    await settle();
    expect(nativeXhrSend).toHaveBeenCalledTimes(1);
  });
});

describe('navigator.sendBeacon', () => {
  it('passes straight through while nothing is watched', () => {
    nativeBeacon.mockReturnValueOnce(false);
    expect(navigator.sendBeacon('https://lender.example/b', BODY)).toBe(false);
    expect(nativeBeacon).toHaveBeenCalledWith('https://lender.example/b', BODY);
  });

  it('reports a held beacon as queued and sends it only when released with send', async () => {
    watch(PHONE);
    expect(navigator.sendBeacon('https://lender.example/b', BODY)).toBe(true);
    expect(h.checks).toMatchObject([{ route: 'beacon' }]);
    expect(nativeBeacon).not.toHaveBeenCalled();
    h.release(true);
    await settle();
    expect(nativeBeacon).toHaveBeenCalledTimes(1);
    expect(nativeBeacon.mock.calls[0]).toEqual(['https://lender.example/b', BODY]);
    expect(nativeBeacon.mock.contexts[0]).toBe(navigator);
  });

  it('never sends a held beacon released with send: false', async () => {
    watch(PHONE);
    navigator.sendBeacon('https://lender.example/b', BODY);
    h.release(false);
    await settle();
    expect(nativeBeacon).not.toHaveBeenCalled();
  });

  it("sends at once on 'allow' (returning the browser's answer) and returns false on 'drop'", () => {
    watch(PHONE);
    h.verdict = 'allow';
    nativeBeacon.mockReturnValueOnce(false);
    expect(navigator.sendBeacon('https://lender.example/b', BODY)).toBe(false);
    expect(nativeBeacon).toHaveBeenCalledTimes(1);
    h.verdict = 'drop';
    expect(navigator.sendBeacon('https://lender.example/b', BODY)).toBe(false);
    expect(nativeBeacon).toHaveBeenCalledTimes(1);
  });
});

describe('WebSocket.send', () => {
  it('passes straight through while nothing is watched', () => {
    const socket = fakeSocket();
    socket.send(BODY);
    expect(nativeWsSend).toHaveBeenCalledWith(BODY);
    expect(nativeWsSend.mock.contexts[0]).toBe(socket);
  });

  it('holds a message with a watched value, and keeps later messages on that socket behind it, in order', async () => {
    watch(PHONE);
    const socket = fakeSocket();
    const other = fakeSocket('wss://other.example/ws');
    socket.send(BODY);
    socket.send(CLEAN);
    other.send(CLEAN);
    expect(h.checks).toMatchObject([{ route: 'websocket', url: 'wss://chat.lender.example/ws' }]);
    // The other socket is not held up.
    expect(nativeWsSend.mock.calls).toEqual([[CLEAN]]);
    expect(nativeWsSend.mock.contexts).toEqual([other]);
    await settle();
    expect(nativeWsSend).toHaveBeenCalledTimes(1);
    h.release(true, h.checks[0]);
    await settle();
    expect(nativeWsSend.mock.calls).toEqual([[CLEAN], [BODY], [CLEAN]]);
    expect(nativeWsSend.mock.contexts).toEqual([other, socket, socket]);
  });

  it('drops a refused message but still sends the clean ones queued behind it', async () => {
    watch(PHONE);
    const socket = fakeSocket();
    socket.send(BODY);
    socket.send(CLEAN);
    h.release(false, h.checks[0]);
    await settle();
    expect(nativeWsSend.mock.calls).toEqual([[CLEAN]]);
  });
});

describe('HTMLFormElement.submit (no Navigation API)', () => {
  function form(phone: string): HTMLFormElement {
    document.body.innerHTML = `<form id="form-${phone}" action="/apply" method="post"><input name="phone" value="${phone}"><input name="name" value="li"></form>`;
    return document.querySelector('form')!;
  }
  // happy-dom's forms are Proxies whose methods run on the target, so `this` is compared by id, not identity.
  const submittedIds = (): string[] => nativeSubmit.mock.contexts.map((context) => (context as HTMLFormElement).id);

  it('passes straight through while nothing is watched', () => {
    const f = form('13800138000');
    f.submit();
    expect(submittedIds()).toEqual([f.id]);
  });

  it('holds a submission carrying a watched value and submits when released with send', async () => {
    watch(PHONE);
    const f = form('13800138000');
    f.submit();
    expect(h.checks).toMatchObject([{ route: 'form', url: new URL('/apply', location.href).href, matches: ['f1'] }]);
    expect(nativeSubmit).not.toHaveBeenCalled();
    h.release(true);
    await settle();
    expect(submittedIds()).toEqual([f.id]);
  });

  it('does not submit when released without send, and submits a clean form at once', async () => {
    watch(PHONE);
    form('13800138000').submit();
    h.release(false);
    await settle();
    expect(nativeSubmit).not.toHaveBeenCalled();
    form('13900139000').submit();
    expect(nativeSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('child windows', () => {
  it('wraps fetch in a window opened with window.open', async () => {
    const popupFetch = vi.fn(() => FETCH_RESULT);
    // A minimal same-origin window: only what install() touches.
    const popup = {
      fetch: popupFetch,
      XMLHttpRequest: class {
        open(): void {}
        send(): void {}
      },
      navigator: {},
      WebSocket: class {
        send(): void {}
      },
      navigation: {},
      Node: class {},
      Element: class {},
      open: () => null,
      URL,
      Request,
      TypeError,
      location: { href: 'https://shop.example/popup' },
    } as unknown as PageWindow;
    restorePatched();
    window.open = (() => popup) as typeof window.open;
    h = harness();
    h.guard.install(window);
    watch(PHONE);
    const opened = window.open('https://shop.example/popup') as PageWindow;
    expect(opened).toBe(popup);
    const result = opened.fetch('https://lender.example/api', { method: 'POST', body: BODY });
    await settle();
    expect(h.checks).toHaveLength(1);
    expect(popupFetch).not.toHaveBeenCalled();
    h.release(true);
    await result;
    expect(popupFetch).toHaveBeenCalledTimes(1);
  });
});
