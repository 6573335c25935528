// Finds the values the user typed (anywhere in the tab) inside an outgoing request's text, in any
// usual encoding and the simple tricks pages use to hide them: raw; spaced, dashed or dotted;
// URL-encoded up to three times (incl. '+'); JSON and \xNN escapes; base64 / base64url of the body
// or of any token, twice nested; hex; lists of character codes; reversed; full-width digits; a phone
// with any country-code spelling; an OTP as a run of digit boxes. Runs in the isolated world — the
// page can't patch what it uses — and never throws: on an internal failure it reports a match, so the
// request is held, not sent.

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

/** Total size of the decoded forms made for one request (a bound for pathological bodies). */
const MAX_DECODED = 16 << 20;

/** Canonical form used for matching: NFKC (full-width digits → ASCII), upper-case, keep only 0-9 and A-Z. */
export function canonicalValue(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]+/g, '');
}

/** Shortest canonical value worth watching: shorter ones occur in unrelated data too often. */
export const minimumLength = (kind: WatchedKind): number => (kind === 'otp' ? 4 : 6);

/**
 * Make a WatchedValue from what the user typed, or null when it is too short to match safely.
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
  return canonical.length < minimumLength(kind) ? null : { id, kind, canonical };
}

/** %XX-decode; a run that is not valid UTF-8 (GBK, truncated) still gets its ASCII escapes decoded. */
function urlDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    // A stray '%' or a non-UTF-8 run somewhere: decode run by run.
  }
  return plus.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-7][0-9A-Fa-f])/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

/**
 * JSON/JS string escapes, any depth of backslashes (JSON inside JSON): \uXXXX and \xXX to their
 * character, \n \t … to a space, \/ \" … to the character itself.
 */
