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

const text = (max: number) => z.string().check(z.maxLength(max));
const texts = (count: number) => z.array(text(200)).check(z.maxLength(count));
const count = z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100_000)));

/**
 * What the top frame shows, for the background to score as a loan page or not (lib/detect/page-text's
 * capped extraction; the bounds here are those caps with room to spare).
 */
export const pageDigestSchema = z.object({
  text: z.object({
    title: text(200),
    headings: texts(30),
    buttons: texts(60),
    links: texts(60),
    body: text(4000),
    lang: text(20),
    url: text(8192),
    agreements: z.optional(text(8000)),
    form: z.optional(text(2200)),
  }),
  signals: z.object({
    rangeInputs: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
    amountInputs: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
    textInputs: count,
    longParagraphs: count,
    articleMarks: count,
    adminMarks: count,
  }),
  /** Kinds of the personal-data fields in the page (same-origin frames included). */
  fieldKinds: z.array(z.enum(FIELD_KINDS)).check(z.maxLength(FIELD_KINDS.length)),
});
export type PageDigest = z.infer<typeof pageDigestSchema>;

/**
 * Content script → background: what one frame found. The top frame sends `page` (the background
 * scores it); `loan` is the verdict as the background stores it (frames send null).
 */
export const frameVerdictSchema = z.object({
  type: z.literal('frame-verdict'),
  url: z.string().check(z.maxLength(4096)),
  title: z.string().check(z.maxLength(500)),
  isTop: z.boolean(),
  loan: z.nullable(loanVerdictSchema),
  page: z.optional(pageDigestSchema),
  fields: z.array(fieldReportSchema).check(z.maxLength(200)),
});
export type FrameVerdictMessage = z.infer<typeof frameVerdictSchema>;

/** Content script → background: a file was picked for an input with these words; does it ask for an ID document? (lib/detect/id-upload.ts) */
export const idUploadCheckSchema = z.object({
  type: z.literal('id-upload-check'),
  texts: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(7)),
});


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
