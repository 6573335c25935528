// Options-page section "Your log": filter the private log, export it (JSON/CSV), open the evidence
// report, delete entries/sites/items/everything after an inline confirmation, and handle the quarantine.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FIELD_KINDS, type FieldKind } from '@/lib/types';
import { t } from '@/lib/locale/i18n';
import { domainToUnicode } from '@/lib/trust/site-identity';
import { reportQuery } from '@/lib/log/evidence-report';
import { CSV_COLUMNS, eventsToCsv, eventsToJson, exportFileName, quarantineToJson, type CsvColumn } from '@/lib/log/log-export';
import { clearLogQuarantine, deleteFromLog, quarantineLogEntries } from '@/lib/messages/write-requests';
import type { DeleteScope, WriteReply } from '@/lib/messages/write-messages';
import { countQuarantine, readEvents, readQuarantine, readSummary, type EventFilter } from '@/lib/log/log-store';
import type { LogSummary } from '@/lib/log/log-summary';
import type { ShareEvent } from '@/lib/log/share-event';
import {
  reportDateTime,
  reportDecisionLabel,
  reportKindLabel,
  reportSiteLabel,
  saveBlobAs,
} from '@/components/report/EvidenceReport';

/** Entries shown per page of the list. */
export const LOG_PAGE_SIZE = 50;

export interface LogFilters {
  /** Checked kinds; all four means no kind filter, none matches nothing. */
  kinds: FieldKind[];
  /** Receiving site, '' for all. */
  site: string;
  /** `<input type=date>` values (YYYY-MM-DD, local days), '' for open. */
  since: string;
  until: string;
  text: string;
}

export const NO_FILTERS: LogFilters = { kinds: [...FIELD_KINDS], site: '', since: '', until: '', text: '' };

/** Local midnight starting the day `value` (YYYY-MM-DD), plus `days`; undefined if it isn't a date. */
function localDay(value: string, days = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const time = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).getTime();
  return Number.isFinite(time) ? time : undefined;
}

