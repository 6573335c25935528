// Options-page section "Your log": reads the private log (read-only; the background is the writer)
// and composes its parts — filter, exports and report, the entries, larger deletes, the quarantine.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import { NO_FILTERS, toEventFilter, type LogFilters } from '@/lib/log/log-filters';
import { countQuarantine, readEvents, readSummary } from '@/lib/log/log-store';
import type { LogSummary } from '@/lib/log/log-summary';
import type { ShareEvent } from '@/lib/log/share-event';
import type { DeleteScope } from '@/lib/messages/write-messages';
import { quarantineLogEntries } from '@/lib/messages/write-requests';
import { domainToUnicode } from '@/lib/trust/site-identity';
import { DATA_KINDS } from '@/lib/types';
import { ConfirmStep } from '@/components/shared/ConfirmStep';
import { LogBulkDelete } from './LogBulkDelete';
import { LogEntryList } from './LogEntryList';
import { LogExportActions } from './LogExportActions';
import { LogFilterForm } from './LogFilterForm';
import { LogQuarantineNotice } from './LogQuarantineNotice';
import { useLogDeletion } from './useLogDeletion';
import './log.css';

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
  const getDb = () =>
    (dbPromise.current ??= db().catch((error: unknown) => {
      dbPromise.current = null;
      throw error;
    }));

  const [filters, setFilters] = useState<LogFilters>(NO_FILTERS);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [matches, setMatches] = useState<ShareEvent[] | null>(null);
  const [page, setPage] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [deleted, setDeleted] = useState<DeleteScope | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const reportedUnreadable = useRef(new Set<string>());
  const readSeq = useRef(0);

  const eventFilter = toEventFilter(filters);
  const filterKey = JSON.stringify(eventFilter);
  const reload = () => setReloads((n) => n + 1);
  const say = (message: string) => {
    setError('');
    setNotice(message);
  };
  const fail = (message: string) => {
    setNotice('');
    setError(message);
  };
  const update = (change: Partial<LogFilters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setPage(0);
  };

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
      const { events, unreadable } = eventFilter.kinds?.length === 0 ? { events: [], unreadable: [] } : await readEvents(database, eventFilter);
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

  const summary = overview?.summary ?? null;
  const total = summary?.total ?? 0;
  const sites = [...new Set((summary?.pairs ?? []).map((pair) => pair.site).filter(Boolean))].sort((a, b) =>
    domainToUnicode(a).localeCompare(domainToUnicode(b)),
  );
  const items = [...new Map((summary?.pairs ?? []).map((pair) => [pair.itemKey, pair] as const)).values()].sort(
    (a, b) => DATA_KINDS.indexOf(a.kind) - DATA_KINDS.indexOf(b.kind) || a.masked.localeCompare(b.masked),
  );

  const deletion = useLogDeletion({
    db: getDb,
    shown: () => matches ?? [],
    items: () => items,
    onDone(scope, count) {
      say(scope ? t('logman_deleted', [String(count)]) : t('logman_discarded'));
      if (scope?.by === 'site' && filters.site === scope.site) update({ site: '' });
      setDeleted(scope);
      reload();
      resultsRef.current?.focus();
    },
    onError(message) {
      fail(message);
      resultsRef.current?.focus();
    },
  });
  const ask = (trigger: EventTarget | null, anchor: string, scope: DeleteScope | null) => {
    setError('');
    void deletion.ask(trigger, anchor, scope);
  };
  const confirmAt = (anchor: string) =>
    deletion.pending?.anchor === anchor ? (
      <ConfirmStep request={deletion.pending} busy={deletion.busy} onConfirm={() => void deletion.confirm()} onCancel={deletion.cancel} />
    ) : null;

  return (
    <section class="logman" aria-labelledby="logman-heading">
      <h2 id="logman-heading">{t('logman_heading')}</h2>
      <p class="section-intro">{t('logman_intro')}</p>
      {overview !== null && overview.quarantined > 0 && (
        <LogQuarantineNotice
          count={overview.quarantined}
          db={getDb}
          now={now}
          busy={deletion.busy}
          onDiscard={(trigger) => ask(trigger, 'quarantine', null)}
          confirmAt={confirmAt}
          fail={fail}
        />
      )}
      {error && (
        <p class="status status-warn" role="alert">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" class="status status-ok logman-notice">
        {notice}
      </p>
      <LogFilterForm filters={filters} sites={sites} onChange={update} />
      <p role="status" aria-live="polite" tabIndex={-1} ref={resultsRef} class="logman-count" data-count={matches?.length ?? ''}>
        {matches === null || overview === null ? t('loading') : t('logman_count', [String(matches.length), String(total)])}
      </p>
      <LogExportActions db={getDb} filter={eventFilter} matches={matches} total={total} now={now} say={say} fail={fail} />
      <LogEntryList
        matches={matches}
        total={total}
        page={page}
        onPage={setPage}
        busy={deletion.busy}
        onDelete={(trigger, event) => ask(trigger, `entry:${event.id}`, { by: 'entry', id: event.id })}
        confirmAt={confirmAt}
      />
      <LogBulkDelete sites={sites} items={items} total={total} busy={deletion.busy} ask={ask} confirmAt={confirmAt} deleted={deleted} />
    </section>
  );
}
