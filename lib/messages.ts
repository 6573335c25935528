// Messages between the content scripts, the background and the extension pages. Every message is
// parsed with these zod schemas on arrival: a page can talk to a content script's world only through
// the DOM, but a compromised or buggy sender must still not be able to feed the background junk.
import { z } from 'zod';
import { FIELD_KINDS } from './types';

export const reasonSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/),
  detail: z.string().max(200),
  weight: z.number().finite(),
});

export const loanVerdictSchema = z.object({
  isLoanPage: z.boolean(),
  score: z.number().finite(),
  reasons: z.array(reasonSchema).max(20),
});

/** A classified field as reported by a frame: where it is and what it is, never its value. */
export const fieldReportSchema = z.object({
  selector: z.string().max(1000),
  kind: z.enum(FIELD_KINDS),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(reasonSchema).max(20),
  parts: z.number().int().min(2).max(8).optional(),
});
export type FieldReport = z.infer<typeof fieldReportSchema>;

/** Content script → background: what one frame found. `loan` only from the top frame. */
export const frameVerdictSchema = z.object({
  type: z.literal('frame-verdict'),
  url: z.string().max(4096),
  title: z.string().max(500),
  isTop: z.boolean(),
  loan: loanVerdictSchema.nullable(),
  fields: z.array(fieldReportSchema).max(200),
});
export type FrameVerdictMessage = z.infer<typeof frameVerdictSchema>;

/** Extension page → background: the verdict of one tab, or of every open tab. */
export const getTabVerdictSchema = z.object({ type: z.literal('get-tab-verdict'), tabId: z.number().int() });
export const listTabVerdictsSchema = z.object({ type: z.literal('list-tab-verdicts') });

export const messageSchema = z.discriminatedUnion('type', [
  frameVerdictSchema,
  getTabVerdictSchema,
  listTabVerdictsSchema,
]);
export type Message = z.infer<typeof messageSchema>;

/** What the background keeps per tab (in storage.session, so a service-worker restart keeps it). */
export const tabVerdictSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  title: z.string(),
  site: z.string(),
  siteDisplay: z.string(),
  loan: loanVerdictSchema.nullable(),
  fields: z.array(fieldReportSchema.extend({ frameUrl: z.string() })),
  updatedAt: z.number(),
});
export type TabVerdict = z.infer<typeof tabVerdictSchema>;
