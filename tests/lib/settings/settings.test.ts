import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, SETTINGS_KEY, SETTINGS_QUARANTINE_KEY } from '@/lib/settings/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the defaults when nothing is stored, without calling it a recovery', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, recovered: false });
  });

  it('round-trips a saved setting', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, phoneRegion: 'MX' });
    expect((await loadSettings()).settings.phoneRegion).toBe('MX');
  });

  it('refuses to save an invalid region', async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, phoneRegion: 'mexico' })).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('recovers from corrupted settings and keeps the unreadable copy aside', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 99, phoneRegion: 42 } });
    const loaded = await loadSettings();
    expect(loaded).toEqual({ settings: DEFAULT_SETTINGS, recovered: true });
    const kept = (await fakeBrowser.storage.local.get(SETTINGS_QUARANTINE_KEY))[SETTINGS_QUARANTINE_KEY] as { raw: unknown };
    expect(kept.raw).toEqual({ version: 99, phoneRegion: 42 });
  });

  it('parses a non-object as corrupted', () => {
    expect(parseSettings('garbage').recovered).toBe(true);
    expect(parseSettings(null).recovered).toBe(true);
  });
});
