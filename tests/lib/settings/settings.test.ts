// Settings: defaults, round trip, refusal of invalid values, damage set aside by the background, and
// the in-page reader agreeing with the zod schema.
import { beforeEach, describe, expect, it } from 'vitest';
import { settingsInPage } from '@/lib/settings/defaults';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, SETTINGS_KEY, settingsStore } from '@/lib/settings/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the defaults when nothing is stored, without calling it a recovery', async () => {
    expect(await loadSettings()).toEqual({ value: DEFAULT_SETTINGS, recovered: false });
  });

  it('round-trips a saved setting', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, phoneRegion: 'MX' });
    expect((await loadSettings()).value.phoneRegion).toBe('MX');
  });

  it('refuses to save an invalid region', async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, phoneRegion: 'mexico' })).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('reads corrupted settings as the defaults and says so, without writing (pages only read)', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 99, phoneRegion: 42 } });
    expect(await loadSettings()).toEqual({ value: DEFAULT_SETTINGS, recovered: true });
    expect(await fakeBrowser.storage.local.get(settingsStore.quarantineKey)).toEqual({});
  });

  it('repair sets corrupted settings aside at once: a copy kept, the defaults stored', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 99, phoneRegion: 42 } });
    expect(await settingsStore.repair(1234)).toEqual({ value: DEFAULT_SETTINGS, recovered: true });
    const kept = (await fakeBrowser.storage.local.get(settingsStore.quarantineKey))[settingsStore.quarantineKey];
    expect(kept).toEqual({ at: 1234, raw: { version: 99, phoneRegion: 42 } });
    expect(await loadSettings()).toEqual({ value: DEFAULT_SETTINGS, recovered: false });
  });

  it('repair leaves readable settings and the quarantine alone', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, phoneRegion: 'MX' });
    expect((await settingsStore.repair(1)).recovered).toBe(false);
    expect(await fakeBrowser.storage.local.get(settingsStore.quarantineKey)).toEqual({});
  });

  it('parses a non-object as corrupted', () => {
    expect(parseSettings('garbage').recovered).toBe(true);
    expect(parseSettings(null).recovered).toBe(true);
  });
});

describe('settingsInPage (the reader for code in pages) accepts exactly what the schema accepts', () => {
  /** Deterministic PRNG, so a disagreement is reproducible. */
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const pick = <T,>(values: readonly T[]): T => values[rand(values.length)]!;
  const ODD = [undefined, null, 'x', 1, 30, true, false, '', 'MX', 'mx', 'all-sites', 'off', 'loan-pages', 365, 7, {}, []];
  const maybe = (value: unknown) => (rand(12) === 0 ? pick(ODD) : value);

  it('over 3,000 generated stored objects, and falls back to the defaults wherever the schema refuses', () => {
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const stored: Record<string, unknown> = {
        version: maybe(1),
        phoneRegion: maybe(pick(['', 'CN', 'BR'])),
        watch: maybe({ phone: maybe('all-sites'), otp: maybe('off'), 'national-id': maybe('loan-pages'), 'bank-card': maybe('all-sites') }),
        auditOnly: maybe(rand(2) === 0),
        showNotice: maybe(rand(2) === 0),
        retentionDays: maybe(pick([0, 30, 90, 365])),
        syncTrusted: maybe(false),
      };
      for (const key of Object.keys(stored)) if (stored[key] === undefined) delete stored[key];
      const full = parseSettings(stored);
      if (full.recovered) refused++;
      expect({ stored, page: settingsInPage(stored) }).toEqual({ stored, page: full.value });
    }
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(2900);
  });
});

describe('damagedByChange: what the background sets aside as soon as it is written', () => {
  beforeEach(() => fakeBrowser.reset());

  it('names the stores whose new value cannot be read, and only those', async () => {
    const { trustedStore, TRUSTED_KEY } = await import('@/lib/trust/trusted-list');
    const { damagedByChange } = await import('@/lib/settings/stored-object');
    const stores = [settingsStore, trustedStore] as Parameters<typeof damagedByChange>[0];
    expect(damagedByChange(stores, { [TRUSTED_KEY]: { newValue: 'garbage' }, [SETTINGS_KEY]: { newValue: DEFAULT_SETTINGS } })).toEqual([trustedStore]);
    expect(damagedByChange(stores, { [SETTINGS_KEY]: { newValue: { version: 99 } } })).toEqual([settingsStore]);
    // Removed (newValue undefined) is the default again, not damage; an unrelated key is ignored.
    expect(damagedByChange(stores, { [TRUSTED_KEY]: {}, other: { newValue: 1 } })).toEqual([]);
  });

  it('repairing the named store keeps the damaged copy and leaves a clean value for the next reader', async () => {
    const { trustedStore, TRUSTED_KEY, loadTrustedList, EMPTY_TRUSTED_LIST } = await import('@/lib/trust/trusted-list');
    await fakeBrowser.storage.local.set({ [TRUSTED_KEY]: { sites: 'nope' } });
    await trustedStore.repair(1234);
    expect(await loadTrustedList()).toEqual({ value: EMPTY_TRUSTED_LIST, recovered: false });
    expect((await fakeBrowser.storage.local.get(trustedStore.quarantineKey))[trustedStore.quarantineKey]).toEqual({ at: 1234, raw: { sites: 'nope' } });
  });
});
