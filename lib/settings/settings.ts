// User settings: one zod-validated, versioned object in storage.local. Unreadable or corrupted
// settings never break the extension: they fall back to the (careful) defaults and say so.
import * as z from 'zod/mini';
import { storedObject } from './stored-object';

export const SETTINGS_KEY = 'settings';

/** When the guard asks before a kind of data leaves: on every site not trusted, only on detected loan pages, or never. */
export const WATCH_MODES = ['all-sites', 'loan-pages', 'off'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];
const watchMode = z.enum(WATCH_MODES);

/**
 * Defaults: ID numbers and bank cards are worth a question anywhere they go to a site you haven't
 * trusted; phone numbers and codes are typed on so many sites that asking everywhere would train
 * people to click through, so by default only on detected loan pages.
 */
export const DEFAULT_WATCH = { 'national-id': 'all-sites', 'bank-card': 'all-sites', phone: 'loan-pages', otp: 'loan-pages' } as const;

export const settingsSchema = z.object({
  version: z.literal(1),
  /** Region used to read phone numbers typed without a country code; '' = from the page. */
  phoneRegion: z._default(z.union([z.literal(''), z.string().check(z.regex(/^[A-Z]{2}$/))]), ''),
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
  auditOnly: z._default(z.boolean(), false),
  /** The small notice on detected loan pages before anything is typed. */
  showNotice: z._default(z.boolean(), true),
  /** How long the private log keeps an entry, in days; 0 = forever (the default). */
  retentionDays: z._default(z.union([z.literal(0), z.literal(30), z.literal(90), z.literal(365)]), 0),
  /** Copy the trusted list (never the log) to the browser's sync storage. */
  syncTrusted: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof settingsSchema>;
export const RETENTION_CHOICES = [0, 30, 90, 365] as const;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ version: 1 });

/** The settings as stored; see lib/settings/stored-object.ts for how damage is handled. */
export const settingsStore = storedObject<Settings>(SETTINGS_KEY, settingsSchema, DEFAULT_SETTINGS);
export const parseSettings = settingsStore.parse;
export const loadSettings = settingsStore.load;
export const saveSettings = settingsStore.save;
