// "Where my data went": a map of which sites have each data item, then the log summary grouped by
// data item (which sites have my phone number?) or by site (what does this site have?), with links to
// the evidence report. Search and filters appear once the log is long enough to need them.
// Renders only from summary pairs, never from the raw log.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { VNode } from 'preact';
import { browser } from 'wxt/browser';
import type { SummaryPair } from '@/lib/log/log-summary';
import {
  DATE_RANGES,
  groupByItem,
  groupBySite,
  receivedCount,
  sinceForRange,
  type DateRange,
  type ItemGroup,
  type PairFilter,
  type SiteGroup,
} from '@/lib/log/log-views';
import { DATA_KINDS, type DataKind } from '@/lib/types';
import { kindLabel, t, uiLanguage } from '@/lib/locale/i18n';
import { itemLabel, shownMasked, siteDisplayOf, whenLabel } from '@/components/shared/labels';
import { DataMap } from './DataMap';

/** How many groups are rendered before "Show more". */
export const PAGE_SIZE = 50;

/** Search and filters appear when the log has more data items or more sites than this. */
export const FILTERS_ABOVE = 8;

/** URL of an extension page, e.g. extensionPageUrl('report.html?site=a.com'). */
export const extensionPageUrl = (pathAndQuery: string): string => `${browser.runtime.getURL('/')}${pathAndQuery.replace(/^\//, '')}`;

/** What the report is limited to besides the site: the list's kind and date filters, so it shows what the list shows. */
export interface ReportScope {
  kind?: DataKind;
  since?: number;
}

/** The evidence report for one receiving site, or for the whole log (report.html?site=…&kind=…&since=…). */
export function reportUrl(site?: string, scope: ReportScope = {}): string {
  const params = new URLSearchParams();
  if (site !== undefined) params.set('site', site);
  if (scope.kind !== undefined) params.set('kind', scope.kind);
  if (scope.since !== undefined) params.set('since', String(Math.floor(scope.since)));
  const query = params.toString();
  return extensionPageUrl(query === '' ? 'report.html' : `report.html?${query}`);
}

/** How often the data went, or was stopped, for one pair: "sent 3 times · stopped once". */
export function pairStatus(pair: SummaryPair): string {
  const parts: string[] = [];
  if (pair.sent > 0) parts.push(pair.sent === 1 ? t('popup_sentOnce') : t('popup_sentTimes', [String(pair.sent)]));
  if (pair.cancelled > 0) parts.push(pair.cancelled === 1 ? t('popup_stoppedOnce') : t('popup_stoppedTimes', [String(pair.cancelled)]));
  return parts.join(' · ');
}

/** The last time a pair happened, at a glance ("last: today, 14:05"), the exact moment kept in `datetime`. */
export function PairDate({ at, when }: { at: number; when: (at: number) => string }) {
  return (
    <time class="when" dateTime={new Date(at).toISOString()}>
      {t('popup_lastAt', [when(at)])}
    </time>
  );
}

function ReportLink({ site, display, scope }: { site: string; display: string; scope: ReportScope }) {
  return (
    <a class="report-link" href={reportUrl(site, scope)} target="_blank" rel="noopener" aria-label={t('popup_reportForSite', [display])}>
      {t('popup_reportLink')}
    </a>
  );
}

function LoanTag() {
  return <span class="tag tag-warn">{t('popup_loanTag')}</span>;
}

function itemSummary(group: ItemGroup): string {
  const received = receivedCount(group.sites);
  const stopped = group.sites.length - received;
  const parts = [received === 0 ? t('popup_neverSent') : received === 1 ? t('popup_sentToOneSite') : t('popup_sentToSites', [String(received)])];
  if (stopped > 0 && received > 0) parts.push(stopped === 1 ? t('popup_stoppedAtOneSite') : t('popup_stoppedAtSites', [String(stopped)]));
  return parts.join(' · ');
}

function siteSummary(group: SiteGroup): string {
  const received = receivedCount(group.items);
  if (received === 0) return t('popup_siteNothingReceived');
  return received === 1 ? t('popup_siteReceivedOne') : t('popup_siteReceived', [String(received)]);
}

/** Rows shown per group before "Show all": the first view stays quick when an item reached 60 sites. */
export const ROWS_PER_GROUP = 5;

/** The first ROWS_PER_GROUP of `rows`, and a button that shows the rest. */
function CappedRows<T>({ rows, label, render }: { rows: readonly T[]; label: string; render: (row: T) => VNode }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, ROWS_PER_GROUP);
  return (
    <>
      <ul class="rows" aria-label={label}>
        {shown.map(render)}
      </ul>
      {shown.length < rows.length && (
        <button type="button" class="link show-all" onClick={() => setAll(true)}>
          {t('popup_showAllRows', [String(rows.length)])}
        </button>
      )}
    </>
  );
}

