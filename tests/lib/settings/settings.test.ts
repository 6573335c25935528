import { beforeEach, describe, expect, it } from 'vitest';
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
