// Pure construction of the log summary (lib/log/log-summary.ts) from ShareEvents: the same code
// updates it on every append and rebuilds it from scratch, so both paths always agree.
import type { LogSummary, SummaryPair } from './log-summary';
import { itemKeyOf, SENT_DECISIONS, type ShareEvent } from './share-event';

/** The summary schema caps pageSites at 20: enough to see "typed on many sites" without growing. */
const PAGE_SITES_CAP = 20;

/** NUL cannot occur in an itemKey or a site, so the joined key is unambiguous. */
export const pairKey = (itemKey: string, site: string): string => `${itemKey}\u0000${site}`;

/** The receiving sites of an event, each once: one event sent to a site twice is one share there. */
export const receivingSites = (event: ShareEvent): readonly string[] =>
  event.destinationSites.length === 1 ? event.destinationSites : [...new Set(event.destinationSites)];

export function emptySummary(): LogSummary {
  return { version: 1, total: 0, pairs: [] };
}

function takeNewest(pair: SummaryPair, event: ShareEvent): void {
  pair.last = event.at;
  pair.lastDecision = event.decision;
  pair.kind = event.kind;
  pair.masked = event.masked;
  if (event.country) pair.country = event.country;
  else delete pair.country;
}

/**
 * Counts `events` into `pairs` (keyed by pairKey), changing the pairs in place and adding new ones.
 * The store uses it on the few pairs an append touches; addToSummary on a copy of them all.
 */
export function countIntoPairs(pairs: Map<string, SummaryPair>, events: readonly ShareEvent[]): void {
  for (const event of events) {
    const itemKey = itemKeyOf(event);
    const sent = SENT_DECISIONS.includes(event.decision);
    for (const site of receivingSites(event)) {
      const key = pairKey(itemKey, site);
      const pair = pairs.get(key);
      if (!pair) {
        const created: SummaryPair = {
          itemKey,
          kind: event.kind,
          masked: event.masked,
          site,
          pageSites: event.pageSite ? [event.pageSite] : [],
          first: event.at,
          last: event.at,
          sent: sent ? 1 : 0,
          cancelled: sent ? 0 : 1,
          lastDecision: event.decision,
          loanPage: event.isLoanPage,
        };
        if (event.country) created.country = event.country;
        pairs.set(key, created);
        continue;
      }
      if (event.at < pair.first) pair.first = event.at;
      // `>=`: of events at the same instant, the one added later is taken as the newer.
      if (event.at >= pair.last) takeNewest(pair, event);
      if (sent) pair.sent += 1;
      else pair.cancelled += 1;
      if (event.pageSite && pair.pageSites.length < PAGE_SITES_CAP && !pair.pageSites.includes(event.pageSite)) {
        pair.pageSites.push(event.pageSite);
      }
      if (event.isLoanPage) pair.loanPage = true;
    }
  }
}

/**
 * A new summary with `events` counted in; `summary` is left untouched. Pairs are copied into a Map
 * once, so adding 50,000 events costs one pass over them, not a search of the pair list each.
 */
export function addToSummary(summary: LogSummary, events: readonly ShareEvent[]): LogSummary {
  const pairs = new Map<string, SummaryPair>();
  for (const pair of summary.pairs) {
    pairs.set(pairKey(pair.itemKey, pair.site), { ...pair, pageSites: [...pair.pageSites] });
  }
  countIntoPairs(pairs, events);
  return { version: 1, total: summary.total + events.length, pairs: [...pairs.values()] };
}

export function buildSummary(events: readonly ShareEvent[]): LogSummary {
  return addToSummary(emptySummary(), events);
}
