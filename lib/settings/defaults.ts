// The settings' shape, choices and defaults, dependency-free so code in pages can read them too.
// lib/settings/settings.ts builds the zod schema from these same constants (one rule each); the
// in-page reader below accepts exactly what that schema accepts (a unit test proves it) and falls
// back to the careful defaults otherwise.
import { FIELD_KINDS, type FieldKind } from '@/lib/types';

export const SETTINGS_KEY = 'settings';

/** When the guard asks before a kind of data leaves: on every site not trusted, only on detected loan pages, or never. */
export const WATCH_MODES = ['all-sites', 'loan-pages', 'off'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];

/**
 * Defaults: ID numbers and bank cards are worth a question anywhere they go to a site you haven't
 * trusted; phone numbers and codes are typed on so many sites that asking everywhere would train
 * people to click through, so by default only on detected loan pages.
 */
export const DEFAULT_WATCH: Readonly<Record<FieldKind, WatchMode>> = { 'national-id': 'all-sites', 'bank-card': 'all-sites', phone: 'loan-pages', otp: 'loan-pages' };

/** How long the private log keeps an entry, in days; 0 = forever. */
export const RETENTION_CHOICES = [0, 30, 90, 365] as const;
export type RetentionDays = (typeof RETENTION_CHOICES)[number];
/** '' (read the region from the page) or an ISO 3166-1 alpha-2 code. */
export const PHONE_REGION = /^(?:[A-Z]{2})?$/;

export interface Settings {
  version: 1;
  /** Region used to read phone numbers typed without a country code; '' = from the page. */
  phoneRegion: string;
  watch: Record<FieldKind, WatchMode>;
  /** Record what is shared without ever asking (for people who only want the log). */
  auditOnly: boolean;
  /** The small notice on detected loan pages before anything is typed. */
  showNotice: boolean;
  retentionDays: RetentionDays;
  /** Copy the trusted list (never the log) to the browser's sync storage. */
  syncTrusted: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  phoneRegion: '',
  watch: { ...DEFAULT_WATCH },
  auditOnly: false,
  showNotice: true,
  retentionDays: 0,
  syncTrusted: false,
};

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const isOneOf = <T>(choices: readonly T[], value: unknown): value is T => choices.includes(value as T);

/**
 * The stored settings as pages read them: a missing field takes its default, and anything the
 * schema would refuse makes the whole object the defaults (never a half-read mix).
 */
export function settingsInPage(stored: unknown): Settings {
  if (!isRecord(stored) || stored.version !== 1) return DEFAULT_SETTINGS;
  const watch = stored.watch === undefined ? {} : stored.watch;
  if (!isRecord(watch)) return DEFAULT_SETTINGS;
  const pick = <T>(value: unknown, fallback: T, valid: (v: unknown) => v is T): T | null =>
    value === undefined ? fallback : valid(value) ? value : null;
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
  const settings = {
    version: 1 as const,
    phoneRegion: pick(stored.phoneRegion, '', (v): v is string => typeof v === 'string' && PHONE_REGION.test(v)),
    watch: Object.fromEntries(FIELD_KINDS.map((kind) => [kind, pick(watch[kind], DEFAULT_WATCH[kind], (v): v is WatchMode => isOneOf(WATCH_MODES, v))])),
    auditOnly: pick(stored.auditOnly, false, isBoolean),
    showNotice: pick(stored.showNotice, true, isBoolean),
    retentionDays: pick(stored.retentionDays, 0, (v): v is RetentionDays => isOneOf(RETENTION_CHOICES, v)),
    syncTrusted: pick(stored.syncTrusted, false, isBoolean),
  };
  const complete = Object.values(settings).every((v) => v !== null) && Object.values(settings.watch).every((v) => v !== null);
  return complete ? (settings as Settings) : DEFAULT_SETTINGS;
}