function ItemGroupView({ group, when, scope }: { group: ItemGroup; when: (at: number) => string; scope: ReportScope }) {
  const label = itemLabel(group.kind, group.masked);
  const summary = itemSummary(group);
  return (
    <li class="group" data-item={group.itemKey}>
      <h3 class="group-head">
        <span class="kind">{kindLabel(group.kind)}</span> <span class="masked">{shownMasked(group.kind, group.masked)}</span>
        {group.country && <span class="tag">{group.country}</span>}
      </h3>
      <p class="group-meta">{summary}</p>
      <CappedRows
        rows={group.sites}
        label={`${label}: ${summary}`}
        render={(pair) => {
          const display = siteDisplayOf(pair.site);
          return (
            <li key={pair.site} class={pair.sent > 0 ? 'row' : 'row row-stopped'} data-site={pair.site}>
              <span class="site">{display}</span>
              {pair.loanPage && <LoanTag />}
              <span class="row-meta">
                <span class="count">{pairStatus(pair)}</span> · <PairDate at={pair.last} when={when} />
              </span>
              <ReportLink site={pair.site} display={display} scope={scope} />
            </li>
          );
        }}
      />
    </li>
  );
}

function SiteGroupView({ group, when, scope }: { group: SiteGroup; when: (at: number) => string; scope: ReportScope }) {
  const summary = siteSummary(group);
  return (
    <li class="group" data-site={group.site}>
      <h3 class="group-head">
        <span class="site">{group.display}</span>
        {group.loanPage && <LoanTag />}
      </h3>
      <p class="group-meta">
        {summary} <ReportLink site={group.site} display={group.display} scope={scope} />
      </p>
      <CappedRows
        rows={group.items}
        label={`${group.display}: ${summary}`}
        render={(pair) => (
          <li key={pair.itemKey} class={pair.sent > 0 ? 'row' : 'row row-stopped'} data-item={pair.itemKey}>
            <span class="kind">{kindLabel(pair.kind)}</span> <span class="masked">{shownMasked(pair.kind, pair.masked)}</span>
            <span class="row-meta">
              <span class="count">{pairStatus(pair)}</span> · <PairDate at={pair.last} when={when} />
            </span>
          </li>
        )}
      />
    </li>
  );
}

type View = 'item' | 'site';
const VIEWS: readonly View[] = ['item', 'site'];

export interface WhereMyDataWentProps {
  pairs: readonly SummaryPair[];
  /** Clock for the date filter and "today, 14:05"; default Date.now() when first rendered. */
  now?: number;
  /** Locale for dates; default the browser's UI language. */
  locale?: string;
}

