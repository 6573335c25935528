// The log's running summary: one row per (data item, receiving site) pair with counts and dates.
// Kept next to the events and updated in the same transaction, so the popup can answer "who has my
// phone number?" from a few hundred rows instead of reading 50,000 events. Stored as one record per
// pair (so an append touches only its own pairs) plus a small header with the event count.
import * as z from 'zod/mini';
import { DATA_KINDS } from '@/lib/types';
import { COUNTRY, DECISIONS, MASKED_LENGTH, SITE_MAX } from './share-event';
import { isCount, isFiniteNumber, isMatch, isOneOf, isPlainObject, isStringOfLength, stringArray } from './stored-check';

/** Bounds shared by the schema and the hand check (checkSummaryPair); a pair's masked value, country and sites are an event's. */
const ITEM_KEY_LENGTH = { min: 1, max: 200 };
const PAGE_SITES_MAX = 20;

export const summaryPairSchema = z.object({
  /** itemKeyOf(event): the fingerprint, or kind:masked for events without one. */
  itemKey: z.string().check(z.minLength(ITEM_KEY_LENGTH.min), z.maxLength(ITEM_KEY_LENGTH.max)),
  kind: z.enum(DATA_KINDS),
  /** The most recent masked form seen for this item. */
  masked: z.string().check(z.minLength(MASKED_LENGTH.min), z.maxLength(MASKED_LENGTH.max)),
  country: z.optional(z.string().check(z.regex(COUNTRY))),
  /** Receiving registrable domain. */
  site: z.string().check(z.maxLength(SITE_MAX)),
  /** Sites of the pages the data was typed on (usually one; capped at 20). */
  pageSites: z.array(z.string().check(z.maxLength(SITE_MAX))).check(z.maxLength(PAGE_SITES_MAX)),
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

/**
 * summaryPairSchema.safeParse(raw) by hand: the same pair (unknown keys left out, arrays copied), or
 * null where zod would refuse it. The popup's first view reads every pair; zod's generic parse of a
 * few hundred of them (it can't compile schemas under an extension page's CSP) was a visible part of it.
 */
export function checkSummaryPair(raw: unknown): SummaryPair | null {
  if (!isPlainObject(raw)) return null;
  const { itemKey, kind, masked, country, site, first, last, sent, cancelled, lastDecision, loanPage } = raw;
  if (
    !isStringOfLength(itemKey, ITEM_KEY_LENGTH.min, ITEM_KEY_LENGTH.max) ||
    !isOneOf(kind, DATA_KINDS) ||
    !isStringOfLength(masked, MASKED_LENGTH.min, MASKED_LENGTH.max) ||
    (country !== undefined && !isMatch(country, COUNTRY)) ||
    !isStringOfLength(site, 0, SITE_MAX) ||
    !isFiniteNumber(first) ||
    !isFiniteNumber(last) ||
    !isCount(sent) ||
    !isCount(cancelled) ||
    !isOneOf(lastDecision, DECISIONS) ||
    typeof loanPage !== 'boolean'
  ) {
    return null;
  }
  const pageSites = stringArray(raw.pageSites, 0, PAGE_SITES_MAX, SITE_MAX);
  if (!pageSites) return null;
  const pair: SummaryPair = { itemKey, kind, masked, site, pageSites, first, last, sent, cancelled, lastDecision, loanPage };
  // zod keeps an optional key that is present, even when it holds undefined.
  if ('country' in raw) pair.country = country;
  return pair;
}

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
