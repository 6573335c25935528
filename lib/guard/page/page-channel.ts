// A private, synchronous channel between LoanGuard's two scripts in one frame: the MAIN-world
// script (which wraps fetch/XHR/beacon/WebSocket in the page's own realm) and the isolated-world
// content script (which knows the settings and talks to the background).
//
// Both scripts run at document_start, before any page script. They agree on a random event name
// then, while no page code can listen; afterwards every message is a CustomEvent with that secret
// name on `document`, dispatched synchronously, so a question gets its answer before the wrapper
// returns. A page can't listen for a name it doesn't know. (It could still bypass the MAIN-world
// wrappers by other means; see README "What LoanGuard cannot catch".)

import { randomId } from '@/lib/random-id';

const HELLO_FROM_MAIN = 'loanguard:hello-main';
const HELLO_FROM_ISOLATED = 'loanguard:hello-isolated';

export interface PageChannel {
  /** Send one message to the other side; its handler runs before this returns. */
  post(message: unknown): void;
}

type Handler = (message: unknown) => void;

interface Natives {
  addEventListener: typeof EventTarget.prototype.addEventListener;
  removeEventListener: typeof EventTarget.prototype.removeEventListener;
  dispatchEvent: typeof EventTarget.prototype.dispatchEvent;
  CustomEvent: typeof CustomEvent;
  stringify: typeof JSON.stringify;
  parse: typeof JSON.parse;
}

/** Capture the DOM primitives now, before page code can replace them. */
function captureNatives(win: Window & typeof globalThis): Natives {
  const proto = win.EventTarget.prototype;
  return {
    addEventListener: proto.addEventListener,
    removeEventListener: proto.removeEventListener,
    dispatchEvent: proto.dispatchEvent,
    CustomEvent: win.CustomEvent,
    stringify: win.JSON.stringify,
    parse: win.JSON.parse,
  };
}

function connect(doc: Document, natives: Natives, secret: string, onMessage: Handler, outbound: string, inbound: string): PageChannel {
  natives.addEventListener.call(doc, `${inbound}${secret}`, (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let message: unknown;
    try {
      message = natives.parse(detail);
    } catch {
      return;
    }
    onMessage(message);
  });
  return {
    post(message) {
      natives.dispatchEvent.call(doc, new natives.CustomEvent(`${outbound}${secret}`, { detail: natives.stringify(message) }));
    },
  };
}

/**
 * Isolated-world side. Hands the secret to the MAIN-world script: whichever of the two starts
 * second completes the handshake. Once the MAIN side has spoken on the secret channel (proof it
 * has the secret), the secret is never announced again.
 */
export function openIsolatedChannel(doc: Document, win: Window & typeof globalThis, onMessage: Handler): PageChannel {
  const natives = captureNatives(win);
  const secret = randomId();
  const announce = (): void => {
    natives.dispatchEvent.call(doc, new natives.CustomEvent(HELLO_FROM_ISOLATED, { detail: secret }));
  };
  natives.addEventListener.call(doc, HELLO_FROM_MAIN, announce);
  const channel = connect(doc, natives, secret, (message) => {
    natives.removeEventListener.call(doc, HELLO_FROM_MAIN, announce);
    onMessage(message);
  }, 'loanguard:i2m:', 'loanguard:m2i:');
  announce();
  return channel;
}

/** MAIN-world side: waits for the secret, then connects. Messages posted before that are queued. */
export function openMainChannel(doc: Document, win: Window & typeof globalThis, onMessage: Handler): PageChannel & { ready(): boolean } {
  const natives = captureNatives(win);
  let channel: PageChannel | undefined;
  const queue: unknown[] = [];
  const onSecret = (event: Event): void => {
    const secret = (event as CustomEvent<unknown>).detail;
    if (channel || typeof secret !== 'string' || !/^[0-9a-f]{32}$/.test(secret)) return;
    natives.removeEventListener.call(doc, HELLO_FROM_ISOLATED, onSecret);
    channel = connect(doc, natives, secret, onMessage, 'loanguard:m2i:', 'loanguard:i2m:');
    channel.post({ type: 'hello' });
    for (const message of queue.splice(0)) channel.post(message);
  };
  natives.addEventListener.call(doc, HELLO_FROM_ISOLATED, onSecret);
  natives.dispatchEvent.call(doc, new natives.CustomEvent(HELLO_FROM_MAIN));
  return {
    post(message) {
      if (channel) channel.post(message);
      else queue.push(message);
    },
    ready: () => channel !== undefined,
  };
}
