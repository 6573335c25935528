// User settings: one zod-validated, versioned object in storage.local. Unreadable or corrupted
// settings never break the extension: they fall back to the (careful) defaults and say so.
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, DEFAULT_WATCH, PHONE_REGION, RETENTION_CHOICES, SETTINGS_KEY, WATCH_MODES, type Settings } from './defaults';
import { storedObject } from './stored-object';

export { DEFAULT_SETTINGS, RETENTION_CHOICES, SETTINGS_KEY, WATCH_MODES, type Settings, type WatchMode } from './defaults';

const watchMode = z.enum(WATCH_MODES);

export const settingsSchema = z.object({
  version: z.literal(1),
  /** Region used to read phone numbers typed without a country code; '' = from the page. */
  phoneRegion: z._default(z.string().check(z.regex(PHONE_REGION)), DEFAULT_SETTINGS.phoneRegion),
  watch: z._default(
    z.object({
      'national-id': z._default(watchMode, DEFAULT_WATCH['national-id']),
      'bank-card': z._default(watchMode, DEFAULT_WATCH['bank-card']),
      phone: z._default(watchMode, DEFAULT_WATCH.phone),
      otp: z._default(watchMode, DEFAULT_WATCH.otp),
    }),
    { ...DEFAULT_WATCH },
  ),
  /** Record what is shared without ever asking (for people who only want the log). */
  auditOnly: z._default(z.boolean(), DEFAULT_SETTINGS.auditOnly),
  /** The small notice on detected loan pages before anything is typed. */
  showNotice: z._default(z.boolean(), DEFAULT_SETTINGS.showNotice),
  /** How long the private log keeps an entry, in days; 0 = forever (the default). */
  retentionDays: z._default(z.union(RETENTION_CHOICES.map((days) => z.literal(days))), DEFAULT_SETTINGS.retentionDays),
  /** Copy the trusted list (never the log) to the browser's sync storage. */
  syncTrusted: z._default(z.boolean(), DEFAULT_SETTINGS.syncTrusted),
}) satisfies z.ZodMiniType<Settings>;

/** The settings as stored; see lib/settings/stored-object.ts for how damage is handled. */
export const settingsStore = storedObject<Settings>(SETTINGS_KEY, settingsSchema, DEFAULT_SETTINGS);
export const parseSettings = settingsStore.parse;
export const loadSettings = settingsStore.load;
export const saveSettings = settingsStore.save;
