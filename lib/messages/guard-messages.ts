// The guard's message contract: a content script holding personal data asks the user (through the
// background and the extension-origin prompt), and the answer comes back the same way. Each decision
// becomes ShareEvents in the private log (lib/log/share-event.ts).
import * as z from 'zod/mini';
import { fingerprintSchema } from '@/lib/log/share-event';
import { DATA_KINDS, FIELD_KINDS, SHARE_ROUTES, USER_DECISIONS, type UserDecision } from '@/lib/types';
import { reasonSchema } from './verdict-messages';
import { GEOMETRY_PROBLEMS } from '@/lib/prompt/host/prompt-geometry';

export { DECISIONS, SHARE_ROUTES, USER_DECISIONS, type Decision, type ShareRoute, type UserDecision } from '@/lib/types';

export const holdIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));
const maxString = (max: number) => z.string().check(z.maxLength(max));

/** One piece of personal data in a held request: kind and masked value, never the value itself. */
export const sharedItemSchema = z.object({
  kind: z.enum(DATA_KINDS),
  masked: z.string().check(z.minLength(1), z.maxLength(64)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  /** The field it was typed into (unique in the tab): a field's values under one decision are one item. */
  fieldKey: z.optional(z.string().check(z.regex(/^[\w.:-]{1,64}$/))),
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
export const heldItemSchema = z.extend(sharedItemSchema, {
  fingerprint: z.nullable(fingerprintSchema),
  /** A whole value of its kind (a valid ID, phone or card; a code of plausible length): only these enter the log. */
  complete: z._default(z.boolean(), true),
});
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
  /** Right after the user's own submit or click. */
  byAction: z.optional(z.boolean()),
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
  /** Asked right after the user's own submit or click (the prompt may take the keyboard at once). */
  byAction: z._default(z.boolean(), false),
});
export type Hold = z.infer<typeof holdSchema>;

/** An answered hold, kept a while (storage.session) for what follows under the same answer and for Undo. */
export const answeredHoldSchema = z.object({
  hold: holdSchema,
  /** The user's answer, or audit-only (recorded without asking): what follows is recorded under it. */
  decision: z.enum([...USER_DECISIONS, 'audit-only']),
  at: z.number(),
  /** Fields already recorded under this answer. */
  recorded: z.array(z.string()),
});
export type AnsweredHold = z.infer<typeof answeredHoldSchema>;

/** Content script → background: items that joined an open hold, or that followed an answer given. */
export const holdUpdateSchema = z.object({
  type: z.literal('hold-update'),
  holdId: holdIdSchema,
  items: z.array(reportedItemSchema).check(z.minLength(1), z.maxLength(20)),
  after: z.enum(['open', 'answered']),
});
export type HoldUpdateMessage = z.infer<typeof holdUpdateSchema>;

/** A watched value of one frame, as the tab's other frames and the backstop need it. */
export const watchRecordSchema = z.object({
  watched: z.object({ id: z.string().check(z.maxLength(80)), kind: z.enum(FIELD_KINDS), canonical: z.string().check(z.regex(/^[0-9A-Z]{4,64}$/)) }),
  fieldKey: z.string().check(z.regex(/^[\w.:-]{1,64}$/)),
  item: reportedItemSchema,
});
export type WatchRecordMessage = z.infer<typeof watchRecordSchema>;

/** Content script → background: everything this frame watches now (`fresh`: a new document). */
export const watchUpdateSchema = z.object({
  type: z.literal('watch-update'),
  records: z.array(watchRecordSchema).check(z.maxLength(200)),
  fresh: z.optional(z.boolean()),
});

/**
 * Content script → background: put one of the content script's on-demand parts into this frame
 * (lib/guard/background/frame-parts.ts). Answered `{ ok }` once it has run there.
 */
export const FRAME_PARTS = ['core', 'ui'] as const;
export type FramePart = (typeof FRAME_PARTS)[number];
export const loadPartSchema = z.object({ type: z.literal('load-part'), part: z.enum(FRAME_PARTS) });

/** Top frame → background: a token for the tab's prompt frame (the prompt page proves with it which tab it serves). */
export const promptOpenSchema = z.object({ type: z.literal('prompt-open') });
/** Top frame → background → prompt page: whether the page is showing the prompt as drawn (unlocks its buttons). */
export const promptGeometrySchema = z.object({
  type: z.literal('prompt-geometry'),
  safe: z.boolean(),
  reason: z.optional(z.enum(GEOMETRY_PROBLEMS)),
});
/** Content script → background: what the user chose for a picture of an ID a lender's page asked for (never the picture). */
export const ID_PHOTO_CHOICES = ['marked', 'as-is', 'not-attached'] as const;
export const idPhotoSchema = z.object({ type: z.literal('id-photo'), choice: z.enum(ID_PHOTO_CHOICES), title: z.string().check(z.maxLength(500)) });
export type IdPhotoMessage = z.infer<typeof idPhotoSchema>;
/** Content script → background: the page is going away with these requests still held. */
export const holdsAbandonedSchema = z.object({ type: z.literal('holds-abandoned'), holdIds: z.array(holdIdSchema).check(z.maxLength(50)) });
/**
 * Content script → background: what became of holds this frame still waits on (their end message may
 * have been lost with a stopped worker). Answered with one `HoldStatus` per id.
 */
export const holdStatusSchema = z.object({ type: z.literal('hold-status'), holdIds: z.array(holdIdSchema).check(z.maxLength(50)) });
export type HoldStatus =
  | { holdId: string; state: 'open' }
  | { holdId: string; state: 'answered'; decision: UserDecision }
  /** The background has no trace of it (its report was lost): the frame reports it again. */
  | { holdId: string; state: 'unknown' };
/** Top frame → background: the user pressed Undo after "Trust this site". */
export const undoTrustSchema = z.object({ type: z.literal('undo-trust'), holdId: holdIdSchema });

/** Prompt page → background, over its port. */
export const holdDecisionSchema = z.object({
  type: z.literal('hold-decision'),
  holdId: holdIdSchema,
  decision: z.enum(USER_DECISIONS),
});
/** The prompt is hidden or covered: the top frame shows it again, on top. */
export const promptObscuredSchema = z.object({ type: z.literal('prompt-obscured'), holdId: holdIdSchema });
/** The prompt's content needs this much room (CSS px of the prompt page). */
export const promptSizeSchema = z.object({
  type: z.literal('prompt-size'),
  width: z.number().check(z.minimum(0), z.maximum(4000)),
  height: z.number().check(z.minimum(0), z.maximum(4000)),
});

