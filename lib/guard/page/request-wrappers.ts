// MAIN-world request guard: wraps the ways a page can send data (fetch, XMLHttpRequest,
// navigator.sendBeacon, WebSocket.send, and form.submit where the Navigation API is missing) so a
// request carrying a watched value is held until the isolated-world guard says send or drop.
//
// Cost on a page where nothing is watched: one array-length check per request. The wrappers are
// also installed into same-origin child frames the moment the page can reach them, so a "clean"
// fetch taken from a fresh iframe is wrapped too.
import { findWatched, requestTexts, requestTextsAsync, type WatchedValue } from './value-match';
import type { ShareRoute } from '@/lib/messages/guard-messages';

/** MAIN → isolated. */
export type GuardQuestion = { type: 'hello' } | { type: 'check'; requestId: string; route: ShareRoute; url: string; matches: string[] };
/** isolated → MAIN. */
export type GuardAnswer =
  | { type: 'watch'; values: WatchedValue[] }
  | { type: 'verdict'; requestId: string; action: 'allow' | 'hold' | 'drop' }
  | { type: 'release'; requestIds: string[]; send: boolean };

export interface GuardChannel {
  post(message: GuardQuestion): void;
}

type PageWindow = Window & typeof globalThis;

export interface NetworkGuard {
  /** Feed an answer from the isolated world into the guard. */
  receive(message: GuardAnswer): void;
  /** Install the wrappers into a (same-origin) window; safe to call twice. */
  install(win: PageWindow): void;
}

