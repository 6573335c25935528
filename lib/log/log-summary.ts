// The log's running summary: one row per (data item, receiving site) pair with counts and dates.
// Kept next to the events and updated in the same transaction, so the popup can answer "who has my
// phone number?" from a few hundred rows instead of reading 50,000 events. Stored as one record per
// pair (so an append touches only its own pairs) plus a small header with the event count.
import * as z from 'zod/mini';
import { DATA_KINDS } from '@/lib/types';
import { DECISIONS } from './share-event';

export const summaryPairSchema = z.object({
  /** itemKeyOf(event): the fingerprint, or kind:masked for events without one. */
  itemKey: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.enum(DATA_KINDS),
  /** The most recent masked form seen for this item. */
  masked: z.string().check(z.minLength(1), z.maxLength(64)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  /** Receiving registrable domain. */
  site: z.string().check(z.maxLength(300)),
  /** Sites of the pages the data was typed on (usually one; capped at 20). */
  pageSites: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20)),
  first: z.number(),
  last: z.number(),
  /** Events whose data left (sent once, trusted, audit-only) and events the user stopped. */
  sent: z.number().check(z.int(), z.nonnegative()),
  cancelled: z.number().check(z.int(), z.nonnegative()),
  lastDecision: z.enum(DECISIONS),
  /** Any of the events came from a detected loan page. */
  loanPage: z.boolean(),
});
export type SummaryPair = z.infer<typeof summaryPairSchema>;

/** The stored header beside the pair records. */
export const summaryHeaderSchema = z.object({
  version: z.literal(2),
  total: z.number().check(z.int(), z.nonnegative()),
});
export type SummaryHeader = z.infer<typeof summaryHeaderSchema>;

/** The summary as readers get it: header and every pair. */
export const logSummarySchema = z.object({
  version: z.literal(1),
  /** Number of events in the log. */
  total: z.number().check(z.int(), z.nonnegative()),
  pairs: z.array(summaryPairSchema),
});
export type LogSummary = z.infer<typeof logSummarySchema>;
