// MAIN-world request guard: wraps every way a page script can send data — fetch, fetchLater,
// XMLHttpRequest, sendBeacon, WebSocket (its URL and its messages), EventSource, form.submit() into
// another window, document.cookie and cookieStore.set, window.open, RTCPeerConnection's ICE servers, and postMessage to
// workers, ports and channels — and, while the isolated world says a value is watched in this tab,
// snapshots each request (natives.ts, request-snapshot.ts), asks the isolated world about exactly that
// snapshot, and sends exactly that snapshot if and when it is allowed. It never sees the watched
// values: matching happens in the isolated world, out of the page's reach.
//
// Cost while nothing is watched: one boolean check per call. Fail closed: a question nobody answers,
// an unreadable or oversized body, or an error while snapshotting holds the request rather than
// sending it unchecked. Same-origin child windows get the wrappers before the page can reach them.
import { captureNatives, getterOf, uncurry, type Natives } from './natives';
import type { MainChannel } from './page-channel';
import { createSnapshotter, type Snapshotter } from './request-snapshot';
import { wrapAccess } from './access-wrappers';

type PageWindow = Window & typeof globalThis;
type Release = (send: boolean) => void;

/** Routes the page can use, as named in questions (and in the log). */
export type PageRoute =
  | 'fetch'
  | 'fetch-later'
  | 'xhr'
  | 'beacon'
  | 'websocket'
  | 'eventsource'
  | 'form'
  | 'cookie'
  | 'window-open'
  | 'webrtc'
  | 'postmessage'
  | 'permission';

export interface RequestGuard {
  /** A message from the isolated world (watching state, releases). */
  receive(message: string): void;
  /** Install the wrappers into a (same-origin) window; safe to call twice. */
  install(win: PageWindow): void;
}

/**
 * `head` followed by `list[from…]`, built with index loops: spread and Array.prototype methods use
 * the page's (patchable) iterator and methods; these run while the page is live.
 */
function joined(head: readonly unknown[], list: readonly unknown[], from = 0): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < head.length; i++) out[out.length] = head[i];
  for (let i = from; i < list.length; i++) out[out.length] = list[i];
  return out;
}

/** Thrown by constructors that can't wait for an answer (WebSocket, EventSource, RTCPeerConnection…). */
const HELD_MESSAGE = 'LoanGuard is asking before this sends your personal data';

