// Pure view-model over the log summary's (data item, receiving site) pairs: filtering and grouping
// "by data item" / "by site" for the popup's "Where my data went", the pairs that concern one site,
// and the rows of the item timeline chart. Linear-ish (one pass + sorts): fine for 10,000 pairs.
import type { FieldKind } from '@/lib/types';
import { domainToUnicode } from '@/lib/trust/site-identity';
import type { SummaryPair } from './log-summary';

export interface PairFilter {
  /** Only these kinds (undefined or empty: every kind). */
  kinds?: readonly FieldKind[];
  /** Case-insensitive: matches the masked value, the receiving site (ASCII or Unicode) and the page sites. */
  text?: string;
  /** Keep pairs whose [first, last] period overlaps [since, until]. */
  since?: number;
  until?: number;
  /** Also keep pairs where every attempt was stopped (nothing was sent). Default: received only. */
  includeStopped?: boolean;
  /** Optional kind names (in the user's language) that the search text may match too ("phone", "手机"). */
  kindLabel?: (kind: FieldKind) => string;
}

export interface ItemGroup {
  itemKey: string;
  kind: FieldKind;
  /** Masked form from the item's most recent pair. */
  masked: string;
  country?: string;
  /** Earliest first share / latest last share over the item's pairs. */
  first: number;
  last: number;
  /** The item's receiving sites, newest last share first. */
  sites: SummaryPair[];
}

export interface SiteGroup {
  /** Receiving registrable domain (ASCII). */
  site: string;
  /** `site` for people: IDN labels in Unicode. */
  display: string;
  first: number;
  last: number;
  /** Any of the pairs came from a detected loan page. */
  loanPage: boolean;
  /** The data items this site received, newest first. */
  items: SummaryPair[];
}

/** The data actually left the browser at least once for this pair. */
export const wasReceived = (pair: SummaryPair): boolean => pair.sent > 0;

/** Sites of the pairs that the data reached (not stopped-only). */
export const receivedCount = (pairs: readonly SummaryPair[]): number => pairs.reduce((n, pair) => n + (pair.sent > 0 ? 1 : 0), 0);

const DAY_MS = 86_400_000;
export const DATE_RANGES = ['any', 'week', 'month', 'year'] as const;
export type DateRange = (typeof DATE_RANGES)[number];
const RANGE_DAYS: Record<DateRange, number> = { any: 0, week: 7, month: 30, year: 365 };

/** Start of a "last N days" range, or undefined for any time. */
export function sinceForRange(range: DateRange, now: number): number | undefined {
  const days = RANGE_DAYS[range];
  return days === 0 ? undefined : now - days * DAY_MS;
}

/** Shared per-call cache: decoding punycode once per distinct site. */
function unicodeCache(): (site: string) => string {
  const cache = new Map<string, string>();
  return (site) => {
    let display = cache.get(site);
    if (display === undefined) {
      display = site.includes('xn--') ? domainToUnicode(site) : site;
      cache.set(site, display);
    }
    return display;
  };
}

const squash = (text: string): string => text.toLowerCase().replace(/\s+/g, '');

/** A predicate for one filter, with its text and kind set prepared once. */
export function pairMatcher(filter: PairFilter = {}): (pair: SummaryPair) => boolean {
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set<FieldKind>(filter.kinds) : null;
  const needle = squash(filter.text ?? '');
  const since = filter.since ?? -Infinity;
  const until = filter.until ?? Infinity;
  const includeStopped = filter.includeStopped === true;
  const display = unicodeCache();
  const kindNames = new Map<FieldKind, string>();
  const kindMatches = (kind: FieldKind): boolean => {
    if (!filter.kindLabel) return false;
    let name = kindNames.get(kind);
    if (name === undefined) {
      name = squash(filter.kindLabel(kind));
      kindNames.set(kind, name);
    }
    return name.includes(needle);
  };
  const siteMatches = (site: string): boolean => squash(site).includes(needle) || squash(display(site)).includes(needle);

  return (pair) => {
    if (!includeStopped && pair.sent <= 0) return false;
    if (kinds && !kinds.has(pair.kind)) return false;
    if (pair.last < since || pair.first > until) return false;
    if (needle === '') return true;
    return (
      squash(pair.masked).includes(needle) ||
      siteMatches(pair.site) ||
      pair.pageSites.some(siteMatches) ||
      kindMatches(pair.kind) ||
      (pair.country !== undefined && pair.country.toLowerCase() === needle)
    );
  };
}

export function filterPairs(pairs: readonly SummaryPair[], filter: PairFilter = {}): SummaryPair[] {
  return pairs.filter(pairMatcher(filter));
}

