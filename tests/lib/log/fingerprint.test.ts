// Unit tests for lib/log/fingerprint.ts (fakeBrowser storage, real WebCrypto): stable, distinct,
// kind-separated fingerprints; one key per install, persisted, created once, never silently replaced.
import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  FINGERPRINT_KEY_QUARANTINE,
  FINGERPRINT_KEY_STORAGE,
  fingerprintOf,
  loadFingerprintKey,
  resetFingerprintKeyCacheForTests,
} from '@/lib/log/fingerprint';

const storedKey = async (): Promise<unknown> => (await fakeBrowser.storage.local.get(FINGERPRINT_KEY_STORAGE))[FINGERPRINT_KEY_STORAGE];

describe('fingerprints', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetFingerprintKeyCacheForTests();
    vi.restoreAllMocks();
  });

  it('gives the same lower-case hex HMAC-SHA256 for the same kind and value', async () => {
    const key = await loadFingerprintKey();
    const first = await fingerprintOf(key, 'phone', '+8613800138000');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprintOf(key, 'phone', '+8613800138000')).toBe(first);

    // Independent check: HMAC-SHA256 of "kind:value" under the stored key.
    const stored = (await storedKey()) as { key: string };
    const expected = createHmac('sha256', Buffer.from(stored.key, 'base64')).update('phone:+8613800138000').digest('hex');
    expect(first).toBe(expected);
  });

  it('gives 500 different values 500 different fingerprints', async () => {
    const key = await loadFingerprintKey();
    const values = Array.from({ length: 500 }, (_, i) => `6222020200${String(i).padStart(6, '0')}`);
    const prints = await Promise.all(values.map((value) => fingerprintOf(key, 'bank-card', value)));
    expect(new Set(prints).size).toBe(500);
  });

  it('separates kinds: the same digits as a phone and as an OTP differ', async () => {
    const key = await loadFingerprintKey();
    expect(await fingerprintOf(key, 'phone', '123456')).not.toBe(await fingerprintOf(key, 'otp', '123456'));
  });

  it('persists the key and reuses it after the cache is reset', async () => {
    const before = await fingerprintOf(await loadFingerprintKey(), 'national-id', '11010519491231002X');
    const stored = await storedKey();
    expect(stored).toMatchObject({ version: 1, key: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    expect(Buffer.from((stored as { key: string }).key, 'base64')).toHaveLength(32);

    resetFingerprintKeyCacheForTests();
    expect(await fingerprintOf(await loadFingerprintKey(), 'national-id', '11010519491231002X')).toBe(before);
    expect(await storedKey()).toEqual(stored);

    // A different install (another key) fingerprints the same value differently.
    fakeBrowser.reset();
    resetFingerprintKeyCacheForTests();
    expect(await fingerprintOf(await loadFingerprintKey(), 'national-id', '11010519491231002X')).not.toBe(before);
  });

  it('creates only one key when first calls run at once', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const keys = await Promise.all(Array.from({ length: 10 }, () => loadFingerprintKey()));
    expect(new Set(keys).size).toBe(1);
    expect(set.mock.calls.filter(([items]) => FINGERPRINT_KEY_STORAGE in items)).toHaveLength(1);
    const prints = await Promise.all(keys.map((key) => fingerprintOf(key, 'otp', '0000')));
    expect(new Set(prints).size).toBe(1);
  });

  it('keeps an unreadable stored key aside before making a new one', async () => {
    const corrupted = { version: 1, key: 'too-short' };
    await fakeBrowser.storage.local.set({ [FINGERPRINT_KEY_STORAGE]: corrupted });
    await loadFingerprintKey();
    const kept = (await fakeBrowser.storage.local.get(FINGERPRINT_KEY_QUARANTINE))[FINGERPRINT_KEY_QUARANTINE];
    expect(kept).toMatchObject({ raw: corrupted, at: expect.any(Number) });
    expect(await storedKey()).toMatchObject({ version: 1, key: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
  });

  it('does not touch the quarantine when the stored key is fine', async () => {
    await loadFingerprintKey();
    resetFingerprintKeyCacheForTests();
    await loadFingerprintKey();
    expect(await fakeBrowser.storage.local.get(FINGERPRINT_KEY_QUARANTINE)).toEqual({});
  });

  it('tries again after a failed first load instead of remembering the failure', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    await expect(loadFingerprintKey()).rejects.toThrow('storage unavailable');
    await expect(loadFingerprintKey()).resolves.toBeDefined();
    expect(await storedKey()).toMatchObject({ version: 1 });
  });
});
