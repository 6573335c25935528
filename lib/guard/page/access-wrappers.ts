// MAIN world: what a lender's page can ask the browser for besides typed data — the address book
// (Contact Picker, ContactsManager.select), camera or microphone (MediaDevices.getUserMedia),
// location (Geolocation.getCurrentPosition / watchPosition) and clipboard reads (Clipboard.read /
// readText). Each call first asks the isolated world (which holds it on an untrusted loan site and
// asks the user); only then does the browser's own permission step run. "Don't allow" fails the
// call as a refused permission does. Natives are taken when installed, before any page script.
import type { Natives } from './natives';

type PageWindow = Window & typeof globalThis;
type AnyMethod = (...args: unknown[]) => unknown;
/** Asks about one access; `go(true)` lets the real call happen, now or once the user has answered. */
export type AskAccess = (kind: 'contacts' | 'camera' | 'location' | 'clipboard', go: (allowed: boolean) => void) => void;

/** Replaces `proto[name]` by `wrapper`, keeping the property's shape (enumerable, writable…) and name. */
function replaceMethod(l: Natives, proto: object | undefined, name: string, wrap: (native: AnyMethod) => AnyMethod): void {
  if (!proto) return;
  const descriptor = l.getOwnPropertyDescriptor(proto, name);
  const native = descriptor?.value as unknown;
  if (typeof native !== 'function') return;
  const wrapped = wrap(native as AnyMethod);
  l.defineProperty(wrapped, 'name', { value: name });
  l.defineProperty(proto, name, { ...descriptor, value: wrapped });
}

export function wrapAccess(win: PageWindow, l: Natives, ask: AskAccess): void {
  const refused = (): DOMException => new win.DOMException('LoanGuard: not allowed by you', 'NotAllowedError');
  const proto = (name: string): object | undefined => ((win as unknown as Record<string, { prototype?: object } | undefined>)[name])?.prototype;

  /** A promise-returning method: the page's promise settles with the real call's, or rejects when refused. */
  const held = (kind: Parameters<AskAccess>[0]) => (native: AnyMethod) =>
    function (this: unknown, ...args: unknown[]): unknown {
      return new l.Promise((resolve, reject) => {
        ask(kind, (allowed) => {
          if (!allowed) return reject(refused());
          try {
            resolve(l.apply(native, this, args));
          } catch (error) {
            reject(error);
          }
        });
      });
    };
  replaceMethod(l, proto('ContactsManager'), 'select', held('contacts'));
  replaceMethod(l, proto('MediaDevices'), 'getUserMedia', held('camera'));
  replaceMethod(l, proto('Clipboard'), 'read', held('clipboard'));
  replaceMethod(l, proto('Clipboard'), 'readText', held('clipboard'));

  // Location takes callbacks: the error callback hears PERMISSION_DENIED (code 1) when refused.
  const denied = (error: unknown): void => {
    if (typeof error === 'function') error({ code: 1, message: 'LoanGuard: not allowed by you', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
  };
  replaceMethod(l, proto('Geolocation'), 'getCurrentPosition', (native) =>
    function (this: unknown, ...args: unknown[]): void {
      ask('location', (allowed) => (allowed ? l.apply(native, this, args) : denied(args[1])));
    },
  );
  // watchPosition answers with an id at once: the page gets our id, mapped to the real one once allowed.
  const watches = l.createNull() as Record<string, number | 'cleared' | 'waiting'>;
  let nextWatch = 0;
  replaceMethod(l, proto('Geolocation'), 'clearWatch', (native) =>
    function (this: unknown, id: unknown): void {
      const key = l.toString(id);
      const state = watches[key];
      if (typeof state === 'number') l.apply(native, this, [state]);
      if (state !== undefined) watches[key] = 'cleared';
      else l.apply(native, this, [id]);
    },
  );
  replaceMethod(l, proto('Geolocation'), 'watchPosition', (native) =>
    function (this: unknown, ...args: unknown[]): number {
      nextWatch += 1;
      const id = nextWatch;
      const key = l.toString(id);
      watches[key] = 'waiting';
      ask('location', (allowed) => {
        if (watches[key] === 'cleared') return;
        if (!allowed) {
          watches[key] = 'cleared';
          return denied(args[1]);
        }
        watches[key] = l.apply(native, this, args) as number;
      });
      return id;
    },
  );
}
