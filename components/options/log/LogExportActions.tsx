// The log section's exports (JSON / CSV, what the filter shows or everything) and the link to the
// printable evidence report for the same filter.
import { browser } from 'wxt/browser';
import { kindLabel, t } from '@/lib/locale/i18n';
import { reportQuery } from '@/lib/log/evidence-report';
import { CSV_COLUMNS, eventsToCsvParts, eventsToJson, exportFileName, type CsvColumn } from '@/lib/log/log-export';
import { readEvents, type EventFilter } from '@/lib/log/log-store';
import type { ShareEvent } from '@/lib/log/share-event';
import { decisionLabel } from '@/components/shared/labels';
import { saveBlobAs } from '@/components/shared/save-file';

function csvHeaders(): Record<CsvColumn, string> {
  const key = (column: CsvColumn) => `logman_csv_${column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  return Object.fromEntries(CSV_COLUMNS.map((column) => [column, t(key(column))])) as Record<CsvColumn, string>;
}

const csvLabels = () => ({ decision: decisionLabel, kind: kindLabel, yes: t('logman_csv_yes'), no: t('logman_csv_no') });

export interface LogExportActionsProps {
  db: () => Promise<IDBDatabase>;
  filter: EventFilter;
  /** The entries the filter matches (null while loading); `total`: entries in the whole log. */
  matches: readonly ShareEvent[] | null;
  total: number;
  now: () => number;
  say(message: string): void;
  fail(message: string): void;
}

export function LogExportActions({ db, filter, matches, total, now, say, fail }: LogExportActionsProps) {
  const exportLog = async (format: 'json' | 'csv', which: 'filtered' | 'all') => {
    try {
      const events = which === 'all' ? (await readEvents(await db())).events : (matches ?? []);
      const at = now();
      const blob =
        format === 'json'
          ? new Blob([eventsToJson(events, { exportedAt: at, ...(which === 'filtered' ? { filter } : {}) })], { type: 'application/json' })
          : new Blob(eventsToCsvParts(events, csvHeaders(), csvLabels()), { type: 'text/csv;charset=utf-8' });
      const fileName = exportFileName(format, at);
      saveBlobAs(blob, fileName);
      say(t('logman_exported', [String(events.length), fileName]));
    } catch {
      fail(t('logman_export_failed'));
    }
  };

  const openReport = async () => {
    const { site, kinds, since, until } = filter;
    const url = (browser.runtime.getURL as (path: string) => string)('/report.html') + reportQuery({ site, kinds, since, until });
    try {
      await browser.tabs.create({ url });
    } catch {
      window.open(url, '_blank', 'noopener');
    }
  };

  const exportButton = (format: 'json' | 'csv', which: 'filtered' | 'all') => (
    <button
      type="button"
      class="button-small"
      data-export={`${format}-${which}`}
      disabled={which === 'all' ? total === 0 : !matches?.length}
      onClick={() => void exportLog(format, which)}
    >
      {t(`logman_export_${format}_${which}`)}
    </button>
  );

  return (
    <fieldset class="logman-actions block">
      <legend>{t('logman_export_legend')}</legend>
      <p class="actions">
        <button type="button" class="button-primary" data-open-report aria-describedby="logman-report-help" onClick={() => void openReport()}>
          {t('logman_open_report')}
        </button>
        <span id="logman-report-help" class="field-help">
          {t('logman_report_help')}
        </span>
      </p>
      <p class="actions">
        {exportButton('json', 'filtered')}
        {exportButton('csv', 'filtered')}
        {exportButton('json', 'all')}
        {exportButton('csv', 'all')}
      </p>
    </fieldset>
  );
}