export function WhereMyDataWent({ pairs, now: nowProp, locale }: WhereMyDataWentProps) {
  const [view, setView] = useState<View>('item');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DataKind | 'all'>('all');
  const [range, setRange] = useState<DateRange>('any');
  const [includeStopped, setIncludeStopped] = useState(true);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [mountedAt] = useState(() => Date.now());
  const now = nowProp ?? mountedAt;
  const tabRefs = useRef<Record<View, HTMLButtonElement | null>>({ item: null, site: null });
  const when = useMemo(() => {
    const language = locale ?? uiLanguage();
    return (at: number) => whenLabel(at, now, language);
  }, [locale, now]);

  const filter: PairFilter = useMemo(
    () => ({
      text,
      ...(kind === 'all' ? {} : { kinds: [kind] }),
      ...(range === 'any' ? {} : { since: sinceForRange(range, now) }),
      includeStopped,
      kindLabel,
    }),
    [text, kind, range, includeStopped, now],
  );
  const scope: ReportScope = useMemo(
    () => ({ ...(kind === 'all' ? {} : { kind }), ...(range === 'any' ? {} : { since: sinceForRange(range, now) }) }),
    [kind, range, now],
  );
  const overview = useMemo(() => {
    const items = new Set<string>();
    const sites = new Set<string>();
    const allItems = new Set<string>();
    const allSites = new Set<string>();
    for (const pair of pairs) {
      allItems.add(pair.itemKey);
      allSites.add(pair.site);
      if (pair.sent <= 0) continue;
      items.add(pair.itemKey);
      sites.add(pair.site);
    }
    return { items: items.size, sites: sites.size, large: allItems.size > FILTERS_ABOVE || allSites.size > FILTERS_ABOVE };
  }, [pairs]);
  // The map answers from the item groups whichever list is shown below it.
  const itemGroups = useMemo(() => groupByItem(pairs, filter), [pairs, filter]);
  const siteGroups = useMemo(() => (view === 'site' ? groupBySite(pairs, filter) : []), [pairs, filter, view]);
  const total = view === 'item' ? itemGroups.length : siteGroups.length;

  // Any change of filter or view starts the list from the top again.
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setLimit(PAGE_SIZE);
    };
  const selectView = (next: View, focus = false) => {
    change(setView)(next);
    if (focus) tabRefs.current[next]?.focus();
  };
  const onTabKey = (event: KeyboardEvent) => {
    const index = VIEWS.indexOf(view);
    let next: View | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = VIEWS[(index + 1) % VIEWS.length];
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = VIEWS[(index + VIEWS.length - 1) % VIEWS.length];
    else if (event.key === 'Home') next = VIEWS[0];
    else if (event.key === 'End') next = VIEWS[VIEWS.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    selectView(next, true);
  };
  const clearFilters = () => {
    setText('');
    setKind('all');
    setRange('any');
    setLimit(PAGE_SIZE);
  };

  if (pairs.length === 0) {
    return (
      <section class="where" aria-labelledby="where-heading">
        <h2 id="where-heading">{t('popup_whereHeading')}</h2>
        <p class="empty">{t('popup_emptyLog')}</p>
      </section>
    );
  }

  const tabLabel = (v: View) => (v === 'item' ? t('popup_tabByItem') : t('popup_tabBySite'));
  const filtersActive = text !== '' || kind !== 'all' || range !== 'any';
  const nothingSent = overview.items === 0;

  return (
    <section class="where" aria-labelledby="where-heading">
      <h2 id="where-heading">{t('popup_whereHeading')}</h2>
      <p class="overview">
        {nothingSent ? t('popup_overviewNothingSent') : t('popup_overview', [String(overview.items), String(overview.sites)])}
      </p>
      <DataMap groups={itemGroups} />
      <a class="button button-block report-all" href={reportUrl(undefined, scope)} target="_blank" rel="noopener">
        {t('popup_reportAll')}
      </a>

      {overview.large && (
      <div class="filters" role="search" aria-label={t('popup_filtersLabel')}>
        <label class="visually-hidden" for="where-search">
          {t('popup_searchLabel')}
        </label>
        <input
          id="where-search"
          class="search"
          type="search"
          value={text}
          placeholder={t('popup_searchPlaceholder')}
          onInput={(event) => change(setText)(event.currentTarget.value)}
        />
        <label class="visually-hidden" for="where-kind">
          {t('popup_kindFilterLabel')}
        </label>
        <select id="where-kind" value={kind} onChange={(event) => change(setKind)(event.currentTarget.value as DataKind | 'all')}>
          <option value="all">{t('popup_kindAll')}</option>
          {DATA_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
        <label class="visually-hidden" for="where-range">
          {t('popup_dateFilterLabel')}
        </label>
        <select id="where-range" value={range} onChange={(event) => change(setRange)(event.currentTarget.value as DateRange)}>
          {DATE_RANGES.map((r) => (
            <option key={r} value={r}>
              {r === 'any' ? t('popup_dateAny') : r === 'week' ? t('popup_dateWeek') : r === 'month' ? t('popup_dateMonth') : t('popup_dateYear')}
            </option>
          ))}
        </select>
        <label class="check">
          <input type="checkbox" checked={includeStopped} onChange={(event) => change(setIncludeStopped)(event.currentTarget.checked)} />
          <span>{t('popup_showStopped')}</span>
        </label>
      </div>
      )}

      <div class="tabs" role="tablist" aria-label={t('popup_tabsLabel')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`where-tab-${v}`}
            aria-selected={view === v}
            aria-controls={`where-panel-${v}`}
            tabIndex={view === v ? 0 : -1}
            ref={(element) => {
              tabRefs.current[v] = element;
            }}
            onClick={() => selectView(v)}
            onKeyDown={onTabKey}
          >
            {tabLabel(v)}
          </button>
        ))}
      </div>

      {VIEWS.map((v) => (
        <div key={v} role="tabpanel" id={`where-panel-${v}`} aria-labelledby={`where-tab-${v}`} hidden={view !== v} tabIndex={0} class="panel">
          {view === v && (
            <>
              <p class="visually-hidden" role="status">
                {total > limit ? t('popup_showingCount', [String(limit), String(total)]) : t('popup_resultCount', [String(total)])}
              </p>
              {total === 0 ? (
                <div class="empty">
                  <p>{nothingSent && !includeStopped && !filtersActive ? t('popup_onlyStopped') : t('popup_emptyFiltered')}</p>
                  {filtersActive && (
                    <button type="button" class="link" onClick={clearFilters}>
                      {t('popup_clearFilters')}
                    </button>
                  )}
                </div>
              ) : (
                <>
                  <ul class="groups">
                    {v === 'item'
                      ? itemGroups.slice(0, limit).map((group) => <ItemGroupView key={group.itemKey} group={group} when={when} scope={scope} />)
                      : siteGroups.slice(0, limit).map((group) => <SiteGroupView key={group.site} group={group} when={when} scope={scope} />)}
                  </ul>
                  {total > limit && (
                    <button type="button" class="button show-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
                      {t('popup_showMore', [String(Math.min(PAGE_SIZE, total - limit))])}
                    </button>
                  )}
                </>
              )}
            </>
          )}
        </div>
      ))}
    </section>
  );
}
