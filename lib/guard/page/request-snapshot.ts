// Copies what a request carries at the moment the page sends it, so exactly what was judged is what
// is sent: a page that changes its FormData, URLSearchParams, buffer or init object after the
// check, or hands over an object whose toString answers differently each time, can't slip anything
// past. Also turns every body into text for the isolated world to look through. Page realm, so only
// captured built-ins (see natives.ts).
import { getterOf, uncurry, type Natives } from './natives';

type PageWindow = Window & typeof globalThis;

/** Bodies are read up to this size; anything larger is flagged (and held if a value is watched). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface BodySnapshot {
  /** What to send: a private copy the page can no longer change (or an immutable Blob / our string). */
  body: unknown;
  /** The body as text; undefined when it can only be read asynchronously (Blob, stream). */
  text: string | undefined;
  /** 'U' unreadable part, 'O' over the read limit. */
  flags: string;
}

export interface Snapshotter {
  /** Synchronous copy of a fetch/XHR/beacon/WebSocket body. */
  body(body: unknown): BodySnapshot;
  /** Reads a Blob (or the text of one) asynchronously. */
  readBlob(blob: Blob): Promise<{ text: string; flags: string }>;
  /** Absolute URL of `url` against the document, converted to a string exactly once. */
  absoluteUrl(url: unknown): string;
  /** A structured clone, and its strings and numbers as text (postMessage data, RTC configurations). */
  cloneData(data: unknown): { clone: unknown; text: string } | undefined;
  isBlob(value: unknown): value is Blob;
  decode(bytes: ArrayBuffer | ArrayBufferView): string;
}

