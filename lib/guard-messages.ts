// The guard's message contract: a content script holding personal data asks the user (through the
// background and the extension-origin prompt), and the answer comes back the same way. Also the
// ShareEvent every decision produces — the shape the private log (next issue) is built on.
import * as z from 'zod/mini';
import { FIELD_KINDS } from './types';
import { reasonSchema } from './messages';

/** How the data was about to leave the page. */
export const SHARE_ROUTES = ['form', 'fetch', 'xhr', 'beacon', 'websocket'] as const;
export type ShareRoute = (typeof SHARE_ROUTES)[number];

export const DECISIONS = ['cancelled', 'sent-once', 'trusted', 'audit-only'] as const;
export type Decision = (typeof DECISIONS)[number];
/** What the user can answer in the prompt (audit-only is never a user answer). */
export const USER_DECISIONS = ['cancelled', 'sent-once', 'trusted'] as const;
export type UserDecision = (typeof USER_DECISIONS)[number];

export const holdIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));
const maxString = (max: number) => z.string().check(z.maxLength(max));

/** One piece of personal data in a held request: kind and masked value, never the value itself. */
export const sharedItemSchema = z.object({
  kind: z.enum(FIELD_KINDS),
  masked: z.string().check(z.minLength(1), z.maxLength(64)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});
export type SharedItem = z.infer<typeof sharedItemSchema>;

/** Content script → background: "this request is held, ask the user" (or, audit-only, "record it"). */
export const guardHoldSchema = z.object({
  type: z.literal('guard-hold'),
  holdId: holdIdSchema,
  route: z.enum(SHARE_ROUTES),
  destinationUrl: maxString(4096),
  pageTitle: maxString(500),
  isLoanPage: z.boolean(),
  loanReasons: z.array(reasonSchema).check(z.maxLength(10)),
  items: z.array(sharedItemSchema).check(z.minLength(1), z.maxLength(20)),
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
  items: z.array(sharedItemSchema),
  createdAt: z.number(),
});
export type Hold = z.infer<typeof holdSchema>;

/** Prompt → background. */
export const getHoldSchema = z.object({ type: z.literal('get-hold'), holdId: holdIdSchema });
export const holdDecisionSchema = z.object({
  type: z.literal('hold-decision'),
  holdId: holdIdSchema,
  decision: z.enum(USER_DECISIONS),
});
/** Prompt → background → content script: the prompt's frame is hidden or covered; show it again on top. */
export const promptObscuredSchema = z.object({ type: z.literal('prompt-obscured'), holdId: holdIdSchema });

export const GUARD_MESSAGES = [guardHoldSchema, getHoldSchema, holdDecisionSchema, promptObscuredSchema] as const;

/** Background → the content script of the frame that holds the request. */
export const holdDecidedSchema = z.object({
  type: z.literal('hold-decided'),
  holdId: holdIdSchema,
  decision: z.enum(USER_DECISIONS),
});
/** Background → the tab's top frame, which hosts every prompt (a small iframe is no place for one). */
export const showPromptSchema = z.object({ type: z.literal('show-prompt'), holdId: holdIdSchema });
export const raisePromptSchema = z.object({ type: z.literal('raise-prompt'), holdId: holdIdSchema });
export const closePromptSchema = z.object({ type: z.literal('close-prompt'), holdId: holdIdSchema });
export const toContentSchema = z.discriminatedUnion('type', [holdDecidedSchema, showPromptSchema, raisePromptSchema, closePromptSchema]);
export type ToContentMessage = z.infer<typeof toContentSchema>;

/**
 * One decision about one outgoing piece of personal data. Stable shape: the private log stores
 * these. Page URL is origin + path (no query, no fragment); values appear only masked.
 */
export const shareEventSchema = z.object({
  version: z.literal(1),
  id: z.string().check(z.minLength(8), z.maxLength(80)),
  at: z.number(),
  decision: z.enum(DECISIONS),
  route: z.enum(SHARE_ROUTES),
  pageUrl: maxString(2048),
  pageTitle: maxString(500),
  pageSite: maxString(300),
  destinationSite: maxString(300),
  isLoanPage: z.boolean(),
  item: sharedItemSchema,
});
export type ShareEvent = z.infer<typeof shareEventSchema>;