export function createNetworkGuard(channel: GuardChannel, top: PageWindow): NetworkGuard {
  let watched: WatchedValue[] = [];
  const verdicts = new Map<string, 'allow' | 'hold' | 'drop'>();
  const pending = new Map<string, (send: boolean) => void>();
  const installed = new WeakSet<object>();
  const random = top.crypto.getRandomValues.bind(top.crypto);
  const newId = (): string => Array.from(random(new Uint32Array(3)), (n) => n.toString(36)).join('');

  /** Synchronous decision for the texts of one request: allow, hold (ask the user) or drop. */
  function decide(route: ShareRoute, url: string, texts: readonly string[]): { action: 'allow' | 'hold' | 'drop'; requestId: string } {
    const requestId = newId();
    const hits = findWatched(texts, watched);
    if (hits.length === 0) return { action: 'allow', requestId };
    channel.post({ type: 'check', requestId, route, url, matches: hits.map((hit) => hit.id) });
    const action = verdicts.get(requestId) ?? 'hold';
    verdicts.delete(requestId);
    return { action, requestId };
  }

  /** Resolves true (send) or false (drop) once the user has answered for this request. */
  const waitFor = (requestId: string): Promise<boolean> => new Promise((resolve) => pending.set(requestId, resolve));

  async function decideAsync(route: ShareRoute, url: string, body: unknown): Promise<boolean> {
    const texts = await requestTextsAsync(url, body);
    const { action, requestId } = decide(route, url, texts);
    return action === 'hold' ? waitFor(requestId) : action === 'allow';
  }

  function absolute(win: PageWindow, url: unknown): string {
    try {
      return new win.URL(String(url), win.location.href).href;
    } catch {
      return String(url);
    }
  }

  function wrapFetch(win: PageWindow): void {
    const nativeFetch = win.fetch;
    win.fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      if (watched.length === 0) return nativeFetch.call(win, input, init);
      const isRequest = input instanceof win.Request;
      const url = absolute(win, isRequest ? (input as Request).url : input instanceof win.URL ? input.href : input);
      // A Request carries its own body (unless init replaces it): read it from a copy, as a Blob
      // (Request.body as a stream is missing in some browsers), so the page's Request stays unread.
      const decision =
        init?.body == null && isRequest
          ? (input as Request).clone().blob().then((blob) => decideAsync('fetch', url, blob), () => decideAsync('fetch', url, undefined))
          : decideAsync('fetch', url, init?.body);
      return decision.then((send) => (send ? nativeFetch.call(win, input, init) : Promise.reject(new win.TypeError('Failed to fetch'))));
    };
  }

  function wrapXhr(win: PageWindow): void {
    const proto = win.XMLHttpRequest.prototype;
    const nativeOpen = proto.open;
    const nativeSend = proto.send;
    const requests = new WeakMap<XMLHttpRequest, { url: string; async: boolean }>();
    proto.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      requests.set(this, { url: absolute(win, url), async: rest.length === 0 || rest[0] !== false });
      return (nativeOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof proto.open;
    proto.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (watched.length === 0) return nativeSend.call(this, body);
      const meta = requests.get(this) ?? { url: '', async: true };
      const fail = (): void => {
        // What a page sees when the network refuses: an error, then loadend.
        this.dispatchEvent(new win.ProgressEvent('error'));
        this.dispatchEvent(new win.ProgressEvent('loadend'));
      };
      const { texts, pending: bodyIsAsync } = requestTexts(meta.url, body);
      if (!meta.async) {
        // A synchronous request can't wait for the user: it is allowed or refused on the spot.
        if (decide('xhr', meta.url, texts).action !== 'allow') throw new win.DOMException('LoanGuard held this request', 'NetworkError');
        return nativeSend.call(this, body);
      }
      const go = (send: boolean): void => (send ? nativeSend.call(this, body) : fail());
      if (bodyIsAsync) {
        void decideAsync('xhr', meta.url, body).then(go);
        return;
      }
      const { action, requestId } = decide('xhr', meta.url, texts);
      if (action === 'hold') void waitFor(requestId).then(go);
      else go(action === 'allow');
    };
  }

  function wrapBeacon(win: PageWindow): void {
    const nav = win.navigator;
    if (typeof nav.sendBeacon !== 'function') return;
    const nativeBeacon = nav.sendBeacon;
    nav.sendBeacon = function sendBeacon(url: string | URL, data?: BodyInit | null): boolean {
      if (watched.length === 0) return nativeBeacon.call(nav, url, data);
      const target = absolute(win, url);
      const { texts, pending: bodyIsAsync } = requestTexts(target, data);
      if (bodyIsAsync) {
        void decideAsync('beacon', target, data).then((send) => send && nativeBeacon.call(nav, url, data));
        return true;
      }
      const { action, requestId } = decide('beacon', target, texts);
      if (action === 'allow') return nativeBeacon.call(nav, url, data);
      // A held beacon reports "queued", as the browser does for any beacon it accepts.
      if (action === 'hold') void waitFor(requestId).then((send) => send && nativeBeacon.call(nav, url, data));
      return action === 'hold';
    };
  }

  function wrapWebSocket(win: PageWindow): void {
    const proto = win.WebSocket.prototype;
    const nativeSend = proto.send;
    // Messages on one socket keep their order: once one is held, later ones wait behind it.
    const queues = new WeakMap<WebSocket, Promise<unknown>>();
    proto.send = function send(this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
      const queued = queues.get(this);
      if (watched.length === 0 && !queued) return nativeSend.call(this, data);
      const url = this.url;
      const deliver = (ok: boolean): void => {
        if (ok) nativeSend.call(this, data);
      };
      if (!queued) {
        const { texts, pending: bodyIsAsync } = requestTexts(url, data);
        if (!bodyIsAsync) {
          const { action, requestId } = decide('websocket', url, texts);
          if (action !== 'hold') return deliver(action === 'allow');
          const done = waitFor(requestId).then(deliver);
          queues.set(this, done);
          void done.then(() => queues.get(this) === done && queues.delete(this));
          return;
        }
      }
      const next = (queued ?? Promise.resolve()).then(() => decideAsync('websocket', url, data)).then(deliver);
      queues.set(this, next);
      void next.then(() => queues.get(this) === next && queues.delete(this));
    };
  }

  function wrapFormSubmit(win: PageWindow): void {
    // With the Navigation API the isolated world sees every form navigation (including
    // form.submit()) in its `navigate` event; only browsers without it need this wrapper.
    if ('navigation' in (win as object)) return;
    const proto = win.HTMLFormElement.prototype;
    const nativeSubmit = proto.submit;
    proto.submit = function submit(this: HTMLFormElement) {
      if (watched.length === 0) return nativeSubmit.call(this);
      const url = absolute(win, this.action);
      const entries: string[] = [url];
      for (const [name, value] of new win.FormData(this)) entries.push(`${name}=${typeof value === 'string' ? value : value.name}`);
      const { action, requestId } = decide('form', url, [entries.join('&')]);
      if (action === 'allow') return nativeSubmit.call(this);
      if (action === 'hold') void waitFor(requestId).then((send) => send && nativeSubmit.call(this));
    };
  }

  /** Child frames the page can reach synchronously get the wrappers before the page gets the frame. */
  function guardChildFrames(win: PageWindow): void {
    let inside = false; // installInto reads contentWindow, which is itself wrapped below
    const installInto = (frame: Element): void => {
      if (inside) return;
      inside = true;
      try {
        const child = (frame as HTMLIFrameElement).contentWindow as PageWindow | null;
        if (child && child !== win) install(child);
      } catch {
        // Cross-origin frame: its own content scripts guard it.
      } finally {
        inside = false;
      }
    };
    for (const ctor of [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement]) {
      if (!ctor) continue;
      for (const prop of ['contentWindow', 'contentDocument'] as const) {
        const descriptor = Object.getOwnPropertyDescriptor(ctor.prototype, prop);
        const getter = descriptor?.get;
        if (!descriptor || !getter) continue;
        Object.defineProperty(ctor.prototype, prop, {
          ...descriptor,
          get(this: Element) {
            const value = getter.call(this);
            if (value) installInto(this);
            return value;
          },
        });
      }
    }
    // Inserting markup or nodes that contain frames: guard them before the call returns.
    const afterInsert = (node: unknown): void => {
      if (!(node instanceof win.Element || node instanceof win.DocumentFragment)) return;
      if (node instanceof win.HTMLIFrameElement || node instanceof win.HTMLFrameElement) installInto(node);
      for (const frame of (node as ParentNode).querySelectorAll('iframe,frame,object')) installInto(frame);
    };
    const wrapMethod = (proto: object, name: string, target: (self: Node, args: unknown[]) => unknown[]): void => {
      const native = (proto as Record<string, unknown>)[name];
      if (typeof native !== 'function') return;
      (proto as Record<string, unknown>)[name] = function (this: Node, ...args: unknown[]) {
        const result = (native as (...a: unknown[]) => unknown).apply(this, args);
        for (const node of target(this, args)) afterInsert(node);
        return result;
      };
    };
    const theArgs = (_self: Node, args: unknown[]) => args;
    const theParent = (self: Node) => [self.parentNode ?? self];
    wrapMethod(win.Node.prototype, 'appendChild', theArgs);
    wrapMethod(win.Node.prototype, 'insertBefore', theArgs);
    wrapMethod(win.Node.prototype, 'replaceChild', theArgs);
    for (const name of ['append', 'prepend', 'before', 'after', 'replaceWith']) wrapMethod(win.Element.prototype, name, theParent);
    wrapMethod(win.Element.prototype, 'insertAdjacentElement', theParent);
    wrapMethod(win.Element.prototype, 'insertAdjacentHTML', theParent);
    for (const prop of ['innerHTML', 'outerHTML'] as const) {
      const descriptor = Object.getOwnPropertyDescriptor(win.Element.prototype, prop);
      const setter = descriptor?.set;
      if (!descriptor || !setter) continue;
      Object.defineProperty(win.Element.prototype, prop, {
        ...descriptor,
        set(this: Element, value: string) {
          const parent = this.parentNode;
          setter.call(this, value);
          afterInsert(prop === 'innerHTML' ? this : parent);
        },
      });
    }
    const nativeOpen = win.open;
    win.open = function open(...args: Parameters<typeof window.open>) {
      const opened = nativeOpen.apply(win, args) as PageWindow | null;
      try {
        if (opened) install(opened);
      } catch {
        // Cross-origin popup: guarded by its own content scripts.
      }
      return opened;
    };
  }

  function install(win: PageWindow): void {
    if (installed.has(win)) return;
    installed.add(win);
    wrapFetch(win);
    wrapXhr(win);
    wrapBeacon(win);
    wrapWebSocket(win);
    wrapFormSubmit(win);
    guardChildFrames(win);
  }

  return {
    install,
    receive(message) {
      switch (message.type) {
        case 'watch':
          watched = message.values;
          break;
        case 'verdict':
          verdicts.set(message.requestId, message.action);
          break;
        case 'release':
          for (const id of message.requestIds) {
            pending.get(id)?.(message.send);
            pending.delete(id);
          }
          break;
      }
    },
  };
}