function unescapeJs(s: string): string {
  return s
    .replace(/\\+u([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\+x([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\+[bfnrt]/g, ' ')
    .replace(/\\+/g, '');
}

/** Full-width ASCII (U+FF01–FF5E), as typed with CJK input methods, to ASCII. */
function foldWidth(s: string): string {
  return /[\uff01-\uff5e]/.test(s) ? s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
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

/** Runs of hex digit pairs (≥ 6 bytes) decoded to the text they spell, when it is printable. */
function hexRuns(s: string): string[] {
  const out: string[] = [];
  for (const [run] of s.matchAll(/(?:[0-9A-Fa-f]{2}){6,}/g)) {
    let text = '';
    for (let i = 0; i + 1 < run.length; i += 2) text += String.fromCharCode(parseInt(run.slice(i, i + 2), 16));
    if (/^[\x20-\x7e]+$/.test(text)) out.push(text);
  }
  return out;
}

/** Lists of character codes ("49,49,48,49…", "[49 49 48]") decoded to the characters they spell. */
function charCodeRuns(s: string): string[] {
  const out: string[] = [];
  for (const [run] of s.matchAll(/(?:\b\d{2,3}\b[\s,;:|]{1,3}){5,}\b\d{2,3}\b/g)) {
    const codes = run.split(/[\s,;:|]+/).map(Number);
    if (codes.every((c) => c >= 32 && c <= 126)) out.push(String.fromCharCode(...codes));
  }
  return out;
}

/** Digit OTPs also as digit boxes joined by the page: '4 8 2 9 1 3', [4,8,2,9,1,3], ["4","8",…]. */
function otpPattern(canonical: string): RegExp {
  if (!/^\d+$/.test(canonical)) return new RegExp(`(?<![0-9A-Z])${canonical}(?![0-9A-Z])`, 'i');
  // The first separator is captured and must repeat, so digit groups like '1,748,291' never qualify.
  const spread = canonical.replace(/\d/g, (d, i: number) => (i === 0 ? d : i === 1 ? `(?<s>[\\s,"'-]{1,3})${d}` : `\\k<s>${d}`));
  return new RegExp(`(?<!\\d)${canonical}(?!\\d)|(?<!\\d[\\s,"'-]{0,3})${spread}(?![\\s,"'-]{0,3}\\d)`);
}

const patterns = new WeakMap<WatchedValue, RegExp>();
const reversed = (s: string): string => [...s].reverse().join('');

/**
 * Which watched values occur in any of the texts. OTPs match only as a whole digit run of an
 * unstripped form, so '482913' is not found in '1748291300'; the other kinds match as a substring of
 * a form reduced to [0-9A-Z], forwards or reversed.
 */
export function findWatched(texts: readonly string[], watched: readonly WatchedValue[]): WatchedValue[] {
  if (watched.length === 0) return [];
  const found = new Set<WatchedValue>();
  try {
    let budget = MAX_DECODED;
    const seen = new Set<string>();
    const check = (form: string): boolean => {
      let stripped: string | undefined;
      let backwards: string | undefined;
      for (const w of watched) {
        if (found.has(w)) continue;
        if (w.kind === 'otp') {
          let re = patterns.get(w);
          if (!re) patterns.set(w, (re = otpPattern(w.canonical)));
          if (re.test(form)) found.add(w);
          continue;
        }
        stripped ??= form.toUpperCase().replace(/[^0-9A-Z]+/g, '');
        if (stripped.includes(w.canonical)) {
          found.add(w);
          continue;
        }
        backwards ??= reversed(stripped);
        if (backwards.includes(w.canonical)) found.add(w);
      }
      return found.size === watched.length;
    };
    /** `s` and what it decodes to; `depth` bounds base64 nesting. Returns true when everything is found. */
    const explore = (s: string, depth: number): boolean => {
      if (budget <= 0) return false;
      const forms = [s];
      let last = s;
      const push = (v: string): void => {
        if (v !== last && budget > 0) {
          budget -= v.length;
          forms.push((last = v));
        }
      };
      for (let i = 0; i < 3 && /%[0-9A-Fa-f]{2}|\+/.test(last); i++) push(foldWidth(urlDecode(last)));
      if (last.includes('\\')) push(unescapeJs(last));
      for (const form of forms) if (check(form)) return true;
      const deepest = forms[forms.length - 1]!;
      for (const extra of [...hexRuns(deepest), ...charCodeRuns(deepest)]) {
        budget -= extra.length;
        if (check(extra) || (depth < 2 && explore(extra, depth + 1))) return true;
      }
      if (depth >= 2) return false;
      // Tokens are cut from every form: the raw one keeps a '+' that URL-decoding would turn into a
      // space, the decoded ones no longer have '%2B' or '\/' splitting them. The leading delimiter
      // in the pattern keeps the regex from retrying inside every short word.
      for (const [m] of forms.map((form) => ' ' + form).join(' ').matchAll(/[^\w+/-][\w+/-]{12,}={0,2}/g)) {
        if (budget <= 0) break;
        const token = m.slice(1);
        // Base64 of digit-bearing text nearly always has capitals and digits; tokens without both
        // (paths, hex ids, camelCase keys) and repeats are skipped.
        if (!/[A-Z]/.test(token) || !/\d/.test(token) || seen.has(token)) continue;
        seen.add(token);
        const decoded = base64Decode(token);
        if (decoded === undefined) continue;
        budget -= decoded.length;
        if (explore(decoded, depth + 1)) return true;
      }
      return false;
    };
    for (const text of texts) {
      if (explore(foldWidth(text), 0)) break;
    }
  } catch {
    // Fail closed: an unexpected failure counts as finding everything, so the request is held.
    return [...watched];
  }
  return [...found];
}

/**
 * Digits a destination has received lately, across requests: a value split over several requests
 * ("110105194" now, "91231002X" next) is found when the runs of digits sent one after the other
 * spell it. Runs, not all digits: a port or "/v2/" in every address would cut the value apart. Only
 * values with ≥ 10 digits are looked for this way (IDs, phones, cards), where a chance match is
 * negligible.
 */
export class DigitStreams {
  private readonly streams = new Map<string, { runs: string[]; at: number }>();

  constructor(
    /** Runs remembered per destination. */
    private readonly keep = 16,
    private readonly windowMs = 60_000,
  ) {}

  /** Adds the request's digit runs to the destination's stream and returns the values they complete. */
  feed(destination: string, texts: readonly string[], watched: readonly WatchedValue[], now: number): WatchedValue[] {
    const previous = this.streams.get(destination);
    const before = previous && now - previous.at <= this.windowMs ? previous.runs : [];
    // The address's scheme, host and port are the same in every request: only what follows counts.
    const added = texts.map((text) => text.replace(/^[a-z][\w+.-]*:\/\/[^/?#]*/i, '')).join(' ').match(/\d{3,}/g) ?? [];
    if (added.length === 0) return [];
    this.streams.set(destination, { runs: [...before, ...added].slice(-this.keep), at: now });
    if (before.length === 0) return [];
    const found: WatchedValue[] = [];
    for (const w of watched) {
      const needle = w.canonical.replace(/\D+/g, '');
      // Only a match that spans requests counts: a match inside one request is findWatched's.
      if (needle.length < 10 || added.some((run) => run.includes(needle))) continue;
      let tail = '';
      for (let i = before.length - 1; i >= 0 && tail.length < needle.length * 2; i--) {
        tail = before[i] + tail;
        if (added.some((run) => (tail + run).includes(needle))) {
          found.push(w);
          break;
        }
      }
    }
    return found;
  }
}
