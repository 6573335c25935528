// The guard's message contract: a content script holding personal data asks the user (through the
// background and the extension-origin prompt), and the answer comes back the same way. Each decision
// becomes ShareEvents in the private log (lib/log/share-event.ts).
import * as z from 'zod/mini';
import { fingerprintSchema } from '@/lib/log/share-event';
import { FIELD_KINDS, SHARE_ROUTES, USER_DECISIONS } from '@/lib/types';
import { reasonSchema } from './verdict-messages';

export { DECISIONS, SHARE_ROUTES, USER_DECISIONS, type Decision, type ShareRoute, type UserDecision } from '@/lib/types';

export const holdIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));
const maxString = (max: number) => z.string().check(z.maxLength(max));

/** One piece of personal data in a held request: kind and masked value, never the value itself. */
export const sharedItemSchema = z.object({
  kind: z.enum(FIELD_KINDS),
  masked: z.string().check(z.minLength(1), z.maxLength(64)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});
export type SharedItem = z.infer<typeof sharedItemSchema>;

/**
 * An item as the content script reports it: also the value, normalised for fingerprinting (phone:
 * digits, with a leading + when typed international, and the region guessed for it). It travels
 * once, inside the extension, in the guard-hold message; the background turns it into a
 * fingerprint at once and keeps only that (see heldItemSchema).
 */
export const reportedItemSchema = z.extend(sharedItemSchema, {
  fingerprintValue: z.string().check(z.minLength(1), z.maxLength(64)),
  region: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});
export type ReportedItem = z.infer<typeof reportedItemSchema>;

/** An item while its hold is open: masked value and fingerprint (null if it could not be made). */
export const heldItemSchema = z.extend(sharedItemSchema, { fingerprint: z.nullable(fingerprintSchema) });
export type HeldItem = z.infer<typeof heldItemSchema>;

/** Content script → background: "this request is held, ask the user" (or, audit-only, "record it"). */
export const guardHoldSchema = z.object({
  type: z.literal('guard-hold'),
  holdId: holdIdSchema,
  route: z.enum(SHARE_ROUTES),
  destinationUrl: maxString(4096),
  pageTitle: maxString(500),
  isLoanPage: z.boolean(),
  loanReasons: z.array(reasonSchema).check(z.maxLength(10)),
  items: z.array(reportedItemSchema).check(z.minLength(1), z.maxLength(20)),
  auditOnly: z.boolean(),
});
export type GuardHoldMessage = z.infer<typeof guardHoldSchema>;

/** A site as shown to the user: registrable domain (ASCII) and its Unicode display form. */
const siteLabel = { site: z.string(), display: z.string() };

/** What the background keeps about a held request while the prompt is open (storage.session). */
export const holdSchema = z.object({
  holdId: holdIdSchema,
  tabId: z.number().check(z.int()),
  frameId: z.number().check(z.int()),
  route: z.enum(SHARE_ROUTES),
  destination: z.object({ ...siteLabel, origin: z.string() }),
  page: z.object({ ...siteLabel, url: z.string(), title: z.string() }),
  isLoanPage: z.boolean(),
  loanReasons: z.array(reasonSchema),
  items: z.array(heldItemSchema),
  createdAt: z.number(),
});
export type Hold = z.infer<typeof holdSchema>;

/** Prompt → background. */
export const holdDecisionSchema = z.object({
  type: z.literal('hold-decision'),
  holdId: holdIdSchema,
  decision: z.enum(USER_DECISIONS),
});
/** Prompt → background → content script: the prompt's frame is hidden or covered; show it again on top. */
export const promptObscuredSchema = z.object({ type: z.literal('prompt-obscured'), holdId: holdIdSchema });
