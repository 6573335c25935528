// The attack suite's judge: did a request carry the value, however the page dressed it up? Written
// apart from LoanGuard's own matcher (lib/guard/frame/value-match.ts) on purpose — a test that used
// the code under test to decide what counts as a leak could not catch that code missing one.
import type { RecordedRequest } from '../../scripts/demo-server';

/** Any 9 characters of the value in a row count: the split attack sends it in two halves of 9. */
const WINDOW = 9;
const MAX_VARIANTS = 400;

const safeDecodeUri = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
};

const fromBase64 = (run: string): string => {
  try {
    return Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  } catch {
    return '';
  }
};

/** Every reading of `text` a receiver could make: URL-decoded, reversed, hex, base64, escapes, char codes. */
function readings(text: string): string[] {
  const seen = new Set<string>([text]);
  const queue = [text];
  const add = (candidate: string): void => {
    if (candidate && !seen.has(candidate) && seen.size < MAX_VARIANTS) {
      seen.add(candidate);
      queue.push(candidate);
    }
  };
  while (queue.length > 0) {
    const current = queue.shift()!;
    add(safeDecodeUri(current));
    add(current.replace(/\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (_, u?: string, x?: string) => String.fromCharCode(parseInt(u ?? x ?? '0', 16))));
    for (const run of current.match(/[0-9a-f]{16,}/gi) ?? []) add(run.replace(/../g, (pair) => String.fromCharCode(parseInt(pair, 16))));
    for (const run of current.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []) add(fromBase64(run));
    const codes = current.match(/\b\d{2,3}\b(?:\s*[,;\s]\s*\b\d{2,3}\b){8,}/g) ?? [];
    for (const list of codes) add(list.split(/[^\d]+/).map((code) => String.fromCharCode(Number(code))).join(''));
  }
  return [...seen];
}

/** Whether `text` carries `value` (or a 9-character piece of it), read every way above, forwards or backwards. */
export function carriesValue(text: string, value: string): boolean {
  const wanted = value.toUpperCase();
  const pieces = Array.from({ length: Math.max(1, wanted.length - WINDOW + 1) }, (_, i) => wanted.slice(i, i + WINDOW));
  return readings(text).some((reading) => {
    const flat = reading.toUpperCase().replace(/[\s\-_.+/]/g, '');
    const reversed = [...flat].reverse().join('');
    return pieces.some((piece) => flat.includes(piece) || reversed.includes(piece));
  });
}

/**
 * The collector's requests (under /x/) that carry the value anywhere: address, headers or body.
 * `hostPrefix`: only requests to hosts starting with it (one case's page and collector).
 */
export function leaks(requests: readonly RecordedRequest[], value: string, hostPrefix = ''): RecordedRequest[] {
  return requests.filter((r) => r.url.startsWith('/x/') && r.host.startsWith(hostPrefix) && carriesValue(`${r.url}\n${r.headers ?? ''}\n${r.body}`, value));
}
