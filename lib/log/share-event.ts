// The private log's unit: one ShareEvent per piece of personal data per decision. Stable, versioned
// shape (v2); v1 events (written before the log existed, without fingerprint) are upgraded on read.
// Values appear only masked; `fingerprint` names the same value across sites without storing it.
import * as z from 'zod/mini';
import { DECISIONS, END_REASONS, DATA_KINDS, SHARE_ROUTES, type DataKind } from '@/lib/types';

export { DECISIONS, SHARE_ROUTES, type Decision, type ShareRoute } from '@/lib/types';
export { SENT_DECISIONS } from '@/lib/types';

const maxString = (max: number) => z.string().check(z.maxLength(max));

/** HMAC-SHA256 of the normalised value under the per-install key, lower-case hex. */
export const fingerprintSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** The fields every version shares. */
const eventCore = {
  /** `<holdId>-<index>`: deterministic, so recording the same decision twice stores it once. */
  id: z.string().check(z.minLength(8), z.maxLength(80)),
  at: z.number(),
  decision: z.enum(DECISIONS),
  route: z.enum(SHARE_ROUTES),
  /** origin + path, no query string or fragment. */
  pageUrl: maxString(2048),
  pageTitle: maxString(500),
  pageSite: maxString(300),
  isLoanPage: z.boolean(),
};
/** What was shared: the kind, the masked value and the country the value's scheme belongs to. */
const sharedValue = {
  kind: z.enum(DATA_KINDS),
  masked: z.string().check(z.minLength(1), z.maxLength(64)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
};

export const shareEventSchema = z.object({
  version: z.literal(2),
  ...eventCore,
  /** The receiving registrable domain(s). */
  destinationSites: z.array(maxString(300)).check(z.minLength(1), z.maxLength(10)),
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
  destinationSite: maxString(300),
  item: z.object(sharedValue),
});

/** A stored object of any known version as a current ShareEvent, or null when it is unreadable. */
export function upgradeShareEvent(raw: unknown): ShareEvent | null {
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
