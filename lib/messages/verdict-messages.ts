// Messages between the content scripts, the background and the extension pages. Every message is
// parsed with these zod schemas on arrival, so a buggy or hostile sender can't feed the background
// junk. zod/mini: the same validation at a fraction of the size, since content scripts carry it.
import * as z from 'zod/mini';
import { FIELD_KINDS } from '@/lib/types';

export const reasonSchema = z.object({
  code: z.string().check(z.regex(/^[a-z0-9_]{1,40}$/)),
  detail: z.string().check(z.maxLength(200)),
  weight: z.number(),
});

export const loanVerdictSchema = z.object({
  isLoanPage: z.boolean(),
  score: z.number(),
  reasons: z.array(reasonSchema).check(z.maxLength(20)),
});

const countrySchema = z.string().check(z.regex(/^[A-Z]{2}$/));

/** A classified field as reported by a frame: where it is and what it is, never its value. */
export const fieldReportSchema = z.object({
  selector: z.string().check(z.maxLength(1000)),
  kind: z.enum(FIELD_KINDS),
  country: z.optional(countrySchema),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  reasons: z.array(reasonSchema).check(z.maxLength(20)),
  parts: z.optional(z.number().check(z.int(), z.minimum(2), z.maximum(8))),
});
export type FieldReport = z.infer<typeof fieldReportSchema>;

/** Content script → background: what one frame found. `loan` only from the top frame. */
export const frameVerdictSchema = z.object({
  type: z.literal('frame-verdict'),
  url: z.string().check(z.maxLength(4096)),
  title: z.string().check(z.maxLength(500)),
  isTop: z.boolean(),
  loan: z.nullable(loanVerdictSchema),
  fields: z.array(fieldReportSchema).check(z.maxLength(200)),
});
export type FrameVerdictMessage = z.infer<typeof frameVerdictSchema>;


/** Extension page → background: the verdict of one tab, or of every open tab. */
export const getTabVerdictSchema = z.object({ type: z.literal('get-tab-verdict'), tabId: z.number().check(z.int()) });
export const listTabVerdictsSchema = z.object({ type: z.literal('list-tab-verdicts') });


/** What the background keeps per tab (in storage.session, so a service-worker restart keeps it). */
export const tabVerdictSchema = z.object({
  tabId: z.number().check(z.int()),
  url: z.string(),
  title: z.string(),
  site: z.string(),
  siteDisplay: z.string(),
  loan: z.nullable(loanVerdictSchema),
  fields: z.array(z.extend(fieldReportSchema, { frameUrl: z.string() })),
  updatedAt: z.number(),
  /** The top page's own verdict when the site memory changed it (then `loan` is the memory's). */
  pageLoan: z.optional(z.nullable(loanVerdictSchema)),
  /** What changed the page's own verdict: the site memory, or the user's mark. */
  override: z.optional(z.enum(['site-memory', 'user'])),
});
export type TabVerdict = z.infer<typeof tabVerdictSchema>;
