// Finds the values the user typed into watched fields inside an outgoing request (URL + body), in
// any usual encoding. Injected into every frame's page realm, so: tiny, dependency-free, never throws.

export type WatchedKind = 'national-id' | 'phone' | 'bank-card' | 'otp';

export interface WatchedValue {
  id: string;
  kind: WatchedKind;
  /**
   * What is looked for: upper-case, only [0-9A-Z]. For phones, digits only and just the tail that
   * survives any country-code / trunk-prefix spelling (see `watchedValue`).
   */
  canonical: string;
}

/** Per text: bodies beyond this are cut (keeps a pathological body from stalling the page's send). */
const MAX_TEXT = 1 << 20;
/** Total size of all decoded variants (URL-/JSON-/base64-decoded) made for one request. */
const MAX_DECODED = 2 << 20;
/** Base64-looking tokens decoded per request. */
const MAX_TOKENS = 50;

/** Canonical form used for matching: NFKC (full-width digits → ASCII), upper-case, keep only 0-9 and A-Z. */
export function canonicalValue(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]+/g, '');
}

/**
 * Make a WatchedValue from what the user typed, or null when it is too short to match safely
 * (< 4 canonical chars for otp, < 6 for others).
 *
 * Phones: without numbering-plan metadata a country code can't be told from the number, so a phone
 * is matched on its tail. A leading international prefix `00` is dropped; then when the number was
 * typed with `+`/`00` or has more than 11 digits, up to 3 leading digits may be a country code, so
 * the last max(8, n − 3) digits are kept; a national number with trunk `0` drops the zeros (the body
 * may carry `+CC` instead); any other number is kept whole. That gives 8–11 digits in practice, so
 * '+86 138 0013 8000' matches a body with '13800138000', and '0803 123 4567' one with '+2348031234567'.
 */
export function watchedValue(id: string, kind: WatchedKind, raw: string): WatchedValue | null {
  let canonical = canonicalValue(raw);
  if (kind === 'phone') {
    let digits = canonical.replace(/\D+/g, '');
    const international = /^[\s(]*(\+|00)/.test(raw.normalize('NFKC'));
    digits = digits.replace(/^00/, '');
    if (digits.length < 6) return null;
    if (international || digits.length > 11) canonical = digits.slice(-Math.max(8, digits.length - 3));
    else canonical = digits.replace(/^0+/, '');
  }
  return canonical.length < (kind === 'otp' ? 4 : 6) ? null : { id, kind, canonical };
}

const tagOf = (v: unknown): string => Object.prototype.toString.call(v).slice(8, -1);

/** `instanceof` misses objects from another frame's realm and `toString` tags may be absent in polyfills: try both. */
function isA(v: unknown, name: string): boolean {
  const ctor = (globalThis as Record<string, unknown>)[name];
  return (typeof ctor === 'function' && v instanceof ctor) || tagOf(v) === name;
}

function decodeBytes(bytes: ArrayBuffer | ArrayBufferView): string {
  const view = ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_TEXT))
    : new Uint8Array(bytes, 0, Math.min(bytes.byteLength, MAX_TEXT));
  try {
    return new TextDecoder().decode(view);
  } catch {
    // Browsers refuse to decode a view on a SharedArrayBuffer; a copy is not shared.
    return new TextDecoder().decode(view.slice());
  }
}

/** The synchronously readable part of a body; `undefined` when it has to be read asynchronously. */
function syncBody(body: unknown): string[] | undefined {
  if (body == null) return [];
  if (typeof body === 'string') return [body];
  if (isA(body, 'URLSearchParams')) return [String(body)];
  if (isA(body, 'FormData')) {
    const out: string[] = [];
    (body as FormData).forEach((value, key) => {
      // File contents are uploads (photos, PDFs); their names can still carry an ID number.
      out.push(key + '=' + (typeof value === 'string' ? value : (value as File).name ?? ''));
    });
    return [out.join('\n')];
  }
  if (ArrayBuffer.isView(body) || isA(body, 'ArrayBuffer') || isA(body, 'SharedArrayBuffer')) {
    return [decodeBytes(body as ArrayBuffer)];
  }
  if (isA(body, 'Blob') || isA(body, 'ReadableStream')) return undefined;
  // Anything else (a Document for XHR, a page object with toString) is sent as its string form.
  return [];
}

/**
 * Synchronous texts of a request: the URL plus the body when it is a string, URLSearchParams,
 * FormData (string entries and file names), ArrayBuffer / typed array / DataView (UTF-8 decoded,
 * first 1 MB). `pending: true` when the body is a Blob/ReadableStream (read it with `requestTextsAsync`).
 */
export function requestTexts(url: string, body: unknown): { texts: string[]; pending: boolean } {
  let texts: string[] | undefined;
  try {
    texts = syncBody(body);
  } catch {
    texts = [];
  }
  return { texts: url ? [url, ...(texts ?? [])] : (texts ?? []), pending: !texts };
}

/**
 * Like `requestTexts`, also reading a Blob (first 1 MB) or a ReadableStream. Reading a stream
 * consumes it: pass one branch of `stream.tee()` and send the other.
 */
export async function requestTextsAsync(url: string, body: unknown): Promise<string[]> {
  const { texts, pending } = requestTexts(url, body);
  if (!pending) return texts;
  try {
    if (isA(body, 'Blob')) {
      texts.push(decodeBytes(await (body as Blob).slice(0, MAX_TEXT).arrayBuffer()));
    } else {
      const reader = (body as ReadableStream<unknown>).getReader();
      const chunks: string[] = [];
      const decoder = new TextDecoder();
      for (let size = 0; size < MAX_TEXT; ) {
        const { done, value } = await reader.read();
        if (done) break;
        const text =
          typeof value === 'string' ? value : decoder.decode(value as ArrayBufferView, { stream: true });
        chunks.push(text);
        size += text.length;
      }
      void reader.cancel().catch(() => {});
      texts.push(chunks.join(''));
    }
  } catch {
    // An unreadable body is simply not inspected.
  }
  return texts;
}