/** Newest last share first; ties broken by a stable key so the order never flickers. */
const byLastDesc = (a: SummaryPair, b: SummaryPair): number => b.last - a.last || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0);

export function groupByItem(pairs: readonly SummaryPair[], filter: PairFilter = {}): ItemGroup[] {
  const matches = pairMatcher(filter);
  const groups = new Map<string, { newest: SummaryPair; first: number; last: number; sites: SummaryPair[] }>();
  for (const pair of pairs) {
    if (!matches(pair)) continue;
    const group = groups.get(pair.itemKey);
    if (!group) {
      groups.set(pair.itemKey, { newest: pair, first: pair.first, last: pair.last, sites: [pair] });
      continue;
    }
    group.sites.push(pair);
    if (pair.first < group.first) group.first = pair.first;
    if (pair.last > group.last) {
      group.last = pair.last;
      group.newest = pair;
    }
  }
  const result: ItemGroup[] = [];
  for (const [itemKey, group] of groups) {
    group.sites.sort(byLastDesc);
    const { kind, masked, country } = group.newest;
    result.push({ itemKey, kind, masked, ...(country ? { country } : {}), first: group.first, last: group.last, sites: group.sites });
  }
  return result.sort((a, b) => b.last - a.last || (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0));
}

export function groupBySite(pairs: readonly SummaryPair[], filter: PairFilter = {}): SiteGroup[] {
  const matches = pairMatcher(filter);
  const display = unicodeCache();
  const groups = new Map<string, SiteGroup>();
  for (const pair of pairs) {
    if (!matches(pair)) continue;
    const group = groups.get(pair.site);
    if (!group) {
      groups.set(pair.site, { site: pair.site, display: display(pair.site), first: pair.first, last: pair.last, loanPage: pair.loanPage, items: [pair] });
      continue;
    }
    group.items.push(pair);
    if (pair.first < group.first) group.first = pair.first;
    if (pair.last > group.last) group.last = pair.last;
    if (pair.loanPage) group.loanPage = true;
  }
  const result = [...groups.values()];
  for (const group of result) group.items.sort((a, b) => b.last - a.last || (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0));
  return result.sort((a, b) => b.last - a.last || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
}

/** Pairs that concern one site: data it received, or data typed on its pages; newest first. */
export function pairsForSite(pairs: readonly SummaryPair[], site: string): SummaryPair[] {
  if (site === '') return [];
  return pairs.filter((pair) => pair.site === site || pair.pageSites.includes(site)).sort(byLastDesc);
}

export interface TimelinePoint {
  site: string;
  display: string;
  /** Last share with this site, and its position on the axis (0 = start, 1 = end). */
  at: number;
  x: number;
  received: boolean;
}

export interface TimelineRow {
  itemKey: string;
  kind: FieldKind;
  masked: string;
  first: number;
  last: number;
  x1: number;
  x2: number;
  /** How many of the points were received (not stopped-only). */
  receivedSites: number;
  points: TimelinePoint[];
}

export interface Timeline {
  start: number;
  end: number;
  rows: TimelineRow[];
}

/**
 * Rows for the item chart: the first `maxRows` groups, on one time axis from the oldest first share
 * among them to `now` (or the newest share, if the clock is behind). Empty rows are dropped.
 */
export function timelinePoints(groups: readonly ItemGroup[], now: number, maxRows = 8): Timeline {
  const shown = groups.filter((group) => group.sites.length > 0).slice(0, Math.max(0, maxRows));
  if (shown.length === 0) return { start: now, end: now, rows: [] };
  let start = Infinity;
  let end = now;
  for (const group of shown) {
    if (group.first < start) start = group.first;
    if (group.last > end) end = group.last;
  }
  const span = end - start;
  const x = (at: number): number => (span <= 0 ? 1 : Math.min(1, Math.max(0, (at - start) / span)));
  const display = unicodeCache();
  const rows = shown.map((group) => ({
    itemKey: group.itemKey,
    kind: group.kind,
    masked: group.masked,
    first: group.first,
    last: group.last,
    x1: x(group.first),
    x2: x(group.last),
    receivedSites: receivedCount(group.sites),
    points: group.sites.map((pair) => ({ site: pair.site, display: display(pair.site), at: pair.last, x: x(pair.last), received: pair.sent > 0 })),
  }));
  return { start, end, rows };
}

/** Short local date ("3/14/26", "2026/3/14", "14/3/26"); an unknown locale falls back to the default. */
export function shortDateFormatter(locale?: string): (at: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
  } catch {
    format = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });
  }
  return (at) => format.format(at);
}
