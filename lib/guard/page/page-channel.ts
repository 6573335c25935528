// A private, synchronous channel between LoanGuard's two scripts in one frame: the MAIN-world
// script (the request wrappers, in the page's own realm) and the isolated-world content script
// (which knows what the user typed, the settings, and talks to the background).
//
// What crosses it is deliberately little. The page realm never learns the watched values: it only
// says "this request is about to go, here is exactly what it carries" and the isolated world answers
// in the same call by cancelling the event ("allowed") or not ("held": fail closed — a channel that
// does not answer holds the request). Later the isolated world says "watching / not watching" and
// "release request <id>: send / drop".
//
// Both scripts run at document_start, before any page script, and agree on a random event name
// then; afterwards every message is an event with that secret name on `document`. The MAIN side
// uses only built-ins captured at document_start (natives.ts), never reads a property the page can
// redefine, and never calls page code while a channel event is being dispatched — so a page can
// neither learn the name nor forge an answer.
import { captureNatives, uncurry, type Natives } from './natives';

const HELLO_FROM_MAIN = 'loanguard:hello-main';
const HELLO_FROM_ISOLATED = 'loanguard:hello-isolated';
const SECRET = /^[0-9a-f]{32}$/;

/** MAIN → isolated: one request about to leave. */
export interface RequestQuestion {
  /** The request's id, to release it later. */
  id: string;
  route: string;
  /** The absolute URL the browser will use. */
  url: string;
  method: string;
  /** Everything else it carries that could hold a value: headers, referrer, body (decoded), as text. */
  text: string;
  /** '' or a combination of: U = part of the body could not be read, O = body over the read limit, S = can't wait (sync). */
  flags: string;
}

/** Isolated → MAIN messages, as strings: no object of the page's realm is ever parsed for them. */
export const watchingMessage = (watching: boolean): string => (watching ? 'W1' : 'W0');
export const releaseMessage = (id: string, send: boolean): string => `${send ? 'R1' : 'R0'}${id}`;

export interface MainChannel {
  /** Synchronous: true when the isolated world allowed the request now; false = held (or no answer). */
  ask(question: RequestQuestion): boolean;
  ready(): boolean;
}

/**
 * MAIN-world side. `onMessage` receives the isolated world's strings (watching state, releases); it
 * must only use captured natives.
 */
export function openMainChannel(doc: Document, win: Window & typeof globalThis, onMessage: (message: string) => void, natives: Natives = captureNatives(win)): MainChannel {
  const n = natives;
  let secret: string | undefined;
  const onInbound = (event: Event): void => {
    const detail = n.eventDetail(event);
    if (typeof detail === 'string') onMessage(detail);
  };
  const onSecret = (event: Event): void => {
    const detail = n.eventDetail(event);
    if (secret !== undefined || typeof detail !== 'string' || detail.length !== 32) return;
    secret = detail;
    n.removeEventListener(doc, HELLO_FROM_ISOLATED, onSecret);
    n.addEventListener(doc, `loanguard:i2m:${secret}`, onInbound);
    // Speaking on the secret channel tells the isolated side the handshake is done.
    n.dispatchEvent(doc, new n.CustomEvent(`loanguard:m2i:${secret}`, { detail: '' }));
  };
  n.addEventListener(doc, HELLO_FROM_ISOLATED, onSecret);
  n.dispatchEvent(doc, new n.CustomEvent(HELLO_FROM_MAIN));
  return {
    ask(question) {
      if (secret === undefined) return false;
      const message = n.createNull();
      message.id = question.id;
      message.route = question.route;
      message.url = question.url;
      message.method = question.method;
      message.text = question.text;
      message.flags = question.flags;
      const event = new n.CustomEvent(`loanguard:m2i:${secret}`, { detail: n.stringify(message), cancelable: true });
      // Cancelled means "allowed"; anything else — held, no listener, an error over there — holds.
      try {
        return !n.dispatchEvent(doc, event);
      } catch {
        return false;
      }
    },
    ready: () => secret !== undefined,
  };
}

export interface IsolatedChannel {
  post(message: string): void;
}

/**
 * Isolated-world side. `onQuestion(question, allow)` must call `allow()` before returning for the
 * request to go at once; otherwise it is held. Whichever side starts second completes the
 * handshake; the secret is announced again only until the MAIN side has spoken on the channel (or
 * the document has finished parsing, after which page scripts could be listening).
 */
export function openIsolatedChannel(
  doc: Document,
  onQuestion: (question: RequestQuestion, allow: () => void) => void,
  secret: string,
  natives: Natives = captureNatives(window as Window & typeof globalThis),
): IsolatedChannel {
  if (!SECRET.test(secret)) throw new Error('the channel secret must be 32 hex characters');
  // The isolated world has its own prototypes; captured all the same, so the rule holds wherever it runs.
  const n = natives;
  const preventDefault = uncurry(window as Window & typeof globalThis, Event.prototype.preventDefault);
  const announce = (): void => void n.dispatchEvent(doc, new n.CustomEvent(HELLO_FROM_ISOLATED, { detail: secret }));
  const stopAnnouncing = (): void => {
    n.removeEventListener(doc, HELLO_FROM_MAIN, announce);
    n.removeEventListener(doc, 'DOMContentLoaded', stopAnnouncing);
  };
  n.addEventListener(doc, HELLO_FROM_MAIN, announce);
  n.addEventListener(doc, 'DOMContentLoaded', stopAnnouncing);
  n.addEventListener(doc, `loanguard:m2i:${secret}`, (event: Event) => {
    stopAnnouncing();
    const detail = n.eventDetail(event);
    if (typeof detail !== 'string' || detail === '') return;
    let question: RequestQuestion;
    try {
      question = n.parse(detail) as RequestQuestion;
    } catch {
      return; // unreadable: not cancelled, so held
    }
    try {
      onQuestion(question, () => preventDefault(event));
    } catch {
      // A failure while deciding holds the request.
    }
  });
  announce();
  return {
    post(message) {
      n.dispatchEvent(doc, new n.CustomEvent(`loanguard:i2m:${secret}`, { detail: message }));
    },
  };
}
