// The built-ins the page-realm guard uses, captured at document_start — before any page script
// runs — and called only through these references. A page owns every prototype, getter and global
// in its realm and can replace them later (Function.prototype.call, Map.prototype.get,
// CustomEvent.prototype.detail, window.URL, Promise.prototype.then…); code that looked them up at
// request time could be made to leak the channel or to miss a value. Methods are "uncurried"
// (`fn(thisArg, ...args)`) with a bound Function.prototype.call, so calling them never looks up a
// property the page can change.

type AnyFn = (...args: never[]) => unknown;
type Uncurried<F> = F extends (this: infer T, ...args: infer A) => infer R ? (self: T, ...args: A) => R : never;
type PageWindow = Window & typeof globalThis;

export interface Natives {
  apply: typeof Reflect.apply;
  construct: typeof Reflect.construct;
  defineProperty: typeof Object.defineProperty;
  getOwnPropertyDescriptor: typeof Object.getOwnPropertyDescriptor;
  createNull: () => Record<string, unknown>;
  stringify: typeof JSON.stringify;
  parse: typeof JSON.parse;
  toString: (value: unknown) => string;
  isArray: typeof Array.isArray;
  isView: typeof ArrayBuffer.isView;
  fromCharCode: typeof String.fromCharCode;
  strSlice: (s: string, start?: number, end?: number) => string;
  strCharCodeAt: (s: string, index: number) => number;
  strIndexOf: (s: string, search: string) => number;
  strToLowerCase: (s: string) => string;
  // Events.
  addEventListener: Uncurried<EventTarget['addEventListener']>;
  removeEventListener: Uncurried<EventTarget['removeEventListener']>;
  dispatchEvent: Uncurried<EventTarget['dispatchEvent']>;
  CustomEvent: typeof CustomEvent;
  eventDetail: (event: Event) => unknown;
  // Promises.
  Promise: PromiseConstructor;
  then: <T, R>(promise: Promise<T>, onFulfilled: (value: T) => R, onRejected?: (reason: unknown) => R) => Promise<R>;
  queueMicrotask: (callback: () => void) => void;
  // Randomness.
  randomHex: (bytes: number) => string;
}

/** `fn` callable as `(thisArg, ...args)` without ever reading `fn.call` again. */
export function uncurry<F extends AnyFn>(win: PageWindow, fn: F): Uncurried<F> {
  return win.Function.prototype.call.bind(fn as unknown as (this: unknown, ...args: unknown[]) => unknown) as unknown as Uncurried<F>;
}

/**
 * The getter of `proto[name]`, uncurried (browsers define these as accessors on the prototype).
 * Without one (a DOM emulation) it reads the property; undefined when the prototype lacks the name.
 */
export function getterOf(win: PageWindow, proto: object, name: string): ((self: unknown) => unknown) | undefined {
  const descriptor = win.Object.getOwnPropertyDescriptor(proto, name);
  if (descriptor?.get) return uncurry(win, descriptor.get as AnyFn) as (self: unknown) => unknown;
  return (self) => (self as Record<string, unknown>)[name];
}

export function captureNatives(win: PageWindow): Natives {
  const eventProto = win.EventTarget.prototype;
  const strProto = win.String.prototype;
  const detail = getterOf(win, win.CustomEvent.prototype, 'detail')!;
  // Bound now: a page may replace Crypto.prototype.getRandomValues later.
  const getRandomValues = win.crypto.getRandomValues.bind(win.crypto);
  const NativeUint8Array = win.Uint8Array;
  const create = win.Object.create;
  const NativeString = win.String;
  const numToString = uncurry(win, win.Number.prototype.toString);
  const then = uncurry(win, win.Promise.prototype.then);
  const nativeQueueMicrotask = win.queueMicrotask;
  return {
    apply: win.Reflect.apply,
    construct: win.Reflect.construct,
    defineProperty: win.Object.defineProperty,
    getOwnPropertyDescriptor: win.Object.getOwnPropertyDescriptor,
    createNull: () => create(null) as Record<string, unknown>,
    stringify: win.JSON.stringify,
    parse: win.JSON.parse,
    toString: (value) => NativeString(value),
    isArray: win.Array.isArray,
    isView: win.ArrayBuffer.isView,
    fromCharCode: win.String.fromCharCode,
    strSlice: uncurry(win, strProto.slice),
    strCharCodeAt: uncurry(win, strProto.charCodeAt),
    strIndexOf: uncurry(win, strProto.indexOf) as (s: string, search: string) => number,
    strToLowerCase: uncurry(win, strProto.toLowerCase),
    addEventListener: uncurry(win, eventProto.addEventListener),
    removeEventListener: uncurry(win, eventProto.removeEventListener),
    dispatchEvent: uncurry(win, eventProto.dispatchEvent),
    CustomEvent: win.CustomEvent,
    eventDetail: (event) => detail(event),
    Promise: win.Promise,
    then: then as Natives['then'],
    queueMicrotask: (callback) => win.Reflect.apply(nativeQueueMicrotask, win, [callback]),
    randomHex(bytes) {
      const buffer = getRandomValues(new NativeUint8Array(bytes));
      let out = '';
      for (let i = 0; i < bytes; i++) {
        const byte = buffer[i]!;
        out += (byte < 16 ? '0' : '') + numToString(byte, 16);
      }
      return out;
    },
  };
}
