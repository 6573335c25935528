// The private log's unit: one ShareEvent per piece of personal data per decision. Stable, versioned
// shape (v2); v1 events (written before the log existed, without fingerprint) are upgraded on read.
// Values appear only masked; `fingerprint` names the same value across sites without storing it.
import * as z from 'zod/mini';
import { DECISIONS, END_REASONS, DATA_KINDS, SHARE_ROUTES, type DataKind } from '@/lib/types';
import { isFiniteNumber, isMatch, isOneOf, isPlainObject, isStringOfLength, stringArray } from './stored-check';

export { DECISIONS, SHARE_ROUTES, type Decision, type ShareRoute } from '@/lib/types';
export { SENT_DECISIONS } from '@/lib/types';

const maxString = (max: number) => z.string().check(z.maxLength(max));

/** Length bounds and patterns shared by the schemas and the hand checks (checkShareEvent; the summary's too). */
const ID_LENGTH = { min: 8, max: 80 };
const PAGE_URL_MAX = 2048;
const PAGE_TITLE_MAX = 500;
export const SITE_MAX = 300;
export const MASKED_LENGTH = { min: 1, max: 64 };
const DESTINATIONS = { min: 1, max: 10 };
const FINGERPRINT = /^[0-9a-f]{64}$/;
export const COUNTRY = /^[A-Z]{2}$/;

/** HMAC-SHA256 of the normalised value under the per-install key, lower-case hex. */
export const fingerprintSchema = z.string().check(z.regex(FINGERPRINT));

/** The fields every version shares. */
const eventCore = {
  /** `<holdId>-<index>`: deterministic, so recording the same decision twice stores it once. */
  id: z.string().check(z.minLength(ID_LENGTH.min), z.maxLength(ID_LENGTH.max)),
  at: z.number(),
  decision: z.enum(DECISIONS),
  route: z.enum(SHARE_ROUTES),
  /** origin + path, no query string or fragment. */
  pageUrl: maxString(PAGE_URL_MAX),
  pageTitle: maxString(PAGE_TITLE_MAX),
  pageSite: maxString(SITE_MAX),
  isLoanPage: z.boolean(),
};
/** What was shared: the kind, the masked value and the country the value's scheme belongs to. */
const sharedValue = {
  kind: z.enum(DATA_KINDS),
  masked: z.string().check(z.minLength(MASKED_LENGTH.min), z.maxLength(MASKED_LENGTH.max)),
  country: z.optional(z.string().check(z.regex(COUNTRY))),
};

export const shareEventSchema = z.object({
  version: z.literal(2),
  ...eventCore,
  /** The receiving registrable domain(s). */
  destinationSites: z.array(maxString(SITE_MAX)).check(z.minLength(DESTINATIONS.min), z.maxLength(DESTINATIONS.max)),
  ...sharedValue,
  /** null only for events upgraded from v1, which had none. */
  fingerprint: z.nullable(fingerprintSchema),
  /** Why a held request ended without the user's answer ("not sent: the page was left"). */
  reason: z.optional(z.enum(END_REASONS)),
});
export type ShareEvent = z.infer<typeof shareEventSchema>;

/** The v1 shape written by the guard before the log existed (storage.local `shareEvents`). */
export const shareEventV1Schema = z.object({
  version: z.literal(1),
  ...eventCore,
  destinationSite: maxString(SITE_MAX),
  item: z.object(sharedValue),
});

/**
 * shareEventSchema.safeParse(raw) by hand, for the common case of a current event: the same result
 * (unknown keys left out, arrays copied), or null where zod would refuse it. Reading 50,000 events,
 * zod's generic parse (it can't compile schemas under an extension page's CSP) cost several times this.
 */
export function checkShareEvent(raw: unknown): ShareEvent | null {
  if (!isPlainObject(raw) || raw.version !== 2) return null;
  const { id, at, decision, route, pageUrl, pageTitle, pageSite, isLoanPage, kind, masked, country, fingerprint, reason } = raw;
  if (
    !isStringOfLength(id, ID_LENGTH.min, ID_LENGTH.max) ||
    !isFiniteNumber(at) ||
    !isOneOf(decision, DECISIONS) ||
    !isOneOf(route, SHARE_ROUTES) ||
    !isStringOfLength(pageUrl, 0, PAGE_URL_MAX) ||
    !isStringOfLength(pageTitle, 0, PAGE_TITLE_MAX) ||
    !isStringOfLength(pageSite, 0, SITE_MAX) ||
    typeof isLoanPage !== 'boolean' ||
    !isOneOf(kind, DATA_KINDS) ||
    !isStringOfLength(masked, MASKED_LENGTH.min, MASKED_LENGTH.max) ||
    (country !== undefined && !isMatch(country, COUNTRY)) ||
    (fingerprint !== null && !isMatch(fingerprint, FINGERPRINT)) ||
    (reason !== undefined && !isOneOf(reason, END_REASONS))
  ) {
    return null;
  }
  const destinationSites = stringArray(raw.destinationSites, DESTINATIONS.min, DESTINATIONS.max, SITE_MAX);
  if (!destinationSites) return null;
  const event: ShareEvent = { version: 2, id, at, decision, route, pageUrl, pageTitle, pageSite, isLoanPage, destinationSites, kind, masked, fingerprint };
  // zod keeps an optional key that is present, even when it holds undefined.
  if ('country' in raw) event.country = country;
  if ('reason' in raw) event.reason = reason;
  return event;
}

/** A stored object of any known version as a current ShareEvent, or null when it is unreadable. */
export function upgradeShareEvent(raw: unknown): ShareEvent | null {
  const checked = checkShareEvent(raw);
  if (checked) return checked;
  // Only what the hand check refused (older versions, damaged objects) pays for zod.
  const current = shareEventSchema.safeParse(raw);
  if (current.success) return current.data;
  const v1 = shareEventV1Schema.safeParse(raw);
  if (!v1.success) return null;
  const { item, destinationSite, version: _version, ...rest } = v1.data;
  return {
    ...rest,
    version: 2,
    destinationSites: [destinationSite || '(unknown)'],
    kind: item.kind,
    masked: item.masked,
    ...(item.country ? { country: item.country } : {}),
    fingerprint: null,
  };
}

/** Every verification code is a new value used once: they are grouped as one item, "SMS codes". */
export const OTP_ITEM_KEY = 'otp:codes';

/**
 * What makes two events "the same data item": the fingerprint, or for old events without one,
 * kind + masked form (the best that can be done without the value).
 */
export function itemKeyOf(event: { kind: DataKind; masked: string; fingerprint: string | null }): string {
  if (event.kind === 'otp') return OTP_ITEM_KEY;
  return event.fingerprint ?? `${event.kind}:${event.masked}`;
}