/** %XX-decode; a run that is not valid UTF-8 (GBK, truncated) still gets its ASCII escapes decoded. */
function urlDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // A stray '%' or a non-UTF-8 run somewhere: decode run by run.
  }
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-7][0-9A-Fa-f])/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

/**
 * JSON/JS string escapes, any depth of backslashes (JSON inside JSON): \uXXXX to its character,
 * \n \t … to a space, \/ \" … to the character itself. Plain replacements after the \u step,
 * since bodies of JSON-in-JSON have an escaped quote every few characters.
 */
function jsonUnescape(s: string): string {
  return s
    .replace(/\\+u([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\+[bfnrt]/g, ' ')
    .replace(/\\+/g, '');
}

/** Full-width ASCII (U+FF01–FF5E), as typed with CJK input methods, to ASCII. */
function foldWidth(s: string): string {
  return /[\uff01-\uff5e]/.test(s)
    ? s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : s;
}

function base64Decode(token: string): string | undefined {
  let s = token.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (s.length % 4 === 1) s = s.slice(0, -1);
  try {
    const bin = atob(s + '==='.slice(0, (4 - (s.length % 4)) % 4));
    // Binary garbage (a hash, a path mistaken for base64) has control bytes; UTF-8 text never does.
    return /[\x00-\x08\x0e-\x1f\x7f]/.test(bin) ? undefined : bin;
  } catch {
    return undefined;
  }
}

/** Digit OTPs also as digit boxes joined by the page: '4 8 2 9 1 3', [4,8,2,9,1,3], ["4","8",…]. */
function otpPattern(canonical: string): RegExp {
  if (!/^\d+$/.test(canonical)) return new RegExp(`(?<![0-9A-Z])${canonical}(?![0-9A-Z])`, 'i');
  // The first separator is captured and must repeat, so digit groups like '1,748,291' never qualify.
  const spread = canonical.replace(/\d/g, (d, i: number) => (i === 0 ? d : i === 1 ? `(?<s>[\\s,"'-]{1,3})${d}` : `\\k<s>${d}`));
  return new RegExp(`(?<!\\d)${canonical}(?!\\d)|(?<!\\d[\\s,"'-]{0,3})${spread}(?![\\s,"'-]{0,3}\\d)`);
}

const patterns = new WeakMap<WatchedValue, RegExp>();

/**
 * Which watched values occur in any of the texts, in any usual encoding: raw; spaced / dashed /
 * dotted; URL-encoded (incl. '+', double-encoded); JSON (\uXXXX escapes, numbers); form-data;
 * country-code prefixed; base64 / base64url of the body or of any base64-looking token ≥ 16 chars
 * (decoded once, then URL-/JSON-decoded; not base64-decoded again).
 * OTPs match only as a whole digit run of the unstripped text, so '482913' is not found in
 * '1748291300'; the other kinds match as a substring of the text reduced to [0-9A-Z].
 */
export function findWatched(texts: readonly string[], watched: readonly WatchedValue[]): WatchedValue[] {
  if (watched.length === 0) return [];
  const found = new Set<WatchedValue>();
  try {
    let budget = MAX_DECODED;
    let tokens = MAX_TOKENS;
    const seen = new Set<string>();
    const check = (form: string): boolean => {
      let stripped: string | undefined;
      for (const w of watched) {
        if (found.has(w)) continue;
        if (w.kind === 'otp') {
          let re = patterns.get(w);
          if (!re) patterns.set(w, (re = otpPattern(w.canonical)));
          if (re.test(form)) found.add(w);
        } else {
          stripped ??= form.toUpperCase().replace(/[^0-9A-Z]+/g, '');
          if (stripped.includes(w.canonical)) found.add(w);
        }
      }
      return found.size === watched.length;
    };
    // `s` and its successive decodings (URL, URL again for double encoding, then JSON escapes).
    const decodings = (s: string): string[] => {
      const forms = [s];
      let last = s;
      const push = (v: string): void => {
        if (v !== last && budget > 0) {
          budget -= v.length;
          forms.push((last = v));
        }
      };
      for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(last); i++) push(foldWidth(urlDecode(last)));
      if (last.includes('\\')) push(jsonUnescape(last));
      return forms;
    };
    for (const text of texts) {
      const forms = decodings(foldWidth(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text));
      for (const form of forms) if (check(form)) return [...found];
      // Tokens are cut from the most decoded form, where '%2B', '\/' no longer split them. The
      // leading delimiter in the pattern keeps the regex from retrying inside every short word.
      for (const [m] of (' ' + forms[forms.length - 1]).matchAll(/[^\w+/-][\w+/-]{16,}={0,2}/g)) {
        if (tokens <= 0 || budget <= 0) break;
        const token = m.slice(1);
        // Base64 of digit-bearing text nearly always has capitals and digits; tokens without both
        // (paths, hex ids, camelCase keys) and repeats are skipped so they don't use up the cap.
        if (!/[A-Z]/.test(token) || !/\d/.test(token) || seen.has(token)) continue;
        seen.add(token);
        tokens--;
        const decoded = base64Decode(token);
        if (decoded === undefined) continue;
        budget -= decoded.length;
        for (const form of decodings(decoded)) if (check(form)) return [...found];
      }
    }
  } catch {
    // Matching is best effort: whatever was found before an unexpected failure is still reported.
  }
  return [...found];
}