export function createRequestGuard(channel: () => MainChannel | undefined, top: PageWindow, n: Natives = captureNatives(top)): RequestGuard {
  let watching = false;
  const pending = n.createNull() as Record<string, Release>;
  const installed: unknown[] = [];

  /** Asks about one request; calls `go(true/false)` now or when the user has answered. */
  function decide(route: PageRoute, url: string, method: string, text: string, flags: string, go: Release): void {
    const id = n.randomHex(12);
    const ch = channel();
    let allowed = false;
    try {
      allowed = ch ? ch.ask({ id, route, url, method, text, flags }) : false;
    } catch {
      allowed = false;
    }
    if (allowed) go(true);
    else pending[id] = go;
  }

  /** For calls that can't wait: true = go now; false = refused now (the user is being asked). */
  function decideNow(route: PageRoute, url: string, method: string, text: string): boolean {
    let now = false;
    decide(route, url, method, text, 'S', (send) => {
      now = send;
    });
    return now;
  }

  function install(win: PageWindow): void {
    for (let i = 0; i < installed.length; i++) if (installed[i] === win) return;
    installed[installed.length] = win;
    const local = win === top ? n : captureNatives(win);
    const snap = createSnapshotter(win, local);
    // A child realm guarded by us already holds our (foreign) functions: nothing more to wrap.
    wrapFetch(win, local, snap);
    wrapXhr(win, local, snap);
    wrapBeacon(win, local, snap);
    wrapWebSocket(win, local, snap);
    wrapUrlConstructor(win, local, snap, 'EventSource', 'eventsource');
    wrapFormSubmit(win, local, snap);
    wrapCookie(win, local);
    wrapRtc(win, local, snap);
    wrapPostMessage(win, local, snap);
    // Contacts, camera, location, clipboard: asked about whatever is watched (the isolated world
    // decides by the page, not by typed values); the page's address is the "destination".
    const location = win.location;
    wrapAccess(win, local, (kind, go) => decide('permission', local.toString(location.href), '', kind, '', go));
    guardChildRealms(win, local);
  }

  function refusal(win: PageWindow): Error {
    return new win.DOMException(HELD_MESSAGE, 'SecurityError');
  }

  function wrapFetch(win: PageWindow, l: Natives, snap: Snapshotter): void {
    const nativeFetch = win.fetch;
    const NativeRequest = win.Request;
    const requestUrl = getterOf(win, NativeRequest.prototype, 'url')!;
    const requestMethod = getterOf(win, NativeRequest.prototype, 'method')!;
    const requestReferrer = getterOf(win, NativeRequest.prototype, 'referrer')!;
    const requestHeaders = getterOf(win, NativeRequest.prototype, 'headers')!;
    const requestClone = uncurry(win, NativeRequest.prototype.clone);
    const requestArrayBuffer = uncurry(win, NativeRequest.prototype.arrayBuffer);
    const headersForEach = uncurry(win, win.Headers.prototype.forEach) as (self: Headers, callback: (value: string, name: string) => void) => void;
    const NativeTypeError = win.TypeError;

    /** The request exactly as the browser will make it, and what it carries as text. */
    function snapshot(input: unknown, init: unknown): { request: Request; head: string; url: string; method: string } {
      // The browser itself merges input and init, reading every page getter exactly once.
      const request = l.construct(NativeRequest, init === undefined ? [input] : [input, init]) as Request;
      let head = '';
      headersForEach(requestHeaders(request) as Headers, (value, name) => {
        head += `${name}: ${value}\n`;
      });
      head += `referrer: ${requestReferrer(request) as string}\n`;
      return { request, head, url: requestUrl(request) as string, method: requestMethod(request) as string };
    }

    function guardedFetch(route: PageRoute, send: (request: Request) => unknown) {
      return function fetch(this: unknown, input: unknown, init?: unknown): unknown {
        if (!watching) return l.apply(nativeFetchFor(route), win, init === undefined ? [input] : [input, init]);
        let taken: ReturnType<typeof snapshot>;
        try {
          taken = snapshot(input, init);
        } catch (error) {
          // The same failure fetch() itself would report, without trying the page's objects twice.
          return new l.Promise((_, reject) => reject(error));
        }
        const { request, head, url, method } = taken;
        const outcome = new l.Promise((resolve, reject) => {
          const go = (allowed: boolean): void => {
            if (!allowed) reject(new NativeTypeError('Failed to fetch'));
            else if (route === 'fetch') l.then(send(request) as Promise<unknown>, resolve, reject);
            else {
              try {
                resolve(send(request));
              } catch (error) {
                reject(error);
              }
            }
          };
          if (method === 'GET' || method === 'HEAD') {
            decide(route, url, method, head, '', go);
            return;
          }
          // Read a copy of the body; the request itself is sent untouched.
          l.then(
            requestArrayBuffer(requestClone(request) as Request) as Promise<ArrayBuffer>,
            (buffer) => decide(route, url, method, head + snap.decode(buffer), '', go),
            () => decide(route, url, method, head, 'U', go),
          );
        });
        if (route === 'fetch') return outcome;
        // fetchLater returns at once: the page gets a result that is not (yet) activated, and the
        // browser gets the request when it is allowed.
        l.then(outcome, () => undefined, () => undefined);
        return { activated: false };
      };
    }
    const nativeFetchLater = (win as unknown as { fetchLater?: (...args: unknown[]) => unknown }).fetchLater;
    const nativeFetchFor = (route: PageRoute) => (route === 'fetch' ? nativeFetch : nativeFetchLater!) as (...args: unknown[]) => unknown;
    win.fetch = guardedFetch('fetch', (request) => l.apply(nativeFetch, win, [request])) as typeof fetch;
    if (typeof nativeFetchLater === 'function') {
      (win as unknown as { fetchLater: unknown }).fetchLater = guardedFetch('fetch-later', (request) => l.apply(nativeFetchLater, win, [request]));
    }
  }

  function wrapXhr(win: PageWindow, l: Natives, snap: Snapshotter): void {
    const proto = win.XMLHttpRequest.prototype;
    const nativeOpen = proto.open;
    const nativeSend = proto.send;
    const nativeSetHeader = proto.setRequestHeader;
    const dispatch = l.dispatchEvent;
    const NativeProgressEvent = win.ProgressEvent;
    const NativeWeakMap = win.WeakMap;
    const states = new NativeWeakMap<object, { method: string; url: string; async: boolean; head: string; generation: number; sent: boolean }>();
    const getState = uncurry(win, NativeWeakMap.prototype.get) as (self: WeakMap<object, unknown>, key: object) => XhrState | undefined;
    const setState = uncurry(win, NativeWeakMap.prototype.set) as (self: WeakMap<object, unknown>, key: object, value: XhrState) => void;
    type XhrState = { method: string; url: string; async: boolean; head: string; generation: number; sent: boolean };
    let generations = 0;

    proto.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      // The URL and method are turned into strings once, and those strings are what the browser gets.
      const methodText = l.toString(method);
      const absolute = snap.absoluteUrl(url);
      const isAsync = rest.length === 0 || rest[0] !== false;
      setState(states, this, { method: methodText, url: absolute, async: isAsync, head: '', generation: ++generations, sent: false });
      return l.apply(nativeOpen, this, joined([methodText, absolute], rest));
    } as typeof proto.open;

    proto.setRequestHeader = function setRequestHeader(this: XMLHttpRequest, name: string, value: string) {
      const state = getState(states, this);
      // Once send() has been called, a header can't be added (the browser would refuse it too).
      if (state?.sent) throw new win.DOMException("Failed to execute 'setRequestHeader': the object's state must be OPENED.", 'InvalidStateError');
      const nameText = l.toString(name);
      const valueText = l.toString(value);
      if (state) state.head += `${nameText}: ${valueText}\n`;
      return l.apply(nativeSetHeader, this, [nameText, valueText]);
    };

    proto.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const state = getState(states, this);
      if (!watching || !state) return l.apply(nativeSend, this, [body]);
      const taken = snap.body(body);
      state.sent = true;
      const generation = state.generation;
      const xhr = this;
      const fail = (): void => {
        // What a page sees when the network refuses: an error, then loadend.
        dispatch(xhr, new NativeProgressEvent('error'));
        dispatch(xhr, new NativeProgressEvent('loadend'));
      };
      const go = (allowed: boolean): void => {
        // Re-opened since (a new request): this one is over; the new one is judged on its own send().
        if (getState(states, xhr)?.generation !== generation) return;
        state.sent = false;
        if (allowed) l.apply(nativeSend, xhr, [taken.body]);
        else fail();
      };
      if (!state.async) {
        // A synchronous request can't wait for the user: allowed now, or refused now.
        if (taken.text === undefined || !decideNow('xhr', state.url, state.method, state.head + taken.text)) {
          state.sent = false;
          throw new win.DOMException(HELD_MESSAGE, 'NetworkError');
        }
        state.sent = false;
        return l.apply(nativeSend, xhr, [taken.body]);
      }
      if (taken.text !== undefined) {
        decide('xhr', state.url, state.method, state.head + taken.text, taken.flags, go);
        return;
      }
      l.then(snap.readBlob(taken.body as Blob), ({ text, flags }) => decide('xhr', state.url, state.method, state.head + text, flags, go));
    };
  }

  function wrapBeacon(win: PageWindow, l: Natives, snap: Snapshotter): void {
    const nav = win.navigator;
    const nativeBeacon = nav.sendBeacon;
    if (typeof nativeBeacon !== 'function') return;
    nav.sendBeacon = function sendBeacon(url: string | URL, data?: BodyInit | null): boolean {
      if (!watching) return l.apply(nativeBeacon, nav, [url, data]) as boolean;
      const target = snap.absoluteUrl(url);
      const taken = snap.body(data);
      const go = (allowed: boolean): void => {
        if (allowed) l.apply(nativeBeacon, nav, [target, taken.body]);
      };
      if (taken.text !== undefined) decide('beacon', target, 'POST', taken.text, taken.flags, go);
      else l.then(snap.readBlob(taken.body as Blob), ({ text, flags }) => decide('beacon', target, 'POST', text, flags, go));
      // Held or sent, it is reported as queued, as the browser does for any beacon it accepts.
      return true;
    };
  }

  /** Constructors whose URL is the data's way out and which can't wait: refused while the user is asked. */
  function guardConstructor(win: PageWindow, l: Natives, name: string, check: (args: unknown[]) => unknown[] | null): void {
    const Native = (win as unknown as Record<string, unknown>)[name] as (new (...args: unknown[]) => object) | undefined;
    if (typeof Native !== 'function') return;
    const Guarded: unknown = function (this: unknown, ...args: unknown[]): unknown {
      if (!new.target) return l.apply(Native as unknown as (...a: unknown[]) => unknown, this, args);
      const passed = watching ? check(args) : args;
      if (!passed) throw refusal(win);
      return l.construct(Native, passed, (new.target as unknown) === Guarded ? Native : new.target);
    };
    // Same prototype, statics and name, so `instanceof`, constants and feature checks still work.
    l.defineProperty(Guarded, 'prototype', { value: Native.prototype });
    const keys = win.Object.getOwnPropertyNames(Native);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === 'prototype' || key === 'length' || key === 'name') continue;
      const descriptor = l.getOwnPropertyDescriptor(Native, key);
      if (descriptor) l.defineProperty(Guarded, key, descriptor);
    }
    l.defineProperty(Guarded, 'name', { value: name });
    (win as unknown as Record<string, unknown>)[name] = Guarded;
  }

  function wrapUrlConstructor(win: PageWindow, l: Natives, snap: Snapshotter, name: string, route: PageRoute): void {
    guardConstructor(win, l, name, (args) => {
      const url = snap.absoluteUrl(args[0]);
      return decideNow(route, url, 'GET', '') ? joined([url], args, 1) : null;
    });
  }

  function wrapWebSocket(win: PageWindow, l: Natives, snap: Snapshotter): void {
    if (typeof win.WebSocket !== 'function') return;
    const proto = win.WebSocket.prototype;
    const nativeSend = proto.send;
    const socketUrl = getterOf(win, proto, 'url')!;
    wrapUrlConstructor(win, l, snap, 'WebSocket', 'websocket');
    // Messages on one socket keep their order: once one is held, later ones wait behind it.
    const NativeWeakMap = win.WeakMap;
    const queues = new NativeWeakMap<object, Promise<unknown>>();
    const getQueue = uncurry(win, NativeWeakMap.prototype.get) as (self: WeakMap<object, Promise<unknown>>, key: object) => Promise<unknown> | undefined;
    const setQueue = uncurry(win, NativeWeakMap.prototype.set) as (self: WeakMap<object, Promise<unknown>>, key: object, value: Promise<unknown>) => void;
    const deleteQueue = uncurry(win, NativeWeakMap.prototype.delete) as (self: WeakMap<object, Promise<unknown>>, key: object) => boolean;
    proto.send = function send(this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
      const queued = getQueue(queues, this);
      if (!watching && !queued) return l.apply(nativeSend, this, [data]);
      const socket = this;
      const url = socketUrl(socket) as string;
      const taken = snap.body(data);
      const deliver = (allowed: boolean): void => {
        if (allowed) l.apply(nativeSend, socket, [taken.body]);
      };
      const judged = new l.Promise<void>((resolve) => {
        const ask = (text: string, flags: string): void =>
          decide('websocket', url, 'SEND', text, flags, (allowed) => {
            deliver(allowed);
            resolve();
          });
        const start = (): void => {
          if (taken.text !== undefined) ask(taken.text, taken.flags);
          else l.then(snap.readBlob(taken.body as Blob), ({ text, flags }) => ask(text, flags));
        };
        if (queued) l.then(queued, start, start);
        else start();
      });
      setQueue(queues, socket, judged);
      l.then(judged, () => {
        if (getQueue(queues, socket) === judged) deleteQueue(queues, socket);
      });
    };
  }

  function wrapFormSubmit(win: PageWindow, l: Natives, snap: Snapshotter): void {
    const proto = win.HTMLFormElement.prototype;
    const nativeSubmit = proto.submit;
    const NativeFormData = win.FormData;
    const formTarget = getterOf(win, proto, 'target')!;
    const formAction = getterOf(win, proto, 'action')!;
    const formMethod = getterOf(win, proto, 'method')!;
    const hasNavigation = 'navigation' in (win as object);
    const query = uncurry(win, win.Document.prototype.querySelector) as (self: Document, selector: string) => Element | null;
    const attribute = uncurry(win, win.Element.prototype.getAttribute) as (self: Element, name: string) => string | null;
    const doc = win.document;
    const baseTarget = (): string => {
      const base = query(doc, 'base[target]');
      return base ? (attribute(base, 'target') ?? '') : '';
    };
    const read = (form: HTMLFormElement): { url: string; method: string; text: string } => {
      const data = snap.body(new NativeFormData(form));
      const method = l.strToLowerCase(formMethod(form) as string);
      return { url: snap.absoluteUrl(formAction(form)), method, text: data.text ?? '' };
    };
    proto.submit = function submit(this: HTMLFormElement) {
      if (!watching) return l.apply(nativeSubmit, this, []);
      const target = l.strToLowerCase((formTarget(this) as string) || baseTarget());
      // A navigation of this frame is seen (and held) by the isolated world's navigate handler.
      if (hasNavigation && (target === '' || target === '_self')) return l.apply(nativeSubmit, this, []);
      const form = this;
      const first = read(form);
      const attempt = (taken: { url: string; method: string; text: string }): void =>
        decide('form', taken.url, taken.method, taken.text, '', (allowed) => {
          if (!allowed) return;
          // What the form holds now must still be what was allowed; if the page changed it meanwhile, ask again.
          const now = read(form);
          if (now.text === taken.text && now.url === taken.url) l.apply(nativeSubmit, form, []);
          else attempt(now);
        });
      attempt(first);
    };
  }

  function wrapCookie(win: PageWindow, l: Natives): void {
    // Where the accessor lives (Document.prototype in browsers; a subclass in some emulations).
    let owner: object | null = win.Object.getPrototypeOf(win.document) as object | null;
    while (owner && !l.getOwnPropertyDescriptor(owner, 'cookie')) owner = win.Object.getPrototypeOf(owner) as object | null;
    const descriptor = owner ? l.getOwnPropertyDescriptor(owner, 'cookie') : undefined;
    const set = descriptor?.set;
    if (!owner || !descriptor || !set) return;
    const location = getterOf(win, win.Document.prototype, 'URL')!;
    l.defineProperty(owner, 'cookie', {
      ...descriptor,
      set(this: Document, value: string) {
        const text = l.toString(value);
        // A cookie goes to this page's own site with every later request; it can't wait, so it is
        // written only once allowed (the user's answer writes it then).
        if (!watching) return l.apply(set, this, [text]);
        const doc = this;
        decide('cookie', location(doc) as string, 'COOKIE', text, 'S', (allowed) => {
          if (allowed) l.apply(set, doc, [text]);
        });
      },
    });
    // The asynchronous Cookie Store API: the page waits for its promise, so it is simply held.
    const store = (win as unknown as { CookieStore?: { prototype: { set?: (...args: unknown[]) => Promise<unknown> } } }).CookieStore?.prototype;
    const nativeStoreSet = store?.set;
    if (!store || typeof nativeStoreSet !== 'function') return;
    const { stringify, parse } = win.JSON;
    store.set = function set(this: unknown, ...args: unknown[]) {
      if (!watching) return l.apply(nativeStoreSet, this, args);
      let text: string;
      let copy: unknown[];
      try {
        // (name, value) or ({ name, value, domain, … }): read once, and that copy is what the store gets.
        text = l.apply(stringify, win.JSON, [args]) as string;
        copy = l.apply(parse, win.JSON, [text]) as unknown[];
      } catch (error) {
        return new l.Promise((_, reject) => reject(error));
      }
      const self = this;
      return new l.Promise((resolve, reject) => {
        decide('cookie', location(win.document) as string, 'COOKIE', text, '', (allowed) => {
          if (allowed) l.then(l.apply(nativeStoreSet, self, copy) as Promise<unknown>, resolve, reject);
          else reject(refusal(win));
        });
      });
    };
  }

  function wrapRtc(win: PageWindow, l: Natives, snap: Snapshotter): void {
    const names = ['RTCPeerConnection', 'webkitRTCPeerConnection'];
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const Native = (win as unknown as Record<string, unknown>)[name] as { prototype: RTCPeerConnection } | undefined;
      if (!Native || typeof (Native as unknown) !== 'function') continue;
      const check = (config: unknown): unknown | null => {
        if (config === undefined) return config;
        const taken = snap.cloneData(config);
        if (!taken) return null;
        // The ICE servers' URLs, user names and credentials are sent to those servers.
        return decideNow('webrtc', '', 'ICE', taken.text) ? taken.clone : null;
      };
      const nativeSetConfiguration = Native.prototype.setConfiguration;
      if (typeof nativeSetConfiguration === 'function') {
        Native.prototype.setConfiguration = function setConfiguration(this: RTCPeerConnection, config?: RTCConfiguration) {
          if (!watching) return l.apply(nativeSetConfiguration, this, [config]);
          const passed = check(config);
          if (passed === null) throw refusal(win);
          return l.apply(nativeSetConfiguration, this, [passed]);
        };
      }
      guardConstructor(win, l, name, (args) => {
        const passed = check(args[0]);
        return passed === null ? null : joined([passed], args, 1);
      });
    }
  }

  /** Data handed to a worker, a port or a channel can leave from a realm no wrapper reaches. */
  function wrapPostMessage(win: PageWindow, l: Natives, snap: Snapshotter): void {
    const targets = ['Worker', 'MessagePort', 'BroadcastChannel', 'ServiceWorker'] as const;
    for (let t = 0; t < targets.length; t++) {
      const name = targets[t]!;
      const Native = (win as unknown as Record<string, { prototype: { postMessage?: (...args: unknown[]) => void } } | undefined>)[name];
      const nativePost = Native?.prototype.postMessage;
      if (!Native || typeof nativePost !== 'function') continue;
      Native.prototype.postMessage = function postMessage(this: object, message: unknown, ...rest: unknown[]) {
        if (!watching) return l.apply(nativePost, this, joined([message], rest));
        // With a transfer list the message can't be cloned first; it is judged and posted as given.
        const transfer = rest.length > 0;
        const taken = transfer ? undefined : snap.cloneData(message);
        if (!transfer && !taken) return l.apply(nativePost, this, joined([message], rest)); // not cloneable: the browser throws
        const receiver = this;
        decide('postmessage', '', name, taken?.text ?? '', transfer ? 'U' : '', (allowed) => {
          if (allowed) l.apply(nativePost, receiver, joined([taken ? taken.clone : message], rest));
        });
      };
    }
    const nativeOpen = win.open;
    win.open = function open(this: unknown, ...args: unknown[]) {
      if (watching && args.length > 0 && args[0] !== undefined && args[0] !== '') {
        const url = snap.absoluteUrl(args[0]);
        if (!decideNow('window-open', url, 'GET', '')) return null;
        args[0] = url;
      }
      const opened = l.apply(nativeOpen, win, args) as PageWindow | null;
      try {
        if (opened) install(opened);
      } catch {
        // Cross-origin popup: guarded by its own content scripts.
      }
      return opened;
    } as typeof win.open;
  }

  /** Child frames the page can reach synchronously get the wrappers before the page gets the frame. */
  function guardChildRealms(win: PageWindow, l: Natives): void {
    let inside = false; // installInto reads contentWindow, which is itself wrapped below
    const contentWindowOf = getterOf(win, win.HTMLIFrameElement.prototype, 'contentWindow')!;
    const installInto = (frame: Element): void => {
      if (inside) return;
      inside = true;
      try {
        const child = contentWindowOf(frame) as PageWindow | null;
        if (child && child !== win) install(child);
      } catch {
        // Cross-origin frame: its own content scripts guard it.
      } finally {
        inside = false;
      }
    };
    const querySelectorAll = uncurry(win, win.Element.prototype.querySelectorAll) as (self: ParentNode, selector: string) => NodeListOf<Element>;
    const fragmentQuery = uncurry(win, win.DocumentFragment.prototype.querySelectorAll) as (self: ParentNode, selector: string) => NodeListOf<Element>;
    const documentQuery = uncurry(win, win.Document.prototype.querySelectorAll) as (self: ParentNode, selector: string) => NodeListOf<Element>;
    const nodeType = getterOf(win, win.Node.prototype, 'nodeType')!;
    const parentNode = getterOf(win, win.Node.prototype, 'parentNode')!;
    const ownerDocument = getterOf(win, win.Node.prototype, 'ownerDocument')!;
    const localName = getterOf(win, win.Element.prototype, 'localName')!;
    const FRAMES = 'iframe,frame,object';
    const afterInsert = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      let type: unknown;
      try {
        type = nodeType(node);
      } catch {
        return;
      }
      if (type === 1) {
        const name = localName(node);
        if (name === 'iframe' || name === 'frame' || name === 'object') installInto(node as Element);
        const found = querySelectorAll(node as Element, FRAMES);
        for (let i = 0; i < found.length; i++) installInto(found[i]!);
      } else if (type === 11 || type === 9) {
        const found = (type === 11 ? fragmentQuery : documentQuery)(node as ParentNode, FRAMES);
        for (let i = 0; i < found.length; i++) installInto(found[i]!);
      }
    };
    const frameCtors = [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement];
    const frameProps = ['contentWindow', 'contentDocument'] as const;
    for (let c = 0; c < frameCtors.length; c++) {
      const ctor = frameCtors[c];
      if (!ctor) continue;
      for (let p = 0; p < frameProps.length; p++) {
        const prop = frameProps[p]!;
        const descriptor = l.getOwnPropertyDescriptor(ctor.prototype, prop);
        const getter = descriptor?.get;
        if (!descriptor || !getter) continue;
        l.defineProperty(ctor.prototype, prop, {
          ...descriptor,
          get(this: Element) {
            const value = l.apply(getter, this, []);
            if (value) installInto(this);
            return value;
          },
        });
      }
    }
    const wrapMethod = (proto: object | undefined, name: string, targets: (self: Node, args: unknown[]) => unknown[]): void => {
      if (!proto) return;
      const native = (proto as Record<string, unknown>)[name];
      if (typeof native !== 'function') return;
      (proto as Record<string, unknown>)[name] = function (this: Node, ...args: unknown[]) {
        // (rest parameters are built natively, without the page's iterator)
        const result = l.apply(native as (...a: unknown[]) => unknown, this, args);
        const nodes = targets(this, args);
        for (let i = 0; i < nodes.length; i++) afterInsert(nodes[i]);
        return result;
      };
    };
    const theArgs = (_self: Node, args: unknown[]) => args;
    const theNode = (self: Node) => [self];
    const theParent = (self: Node) => [parentNode(self) ?? self];
    const documentOf = (self: Node) => [ownerDocument(self) ?? self];
    wrapMethod(win.Node.prototype, 'appendChild', theArgs);
    wrapMethod(win.Node.prototype, 'insertBefore', theArgs);
    wrapMethod(win.Node.prototype, 'replaceChild', theArgs);
    const parents = [win.Element.prototype, win.Document.prototype, win.DocumentFragment.prototype];
    const childMethods = ['append', 'prepend', 'replaceChildren'];
    for (let p = 0; p < parents.length; p++) for (let m = 0; m < childMethods.length; m++) wrapMethod(parents[p], childMethods[m]!, theNode);
    const siblingMethods = ['before', 'after', 'replaceWith'];
    for (let m = 0; m < siblingMethods.length; m++) wrapMethod(win.Element.prototype, siblingMethods[m]!, theParent);
    wrapMethod(win.Element.prototype, 'insertAdjacentElement', theParent);
    wrapMethod(win.Element.prototype, 'insertAdjacentHTML', theParent);
    wrapMethod(win.Element.prototype, 'setHTMLUnsafe', theNode);
    wrapMethod((win as unknown as { ShadowRoot?: { prototype: object } }).ShadowRoot?.prototype, 'setHTMLUnsafe', theNode);
    wrapMethod(win.Range?.prototype, 'insertNode', theArgs);
    wrapMethod(win.Document.prototype, 'write', documentOf);
    wrapMethod(win.Document.prototype, 'writeln', documentOf);
    const htmlSetters: [object | undefined, string][] = [
      [win.Element.prototype, 'innerHTML'],
      [win.Element.prototype, 'outerHTML'],
      [(win as unknown as { ShadowRoot?: { prototype: object } }).ShadowRoot?.prototype, 'innerHTML'],
    ];
    for (let h = 0; h < htmlSetters.length; h++) {
      const proto = htmlSetters[h]![0];
      const prop = htmlSetters[h]![1];
      if (!proto) continue;
      const descriptor = l.getOwnPropertyDescriptor(proto, prop);
      const setter = descriptor?.set;
      if (!descriptor || !setter) continue;
      l.defineProperty(proto, prop, {
        ...descriptor,
        set(this: Element, value: string) {
          const parent = parentNode(this);
          l.apply(setter, this, [value]);
          afterInsert(prop === 'outerHTML' ? parent : this);
        },
      });
    }
    // Frames the parser inserts: the observer is delivered before the next script runs.
    const NativeObserver = win.MutationObserver;
    if (typeof NativeObserver === 'function') {
      const observer = new NativeObserver((records) => {
        for (let r = 0; r < records.length; r++) {
          const added = records[r]!.addedNodes;
          for (let i = 0; i < added.length; i++) afterInsert(added[i]);
        }
      });
      const root = win.document.documentElement ?? win.document;
      try {
        uncurry(win, NativeObserver.prototype.observe)(observer, root, { childList: true, subtree: true });
      } catch {
        // No document yet (a bare realm): insertions are still caught by the wrapped methods.
      }
    }
  }

  return {
    install,
    receive(message) {
      const kind = n.strSlice(message, 0, 2);
      if (kind === 'W1') watching = true;
      else if (kind === 'W0') watching = false;
      else if (kind === 'R1' || kind === 'R0') {
        const id = n.strSlice(message, 2);
        const release = pending[id];
        if (release) {
          delete pending[id];
          release(kind === 'R1');
        }
      }
    },
  };
}
