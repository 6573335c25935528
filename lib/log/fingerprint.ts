// Fingerprints name the same personal value across sites without storing it: HMAC-SHA256 under a
// random per-install key kept in storage.local, so the log can say "this phone went to 3 sites"
// while the values themselves (and anything that could be brute-forced without the key) stay out.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { DataKind } from '@/lib/types';

export const FINGERPRINT_KEY_STORAGE = 'fingerprintKey';
/** Where an unreadable stored key is kept: replacing it silently would orphan every old fingerprint. */
export const FINGERPRINT_KEY_QUARANTINE = 'quarantine:fingerprintKey';
const KEY_BYTES = 32;

/** 32 bytes in standard base64 are 43 characters and one '=' of padding. */
const storedKeySchema = z.object({
  version: z.literal(1),
  key: z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/)),
});

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function importKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  // Not extractable: once loaded, the key is only ever used to sign.
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function loadOrCreate(): Promise<CryptoKey> {
  const stored: unknown = (await browser.storage.local.get(FINGERPRINT_KEY_STORAGE))[FINGERPRINT_KEY_STORAGE];
  if (stored !== undefined) {
    const parsed = storedKeySchema.safeParse(stored);
    if (parsed.success) return importKey(fromBase64(parsed.data.key));
    await browser.storage.local.set({ [FINGERPRINT_KEY_QUARANTINE]: { at: Date.now(), raw: stored } });
  }
  const raw = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  await browser.storage.local.set({ [FINGERPRINT_KEY_STORAGE]: { version: 1, key: toBase64(raw) } });
  return importKey(raw);
}

let cached: Promise<CryptoKey> | null = null;

/** The install's key, created on first use. Concurrent first calls share one creation. */
export function loadFingerprintKey(): Promise<CryptoKey> {
  if (!cached) {
    const pending = loadOrCreate();
    cached = pending;
    // A failed load (e.g. storage unavailable) must not be remembered: the next call tries again.
    pending.catch(() => {
      if (cached === pending) cached = null;
    });
  }
  return cached;
}

export function resetFingerprintKeyCacheForTests(): void {
  cached = null;
}

/** Lower-case hex HMAC-SHA256 of `${kind}:${normalized}`: the kind keeps equal digits of different kinds apart. */
export async function fingerprintOf(key: CryptoKey, kind: DataKind, normalized: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${kind}:${normalized}`));
  let hex = '';
  for (const byte of new Uint8Array(signature)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