/** The store filter for the form's values: the `until` day is included up to its last millisecond. */
export function toEventFilter(filters: LogFilters): EventFilter {
  const since = localDay(filters.since);
  const nextDay = localDay(filters.until, 1);
  const text = filters.text.trim();
  return {
    ...(filters.kinds.length < FIELD_KINDS.length ? { kinds: FIELD_KINDS.filter((kind) => filters.kinds.includes(kind)) } : {}),
    ...(filters.site ? { site: filters.site } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(nextDay !== undefined ? { until: nextDay - 1 } : {}),
    ...(text ? { text } : {}),
  };
}

const describeItem = (kind: FieldKind, masked: string) => `${reportKindLabel(kind)} ${masked}`;
const getUrl = browser.runtime.getURL as (path: string) => string;

interface Pending {
  /** Where the confirm step is shown: `entry:<id>`, `site`, `item`, `all` or `quarantine`. */
  anchor: string;
  /** What to delete; null discards the quarantine. */
  scope: DeleteScope | null;
  message: string;
  confirmLabel: string;
  count: number;
}

interface Overview {
  summary: LogSummary | null;
  quarantined: number;
}

export interface LogManagerProps {
  /** Opens the log database (openLogDb on the options page; a fake-indexeddb database in tests). */
  db: () => Promise<IDBDatabase>;
  now?: () => number;
}

export function LogManager({ db, now = Date.now }: LogManagerProps) {
  const dbPromise = useRef<Promise<IDBDatabase> | null>(null);
  const getDb = () => {
    dbPromise.current ??= db().catch((error: unknown) => {
      dbPromise.current = null;
      throw error;
    });
    return dbPromise.current;
  };

  const [filters, setFilters] = useState<LogFilters>(NO_FILTERS);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [matches, setMatches] = useState<ShareEvent[] | null>(null);
  const [page, setPage] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [deleteSite, setDeleteSite] = useState('');
  const [deleteItem, setDeleteItem] = useState('');
  const lastTrigger = useRef<HTMLElement | null>(null);
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const reportedUnreadable = useRef(new Set<string>());
  const readSeq = useRef(0);

  const eventFilter = toEventFilter(filters);
  const filterKey = JSON.stringify(eventFilter);
  const reload = () => setReloads((n) => n + 1);

  useEffect(() => {
    let live = true;
    (async () => {
      const database = await getDb();
      const [summary, quarantined] = await Promise.all([readSummary(database), countQuarantine(database)]);
      if (live) setOverview({ summary, quarantined });
    })().catch(() => {
      if (live) setError(t('logman_load_error'));
    });
    return () => {
      live = false;
    };
  }, [reloads]);

  useEffect(() => {
    const seq = ++readSeq.current;
    (async () => {
      const database = await getDb();
      // An empty kind list matches nothing: no need to ask the store.
      const { events, unreadable } =
        eventFilter.kinds?.length === 0 ? { events: [], unreadable: [] } : await readEvents(database, eventFilter);
      if (seq !== readSeq.current) return;
      setMatches(events);
      const fresh = unreadable.filter((key) => !reportedUnreadable.current.has(key));
      if (fresh.length > 0) {
        fresh.forEach((key) => reportedUnreadable.current.add(key));
        // The background (the only writer) sets them aside; then the quarantine notice can show them.
        const reply = await quarantineLogEntries(fresh);
        if (reply.ok) reload();
      }
    })().catch(() => {
      if (seq === readSeq.current) setError(t('logman_load_error'));
    });
  }, [filterKey, reloads]);

  const update = (change: Partial<LogFilters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setPage(0);
  };

  const summary = overview?.summary ?? null;
  const total = summary?.total ?? 0;
  const sites = [...new Set((summary?.pairs ?? []).map((pair) => pair.site).filter(Boolean))].sort((a, b) =>
    domainToUnicode(a).localeCompare(domainToUnicode(b)),
  );
  const items = [...new Map((summary?.pairs ?? []).map((pair) => [pair.itemKey, pair] as const)).values()].sort(
    (a, b) => FIELD_KINDS.indexOf(a.kind) - FIELD_KINDS.indexOf(b.kind) || a.masked.localeCompare(b.masked),
  );
  const pageCount = Math.max(1, Math.ceil((matches?.length ?? 0) / LOG_PAGE_SIZE));
  const currentPage = Math.min(page, pageCount - 1);
  const shown = matches?.slice(currentPage * LOG_PAGE_SIZE, (currentPage + 1) * LOG_PAGE_SIZE) ?? [];

  const say = (message: string) => {
    setError('');
    setNotice(message);
  };
  const fail = (message: string) => {
    setNotice('');
    setError(message);
  };

  // ---- export and report ----

  const exportLog = async (format: 'json' | 'csv', which: 'filtered' | 'all') => {
    try {
      const events = which === 'all' ? (await readEvents(await getDb())).events : (matches ?? []);
      const at = now();
      const blob =
        format === 'json'
          ? new Blob([eventsToJson(events, { exportedAt: at, ...(which === 'filtered' ? { filter: eventFilter } : {}) })], {
              type: 'application/json',
            })
          : new Blob([eventsToCsv(events, csvHeaders(), csvLabels())], { type: 'text/csv;charset=utf-8' });
      const fileName = exportFileName(format, at);
      saveBlobAs(blob, fileName);
      say(t('logman_exported', [String(events.length), fileName]));
    } catch {
      fail(t('logman_export_failed'));
    }
  };

  const openReport = async () => {
    const { site, kinds, since, until } = eventFilter;
    const url = getUrl('/report.html') + reportQuery({ site, kinds, since, until });
    try {
      await browser.tabs.create({ url });
    } catch {
      window.open(url, '_blank', 'noopener');
    }
  };

  // ---- delete ----

  const ask = async (trigger: EventTarget | null, anchor: string, scope: DeleteScope | null) => {
    lastTrigger.current = trigger instanceof HTMLElement ? trigger : null;
    setError('');
    try {
      const database = await getDb();
      let message: string;
      let count: number;
      let confirmLabel = t('logman_confirm_delete');
      if (scope === null) {
        count = await countQuarantine(database);
        message = t('logman_confirm_quarantine', [String(count)]);
        confirmLabel = t('logman_confirm_discard');
      } else if (scope.by === 'entry') {
        const event = matches?.find((candidate) => candidate.id === scope.id);
        count = 1;
        message = event
          ? t('logman_confirm_entry', [
              describeItem(event.kind, event.masked),
              event.destinationSites.map(reportSiteLabel).join(', '),
              reportDateTime(event.at),
            ])
          : t('logman_confirm_entry_unknown');
      } else if (scope.by === 'site') {
        // The background deletes what was sent to the site and what was typed on it.
        const { site } = scope;
        count = (await readEvents(database)).events.filter((e) => e.pageSite === site || e.destinationSites.includes(site)).length;
        message = t('logman_confirm_site', [reportSiteLabel(site), String(count)]);
      } else if (scope.by === 'item') {
        const item = items.find((pair) => pair.itemKey === scope.itemKey);
        count = (await readEvents(database, { itemKey: scope.itemKey })).events.length;
        message = t('logman_confirm_item', [item ? describeItem(item.kind, item.masked) : scope.itemKey, String(count)]);
      } else {
        count = (await readEvents(database)).events.length;
        message = t('logman_confirm_all', [String(count)]);
      }
      setPending({ anchor, scope, message, confirmLabel, count });
    } catch {
      fail(t('logman_load_error'));
    }
  };

  const cancel = () => {
    setPending(null);
    lastTrigger.current?.focus();
  };

  const confirm = async () => {
    if (!pending || busy) return;
    setBusy(true);
    let reply: WriteReply;
    try {
      reply = pending.scope ? await deleteFromLog(pending.scope) : await clearLogQuarantine();
    } catch {
      reply = { ok: false, error: 'writeFailed' };
    }
    setBusy(false);
    const done = pending;
    setPending(null);
    if (reply.ok) {
      say(done.scope ? t('logman_deleted', [String(reply.count ?? done.count)]) : t('logman_discarded'));
      if (done.scope?.by === 'site' && filters.site === done.scope.site) update({ site: '' });
      if (done.scope?.by === 'site') setDeleteSite('');
      if (done.scope?.by === 'item') setDeleteItem('');
      reload();
    } else {
      fail(t('logman_write_failed'));
    }
    resultsRef.current?.focus();
  };

  const confirmAt = (anchor: string) =>
    pending?.anchor === anchor ? (
      <ConfirmStep pending={pending} busy={busy} onConfirm={() => void confirm()} onCancel={cancel} />
    ) : null;

  const downloadQuarantine = async () => {
    try {
      const entries = await readQuarantine(await getDb());
      const at = now();
      saveBlobAs(new Blob([quarantineToJson(entries, at)], { type: 'application/json' }), exportFileName('json', at, 'loanguard-log-unreadable'));
    } catch {
      fail(t('logman_export_failed'));
    }
  };

  // ---- render ----

  const countText =
    matches === null || overview === null ? t('loading') : t('logman_count', [String(matches.length), String(total)]);

  return (
    <section class="logman" aria-labelledby="logman-heading">
      <h2 id="logman-heading">{t('logman_heading')}</h2>
      <p class="muted">{t('logman_intro')}</p>

      {overview !== null && overview.quarantined > 0 && (
        <div class="status status-warn" data-quarantine={overview.quarantined}>
          <p>{t('logman_quarantine', [String(overview.quarantined)])}</p>
          <button type="button" onClick={() => void downloadQuarantine()}>
            {t('logman_quarantine_download')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={(event) => void ask(event.currentTarget, 'quarantine', null)}>
            {t('logman_quarantine_discard')}
          </button>
          {confirmAt('quarantine')}
        </div>
      )}

      {error && (
        <p class="status status-warn" role="alert">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" class="logman-notice">
        {notice}
      </p>

      <form class="logman-filters" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t('logman_filter_legend')}</legend>
          <fieldset>
            <legend>{t('logman_kinds_legend')}</legend>
            {FIELD_KINDS.map((kind) => (
              <label key={kind} class="logman-check">
                <input
                  type="checkbox"
                  name="kind"
                  value={kind}
                  checked={filters.kinds.includes(kind)}
                  onChange={(event) => {
                    const checked = (event.currentTarget as HTMLInputElement).checked;
                    update({ kinds: checked ? [...filters.kinds, kind] : filters.kinds.filter((k) => k !== kind) });
                  }}
                />{' '}
                {reportKindLabel(kind)}
              </label>
            ))}
          </fieldset>
          <Field id="logman-site" label={t('logman_site_label')}>
            <select id="logman-site" value={filters.site} onChange={(event) => update({ site: (event.currentTarget as HTMLSelectElement).value })}>
              <option value="">{t('logman_site_all')}</option>
              {sites.map((site) => (
                <option key={site} value={site}>
                  {reportSiteLabel(site)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="logman-since" label={t('logman_since_label')}>
            <input id="logman-since" type="date" value={filters.since} max={filters.until || undefined} onInput={(event) => update({ since: (event.currentTarget as HTMLInputElement).value })} />
          </Field>
          <Field id="logman-until" label={t('logman_until_label')}>
            <input id="logman-until" type="date" value={filters.until} min={filters.since || undefined} onInput={(event) => update({ until: (event.currentTarget as HTMLInputElement).value })} />
          </Field>
          <Field id="logman-text" label={t('logman_text_label')}>
            <input
              id="logman-text"
              type="search"
              value={filters.text}
              aria-describedby="logman-text-help"
              onInput={(event) => update({ text: (event.currentTarget as HTMLInputElement).value })}
            />{' '}
            <span id="logman-text-help" class="muted">
              {t('logman_text_help')}
            </span>
          </Field>
          <button type="button" onClick={() => update(NO_FILTERS)}>
            {t('logman_filter_reset')}
          </button>
        </fieldset>
      </form>

      <p role="status" aria-live="polite" tabIndex={-1} ref={resultsRef} class="logman-count" data-count={matches?.length ?? ''}>
        {countText}
      </p>

      <fieldset class="logman-actions">
        <legend>{t('logman_export_legend')}</legend>
        <button type="button" data-export="json-filtered" disabled={!matches?.length} onClick={() => void exportLog('json', 'filtered')}>
          {t('logman_export_json_filtered')}
        </button>{' '}
        <button type="button" data-export="csv-filtered" disabled={!matches?.length} onClick={() => void exportLog('csv', 'filtered')}>
          {t('logman_export_csv_filtered')}
        </button>{' '}
        <button type="button" data-export="json-all" disabled={total === 0} onClick={() => void exportLog('json', 'all')}>
          {t('logman_export_json_all')}
        </button>{' '}
        <button type="button" data-export="csv-all" disabled={total === 0} onClick={() => void exportLog('csv', 'all')}>
          {t('logman_export_csv_all')}
        </button>
        <p>
          <button type="button" data-open-report onClick={() => void openReport()}>
            {t('logman_open_report')}
          </button>{' '}
          <span class="muted">{t('logman_report_help')}</span>
        </p>
      </fieldset>

      <h3 id="logman-entries-heading">{t('logman_entries_heading')}</h3>
      {matches !== null && matches.length === 0 && <p class="muted">{total === 0 ? t('logman_empty') : t('logman_no_match')}</p>}
      <ul class="plain logman-entries" aria-labelledby="logman-entries-heading">
        {shown.map((event) => (
          <li key={event.id} data-event-id={event.id}>
            <time dateTime={new Date(event.at).toISOString()}>{reportDateTime(event.at)}</time>
            {' · '}
            <span class="kind">{reportKindLabel(event.kind)}</span> <span class="masked">{event.masked}</span>
            {' · '}
            {reportDecisionLabel(event.decision)}
            {' · '}
            {t('logman_entry_to', [event.destinationSites.map(reportSiteLabel).join(', ')])}
            <div class="muted">
              {event.pageTitle || event.pageUrl} <span class="url">{event.pageTitle ? event.pageUrl : ''}</span>
            </div>
            <button
              type="button"
              class="link"
              data-delete-entry={event.id}
              disabled={busy}
              aria-label={t('logman_delete_entry_label', [describeItem(event.kind, event.masked), reportDateTime(event.at)])}
              onClick={(click) => void ask(click.currentTarget, `entry:${event.id}`, { by: 'entry', id: event.id })}
            >
              {t('logman_delete_entry')}
            </button>
            {confirmAt(`entry:${event.id}`)}
          </li>
        ))}
      </ul>
      {pageCount > 1 && (
        <nav class="logman-pages" aria-label={t('logman_pages_label')}>
          <button type="button" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
            {t('logman_page_newer')}
          </button>{' '}
          <span>
            {t('logman_page_range', [
              String(currentPage * LOG_PAGE_SIZE + 1),
              String(Math.min((currentPage + 1) * LOG_PAGE_SIZE, matches?.length ?? 0)),
              String(matches?.length ?? 0),
            ])}
          </span>{' '}
          <button type="button" disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)}>
            {t('logman_page_older')}
          </button>
        </nav>
      )}

      <fieldset class="logman-delete">
        <legend>{t('logman_delete_legend')}</legend>
        <Field id="logman-delete-site" label={t('logman_delete_site_label')}>
          <select id="logman-delete-site" value={deleteSite} onChange={(event) => setDeleteSite((event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('logman_choose_site')}</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {reportSiteLabel(site)}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            data-delete="site"
            disabled={!deleteSite || busy}
            onClick={(event) => void ask(event.currentTarget, 'site', { by: 'site', site: deleteSite })}
          >
            {t('logman_delete_site_button')}
          </button>
        </Field>
        {confirmAt('site')}
        <Field id="logman-delete-item" label={t('logman_delete_item_label')}>
          <select id="logman-delete-item" value={deleteItem} onChange={(event) => setDeleteItem((event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('logman_choose_item')}</option>
            {items.map((item) => (
              <option key={item.itemKey} value={item.itemKey}>
                {describeItem(item.kind, item.masked)}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            data-delete="item"
            disabled={!deleteItem || busy}
            onClick={(event) => void ask(event.currentTarget, 'item', { by: 'item', itemKey: deleteItem })}
          >
            {t('logman_delete_item_button')}
          </button>
        </Field>
        {confirmAt('item')}
        <p>
          <button type="button" data-delete="all" disabled={total === 0 || busy} onClick={(event) => void ask(event.currentTarget, 'all', { by: 'all' })}>
            {t('logman_delete_all_button')}
          </button>
        </p>
        {confirmAt('all')}
      </fieldset>
    </section>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <p class="logman-field">
      <label for={id}>{label}</label> {children}
    </p>
  );
}

/** The inline "are you sure" step: names what goes and how much; focus starts on the safe choice. */
function ConfirmStep({ pending, busy, onConfirm, onCancel }: { pending: Pending; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const messageId = `logman-confirm-${pending.anchor.replace(/[^a-z0-9_-]/gi, '_')}`;
  return (
    <div
      class="status status-warn logman-confirm"
      role="group"
      aria-labelledby={messageId}
      data-confirm={pending.anchor}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={messageId}>{pending.message}</p>
      <button type="button" data-confirm-yes disabled={busy} onClick={onConfirm}>
        {pending.confirmLabel}
      </button>{' '}
      <button type="button" data-confirm-no ref={cancelRef} disabled={busy} onClick={onCancel}>
        {t('logman_confirm_cancel')}
      </button>
    </div>
  );
}

function csvHeaders(): Record<CsvColumn, string> {
  const key = (column: CsvColumn) => `logman_csv_${column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  return Object.fromEntries(CSV_COLUMNS.map((column) => [column, t(key(column))])) as Record<CsvColumn, string>;
}

function csvLabels() {
  return { decision: reportDecisionLabel, kind: reportKindLabel, yes: t('logman_csv_yes'), no: t('logman_csv_no') };
}
