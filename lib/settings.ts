// User settings: one zod-validated, versioned object in storage.local. Unreadable or corrupted
// settings never break the extension: they fall back to defaults and say so (`recovered`).
import { z } from 'zod';
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'settings';

export const settingsSchema = z.object({
  version: z.literal(1),
  /** Region used to read phone numbers typed without a country code; '' = from the page. */
  phoneRegion: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/)]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, phoneRegion: '' };

export interface LoadedSettings {
  settings: Settings;
  /** True when stored settings existed but could not be read and defaults were used instead. */
  recovered: boolean;
}

export function parseSettings(stored: unknown): LoadedSettings {
  if (stored === undefined) return { settings: DEFAULT_SETTINGS, recovered: false };
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? { settings: parsed.data, recovered: false } : { settings: DEFAULT_SETTINGS, recovered: true };
}

/** Where unreadable settings are kept, so a later save of the defaults does not destroy them. */
export const SETTINGS_QUARANTINE_KEY = 'quarantine:settings';

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const loaded = parseSettings(stored);
  if (loaded.recovered) {
    await browser.storage.local.set({ [SETTINGS_QUARANTINE_KEY]: { at: Date.now(), raw: stored } });
  }
  return loaded;
}

/** Validates before writing, so nothing invalid ever reaches storage. Throws on a full quota. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settingsSchema.parse(settings) });
}
