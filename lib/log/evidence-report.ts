// The printable evidence report's model: the log's events, filtered, grouped per receiving site, with
// per-item counts. Pure. Stopped (cancelled) events are kept but always marked "not sent".
import { DATA_KINDS, type DataKind } from '@/lib/types';
import { SENT_DECISIONS, itemKeyOf, type Decision, type ShareEvent, type ShareRoute } from './share-event';

export interface EvidenceReportOptions {
  /** Generation time. */
  now: number;
  /** Only this receiving site (registrable domain, as stored). */
  site?: string;
  /** Only these kinds; undefined means every kind. */
  kinds?: readonly DataKind[];
  /** Inclusive bounds on the event time (epoch ms). */
  since?: number;
  until?: number;
}

/** One event as a row of a site's detail table. */
export interface EvidenceRow {
  id: string;
  at: number;
  kind: DataKind;
  masked: string;
  country?: string;
  decision: Decision;
  /** False for 'cancelled': the user stopped it and the data did not leave. */
  sent: boolean;
  pageUrl: string;
  pageTitle: string;
  pageSite: string;
  isLoanPage: boolean;
  route: ShareRoute;
  /** The event's other receiving sites (the same request went to several). */
  alsoTo: string[];
}

/** One data item as seen by one site. */
export interface EvidenceItem {
  itemKey: string;
  kind: DataKind;
  /** The most recent masked form. */
  masked: string;
  /** Times it left for this site, and times the user stopped it. */
  sent: number;
  stopped: number;
  first: number;
  last: number;
}

export interface EvidenceSite {
  site: string;
  first: number;
  last: number;
  sent: number;
  stopped: number;
  /** Any of the events came from a page LoanGuard recognised as a loan page. */
  loanPage: boolean;
  /** Ordered by kind (DATA_KINDS order), then most recent first. */
  items: EvidenceItem[];
  /** Newest first. */
  rows: EvidenceRow[];
}

export interface EvidenceReport {
  generatedAt: number;
  filter: { site?: string; kinds?: DataKind[]; since?: number; until?: number };
  /** The span the report covers: the requested bounds, else the first event and the generation time. */
  period: { from: number | null; to: number };
  /** Events in the report, first and last (null when none). */
  firstEvent: number | null;
  lastEvent: number | null;
  totals: {
    /** Distinct events (an event that went to two sites is counted once). */
    events: number;
    sent: number;
    stopped: number;
    sites: number;
    items: number;
  };
  /** Most recent event first. */
  sites: EvidenceSite[];
}

export const isSent = (decision: Decision): boolean => SENT_DECISIONS.includes(decision);

/** Whether an event passes the report's filter. */
export function matchesReportFilter(event: ShareEvent, options: Omit<EvidenceReportOptions, 'now'>): boolean {
  if (options.site !== undefined && !event.destinationSites.includes(options.site)) return false;
  if (options.kinds !== undefined && !options.kinds.includes(event.kind)) return false;
  if (options.since !== undefined && event.at < options.since) return false;
  if (options.until !== undefined && event.at > options.until) return false;
  return true;
}

export function buildEvidenceReport(events: readonly ShareEvent[], options: EvidenceReportOptions): EvidenceReport {
  const selected = events.filter((event) => matchesReportFilter(event, options)).sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
  const sites = new Map<string, EvidenceSite & { itemMap: Map<string, EvidenceItem> }>();
  const itemKeys = new Set<string>();
  let sent = 0;
  for (const event of selected) {
    const eventSent = isSent(event.decision);
    if (eventSent) sent++;
    const key = itemKeyOf(event);
    itemKeys.add(key);
    const destinations = [...new Set(event.destinationSites)].filter((site) => options.site === undefined || site === options.site);
    for (const site of destinations) {
      let group = sites.get(site);
      if (!group) {
        group = { site, first: event.at, last: event.at, sent: 0, stopped: 0, loanPage: false, items: [], rows: [], itemMap: new Map() };
        sites.set(site, group);
      }
      group.first = Math.min(group.first, event.at);
      group.last = Math.max(group.last, event.at);
      group.loanPage ||= event.isLoanPage;
      if (eventSent) group.sent++;
      else group.stopped++;
      let item = group.itemMap.get(key);
      if (!item) {
        // Events arrive newest first, so the first one seen carries the latest masked form.
        item = { itemKey: key, kind: event.kind, masked: event.masked, sent: 0, stopped: 0, first: event.at, last: event.at };
        group.itemMap.set(key, item);
      }
      item.first = Math.min(item.first, event.at);
      item.last = Math.max(item.last, event.at);
      if (eventSent) item.sent++;
      else item.stopped++;
      group.rows.push({
        id: event.id,
        at: event.at,
        kind: event.kind,
        masked: event.masked,
        ...(event.country ? { country: event.country } : {}),
        decision: event.decision,
        sent: eventSent,
        pageUrl: event.pageUrl,
        pageTitle: event.pageTitle,
        pageSite: event.pageSite,
        isLoanPage: event.isLoanPage,
        route: event.route,
        alsoTo: event.destinationSites.filter((other) => other !== site),
      });
    }
  }

  const kindOrder = (kind: DataKind) => DATA_KINDS.indexOf(kind);
  const siteList: EvidenceSite[] = [...sites.values()]
    .map(({ itemMap, ...group }) => ({
      ...group,
      items: [...itemMap.values()].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || b.last - a.last),
    }))
    .sort((a, b) => b.last - a.last || a.site.localeCompare(b.site));

  const firstEvent = selected.length ? selected[selected.length - 1]!.at : null;
  const lastEvent = selected.length ? selected[0]!.at : null;
  return {
    generatedAt: options.now,
    filter: {
      ...(options.site !== undefined ? { site: options.site } : {}),
      ...(options.kinds !== undefined ? { kinds: [...options.kinds] } : {}),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.until !== undefined ? { until: options.until } : {}),
    },
    period: { from: options.since ?? firstEvent, to: options.until ?? options.now },
    firstEvent,
    lastEvent,
    totals: { events: selected.length, sent, stopped: selected.length - sent, sites: siteList.length, items: itemKeys.size },
    sites: siteList,
  };
}

/** Report filter from a report.html query string: `?site=…&kind=…(repeatable)&since=<ms>&until=<ms>`. */
export function reportFilterFromQuery(search: string): Omit<EvidenceReportOptions, 'now'> {
  const params = new URLSearchParams(search);
  const number = (name: string) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === '') return undefined;
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  const site = params.get('site')?.trim().toLowerCase() || undefined;
  const kindParams = params.getAll('kind');
  const kinds = DATA_KINDS.filter((kind) => kindParams.includes(kind));
  const since = number('since');
  const until = number('until');
  return {
    ...(site ? { site } : {}),
    // Kinds named but none recognised is still a filter (it matches nothing), not "all kinds".
    ...(kindParams.length ? { kinds } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  };
}

/** The query string that reportFilterFromQuery reads back (leading `?`, or '' for no filter). */
export function reportQuery(filter: Omit<EvidenceReportOptions, 'now'>): string {
  const params = new URLSearchParams();
  if (filter.site) params.set('site', filter.site);
  for (const kind of filter.kinds ?? []) params.append('kind', kind);
  // An empty kind list is a filter that matches nothing; keep it so the report says so.
  if (filter.kinds?.length === 0) params.append('kind', '');
  if (filter.since !== undefined) params.set('since', String(filter.since));
  if (filter.until !== undefined) params.set('until', String(filter.until));
  const query = params.toString();
  return query ? `?${query}` : '';
}
