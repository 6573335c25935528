// Pure view-model over the log summary's (data item, receiving site) pairs: filtering and grouping
// "by data item" / "by site" for the popup's "Where my data went", the pairs that concern one site,
// the data map (which sites have each item) and which calendar day a moment falls on.
// Linear-ish (one pass + sorts): fine for 10,000 pairs.
import type { DataKind } from '@/lib/types';
import { domainToUnicode } from '@/lib/trust/domain-unicode';
import type { SummaryPair } from './log-summary';

export interface PairFilter {
  /** Only these kinds (undefined or empty: every kind). */
  kinds?: readonly DataKind[];
  /** Case-insensitive: matches the masked value, the receiving site (ASCII or Unicode) and the page sites. */
  text?: string;
  /** Keep pairs whose [first, last] period overlaps [since, until]. */
  since?: number;
  until?: number;
  /** Also keep pairs where every attempt was stopped (nothing was sent). Default: received only. */
  includeStopped?: boolean;
  /** Optional kind names (in the user's language) that the search text may match too ("phone", "手机"). */
  kindLabel?: (kind: DataKind) => string;
}

export interface ItemGroup {
  itemKey: string;
  kind: DataKind;
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
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set<DataKind>(filter.kinds) : null;
  const needle = squash(filter.text ?? '');
  const since = filter.since ?? -Infinity;
  const until = filter.until ?? Infinity;
  const includeStopped = filter.includeStopped === true;
  const display = unicodeCache();
  const kindNames = new Map<DataKind, string>();
  const kindMatches = (kind: DataKind): boolean => {
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

/** One data item drawn in the data map: its row (fractional when centred against more sites). */
export interface MapItem {
  itemKey: string;
  kind: DataKind;
  masked: string;
  y: number;
}

/** One receiving site drawn in the data map. */
export interface MapSite {
  site: string;
  display: string;
  loanPage: boolean;
  y: number;
}

/** A line from an item to a site (`site: null`: to the "more sites" node); `sent`: the data reached it. */
export interface MapLink {
  itemKey: string;
  site: string | null;
  sent: boolean;
  from: number;
  to: number;
}

export interface DataMap {
  items: MapItem[];
  sites: MapSite[];
  /** Receiving sites of the drawn items that are not drawn themselves; null when every one is. */
  more: { count: number; y: number } | null;
  links: MapLink[];
  /** Height of the map in rows. */
  rows: number;
  /** Items not drawn (the list below has them). */
  hiddenItems: number;
}

/**
 * The "which sites have my data" map: the newest `maxItems` items on the left, the sites they
 * reached (or were stopped for) on the right, one line per item–site pair. Sites are ordered by the
 * mean row of the items linked to them, so lines cross as little as possible; beyond `maxSites`,
 * the sites with the fewest links become one "N more sites" node. The shorter column is centred.
 */
export function dataMap(groups: readonly ItemGroup[], maxItems = 6, maxSites = 7): DataMap {
  const shown = groups.filter((group) => group.sites.length > 0).slice(0, Math.max(0, maxItems));
  const hiddenItems = groups.filter((group) => group.sites.length > 0).length - shown.length;
  const display = unicodeCache();
  const bySite = new Map<string, { site: string; loanPage: boolean; rows: number[]; last: number }>();
  shown.forEach((group, row) => {
    for (const pair of group.sites) {
      const entry = bySite.get(pair.site) ?? { site: pair.site, loanPage: false, rows: [], last: 0 };
      entry.rows.push(row);
      entry.loanPage ||= pair.loanPage;
      entry.last = Math.max(entry.last, pair.last);
      bySite.set(pair.site, entry);
    }
  });
  // Keep the most linked (then most recent) sites, then order the kept ones by their items' rows.
  const ranked = [...bySite.values()].sort((a, b) => b.rows.length - a.rows.length || b.last - a.last || (a.site < b.site ? -1 : 1));
  const overflow = ranked.length > maxSites;
  const kept = overflow ? ranked.slice(0, Math.max(0, maxSites - 1)) : ranked;
  const mean = (rows: number[]) => rows.reduce((sum, row) => sum + row, 0) / rows.length;
  kept.sort((a, b) => mean(a.rows) - mean(b.rows) || b.last - a.last || (a.site < b.site ? -1 : 1));
  const keptNames = new Set(kept.map((entry) => entry.site));
  const siteRows = kept.length + (overflow ? 1 : 0);
  const rows = Math.max(shown.length, siteRows);
  const itemOffset = (rows - shown.length) / 2;
  const siteOffset = (rows - siteRows) / 2;

  const items = shown.map((group, row) => ({ itemKey: group.itemKey, kind: group.kind, masked: group.masked, y: itemOffset + row }));
  const sites = kept.map((entry, row) => ({ site: entry.site, display: display(entry.site), loanPage: entry.loanPage, y: siteOffset + row }));
  const siteY = new Map(sites.map((site) => [site.site, site.y]));
  const more = overflow ? { count: ranked.length - kept.length, y: siteOffset + kept.length } : null;
  const links: MapLink[] = [];
  shown.forEach((group, row) => {
    let hiddenSent: boolean | null = null;
    for (const pair of group.sites) {
      if (keptNames.has(pair.site)) {
        links.push({ itemKey: group.itemKey, site: pair.site, sent: pair.sent > 0, from: itemOffset + row, to: siteY.get(pair.site)! });
      } else {
        hiddenSent = (hiddenSent ?? false) || pair.sent > 0;
      }
    }
    if (hiddenSent !== null && more) links.push({ itemKey: group.itemKey, site: null, sent: hiddenSent, from: itemOffset + row, to: more.y });
  });
  return { items, sites, more, links, rows, hiddenItems };
}

/** Which calendar day a moment falls on, seen from `now` (both in the local time zone). */
export type RelativeDay = 'today' | 'yesterday' | 'this-year' | 'older';

export function relativeDay(at: number, now: number): RelativeDay {
  const day = new Date(at);
  const today = new Date(now);
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  const startOfDay = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  // Calendar days, not 24-hour spans (a daylight-saving day is 23 or 25 hours long).
  const days = Math.round((startOfToday - startOfDay) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return day.getFullYear() === today.getFullYear() ? 'this-year' : 'older';
}