export function createSnapshotter(win: PageWindow, n: Natives): Snapshotter {
  const blobSize = getterOf(win, win.Blob.prototype, 'size')!;
  const blobSlice = uncurry(win, win.Blob.prototype.slice);
  const blobArrayBuffer = uncurry(win, win.Blob.prototype.arrayBuffer);
  const paramsToString = uncurry(win, win.URLSearchParams.prototype.toString);
  const NativeParams = win.URLSearchParams;
  const NativeFormData = win.FormData;
  const formForEach = uncurry(win, win.FormData.prototype.forEach);
  const formAppend = uncurry(win, win.FormData.prototype.append) as (self: FormData, name: string, value: string | Blob, fileName?: string) => void;
  const fileName = getterOf(win, (win.File ?? win.Blob).prototype, 'name');
  const bufferByteLength = getterOf(win, win.ArrayBuffer.prototype, 'byteLength')!;
  const bufferSlice = uncurry(win, win.ArrayBuffer.prototype.slice);
  const typedArrayProto = win.Object.getPrototypeOf(win.Uint8Array.prototype) as object;
  const viewBuffer = getterOf(win, typedArrayProto, 'buffer');
  const viewOffset = getterOf(win, typedArrayProto, 'byteOffset');
  const viewLength = getterOf(win, typedArrayProto, 'byteLength');
  const dataViewBuffer = getterOf(win, win.DataView.prototype, 'buffer');
  const dataViewOffset = getterOf(win, win.DataView.prototype, 'byteOffset');
  const dataViewLength = getterOf(win, win.DataView.prototype, 'byteLength');
  const NativeUint8Array = win.Uint8Array;
  const decoder = new win.TextDecoder('utf-8');
  const decodeBytes = uncurry(win, win.TextDecoder.prototype.decode) as (self: TextDecoder, input: BufferSource) => string;
  const nodeType = getterOf(win, win.Node.prototype, 'nodeType')!;
  const serializer = new win.XMLSerializer();
  const serialize = uncurry(win, win.XMLSerializer.prototype.serializeToString) as (self: XMLSerializer, node: Node) => string;
  const NativeURL = win.URL;
  const urlHref = getterOf(win, win.URL.prototype, 'href')!;
  const baseURI = getterOf(win, win.Node.prototype, 'baseURI')!;
  const documentUrl = getterOf(win, win.Document.prototype, 'URL')!;
  const doc = win.document;
  const structuredClone = win.structuredClone;
  const objectKeys = win.Object.keys;

  /** Calls `check`; true when it does not throw (a brand check that can't be faked with Symbol.hasInstance). */
  const brand = (check: () => unknown): boolean => {
    try {
      check();
      return true;
    } catch {
      return false;
    }
  };
  const isBlob = (value: unknown): value is Blob => typeof value === 'object' && value !== null && brand(() => blobSize(value));

  function decode(bytes: ArrayBuffer | ArrayBufferView): string {
    try {
      return decodeBytes(decoder, bytes as BufferSource);
    } catch {
      return '';
    }
  }

  /** A private copy of an ArrayBuffer or a view's bytes (the page can't change them afterwards). */
  function copyBytes(value: object): ArrayBuffer | undefined {
    if (brand(() => bufferByteLength(value))) return bufferSlice(value as ArrayBuffer, 0) as ArrayBuffer;
    if (!n.isView(value)) return undefined;
    const isDataView = brand(() => dataViewBuffer!(value));
    const buffer = (isDataView ? dataViewBuffer!(value) : viewBuffer!(value)) as ArrayBuffer;
    const offset = (isDataView ? dataViewOffset!(value) : viewOffset!(value)) as number;
    const length = (isDataView ? dataViewLength!(value) : viewLength!(value)) as number;
    // Works on a SharedArrayBuffer too: a Uint8Array copy is never shared.
    const copy = new NativeUint8Array(length);
    const source = new NativeUint8Array(buffer, offset, length);
    for (let i = 0; i < length; i++) copy[i] = source[i]!;
    return copy.buffer;
  }

  function body(value: unknown): BodySnapshot {
    if (value === null || value === undefined) return { body: value, text: '', flags: '' };
    if (typeof value === 'string') return { body: value, text: value, flags: '' };
    if (typeof value !== 'object') {
      const text = n.toString(value);
      return { body: text, text, flags: '' };
    }
    if (isBlob(value)) {
      // Immutable: the same Blob is what gets sent.
      return { body: value, text: undefined, flags: '' };
    }
    if (brand(() => paramsToString(value as URLSearchParams))) {
      const text = paramsToString(value as URLSearchParams);
      return { body: new NativeParams(text), text, flags: '' };
    }
    if (brand(() => formForEach(value as FormData, () => undefined))) {
      const copy = new NativeFormData();
      let text = '';
      let flags = '';
      formForEach(value as FormData, (entry: FormDataEntryValue, key: string) => {
        if (typeof entry === 'string') {
          formAppend(copy, key, entry);
          text += `${key}=${entry}\n`;
        } else {
          const name = fileName ? n.toString(fileName(entry)) : '';
          formAppend(copy, key, entry, name);
          // File contents are uploads (photos, PDFs) and are not read; their names can carry an ID.
          text += `${key}=${name}\n`;
        }
      });
      return { body: copy, text, flags };
    }
    const bytes = copyBytes(value);
    if (bytes) {
      const length = bufferByteLength(bytes) as number;
      const text = decode(length > MAX_BODY_BYTES ? bufferSlice(bytes, 0, MAX_BODY_BYTES) : bytes);
      return { body: bytes, text, flags: length > MAX_BODY_BYTES ? 'O' : '' };
    }
    if (brand(() => nodeType(value)) && nodeType(value) === 9) {
      // An XHR Document body: sent as the markup it serialises to now.
      const text = serialize(serializer, value as Node);
      return { body: text, text, flags: '' };
    }
    // Anything else is sent as its string form, taken once (a page object's toString may lie the second time).
    const text = n.toString(value);
    return { body: text, text, flags: '' };
  }

  function readBlob(blob: Blob): Promise<{ text: string; flags: string }> {
    const size = blobSize(blob) as number;
    const part = size > MAX_BODY_BYTES ? (blobSlice(blob, 0, MAX_BODY_BYTES) as Blob) : blob;
    return n.then(
      blobArrayBuffer(part) as Promise<ArrayBuffer>,
      (buffer) => ({ text: decode(buffer), flags: size > MAX_BODY_BYTES ? 'O' : '' }),
      () => ({ text: '', flags: 'U' }),
    );
  }

  function absoluteUrl(url: unknown): string {
    let text: string;
    try {
      text = typeof url === 'object' && url !== null && brand(() => urlHref(url)) ? (urlHref(url) as string) : n.toString(url);
    } catch {
      return '';
    }
    let base: unknown;
    try {
      base = baseURI(doc);
    } catch {
      base = undefined;
    }
    try {
      return urlHref(new NativeURL(text, typeof base === 'string' && base ? base : (documentUrl(doc) as string))) as string;
    } catch {
      return text;
    }
  }

  function cloneData(data: unknown): { clone: unknown; text: string } | undefined {
    let clone: unknown;
    try {
      clone = n.apply(structuredClone, win, [data]);
    } catch {
      return undefined;
    }
    // Walk our own clone: plain data with no getters left, so what is read is what is posted.
    let text = '';
    const seen: unknown[] = [];
    const walk = (value: unknown, depth: number): void => {
      if (text.length > MAX_BODY_BYTES || depth > 20) return;
      if (typeof value === 'string') text += `${value}\n`;
      else if (typeof value === 'number' || typeof value === 'bigint') text += `${n.toString(value)}\n`;
      else if (typeof value === 'object' && value !== null) {
        for (let i = 0; i < seen.length; i++) if (seen[i] === value) return;
        seen[seen.length] = value;
        const bytes = copyBytes(value);
        if (bytes) {
          text += `${decode(bytes)}\n`;
          return;
        }
        const keys = objectKeys(value);
        for (let i = 0; i < keys.length; i++) {
          text += `${keys[i]!}=`;
          walk((value as Record<string, unknown>)[keys[i]!], depth + 1);
        }
      }
    };
    walk(clone, 0);
    return { clone, text };
  }

  return { body, readBlob, absoluteUrl, cloneData, isBlob, decode };
}
