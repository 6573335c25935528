// The log section's entries, newest first, a page at a time, each with its own Delete.
import type { ComponentChildren } from 'preact';
import { kindLabel, t } from '@/lib/locale/i18n';
import { SENT_DECISIONS, type ShareEvent } from '@/lib/log/share-event';
import { dateTimeLabel, decisionLabel, siteLabel } from '@/components/shared/labels';
import { describeLogItem } from './useLogDeletion';

/** Entries shown per page of the list. */
export const LOG_PAGE_SIZE = 50;

export interface LogEntryListProps {
  matches: readonly ShareEvent[] | null;
  total: number;
  page: number;
  onPage(page: number): void;
  busy: boolean;
  onDelete(trigger: EventTarget | null, event: ShareEvent): void;
  /** The confirm step to show under an entry (`entry:<id>`), if any. */
  confirmAt(anchor: string): ComponentChildren;
}

export function LogEntryList({ matches, total, page, onPage, busy, onDelete, confirmAt }: LogEntryListProps) {
  const count = matches?.length ?? 0;
  const pageCount = Math.max(1, Math.ceil(count / LOG_PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  const shown = matches?.slice(current * LOG_PAGE_SIZE, (current + 1) * LOG_PAGE_SIZE) ?? [];
  return (
    <>
      <h3 id="logman-entries-heading">{t('logman_entries_heading')}</h3>
      {matches !== null && count === 0 && <p class="muted">{total === 0 ? t('logman_empty') : t('logman_no_match')}</p>}
      <ul class="plain logman-entries" aria-labelledby="logman-entries-heading">
        {shown.map((event) => (
          <li key={event.id} data-event-id={event.id} class="logman-entry">
            <div class="logman-entry-main">
              <time class="logman-when" dateTime={new Date(event.at).toISOString()}>
                {dateTimeLabel(event.at)}
              </time>
              <p class="logman-what">
                <span class="kind">{kindLabel(event.kind)}</span> <span class="masked">{event.masked}</span>{' '}
                <span class={`badge ${SENT_DECISIONS.includes(event.decision) ? 'badge-sent' : 'badge-stopped'}`}>{decisionLabel(event.decision)}</span>
              </p>
              <p class="logman-to">{t('logman_entry_to', [event.destinationSites.map(siteLabel).join(', ')])}</p>
              <p class="logman-page muted">
                {event.pageTitle || event.pageUrl} <span class="url">{event.pageTitle ? event.pageUrl : ''}</span>
              </p>
            </div>
            <button
              type="button"
              class="link link-danger logman-delete-entry"
              data-delete-entry={event.id}
              disabled={busy}
              aria-label={t('logman_delete_entry_label', [describeLogItem(event.kind, event.masked), dateTimeLabel(event.at)])}
              onClick={(click) => onDelete(click.currentTarget, event)}
            >
              {t('logman_delete_entry')}
            </button>
            {confirmAt(`entry:${event.id}`)}
          </li>
        ))}
      </ul>
      {pageCount > 1 && (
        <nav class="logman-pages" aria-label={t('logman_pages_label')}>
          <button type="button" class="button-small" disabled={current === 0} onClick={() => onPage(current - 1)}>
            {t('logman_page_newer')}
          </button>
          <span>
            {t('logman_page_range', [String(current * LOG_PAGE_SIZE + 1), String(Math.min((current + 1) * LOG_PAGE_SIZE, count)), String(count)])}
          </span>
          <button type="button" class="button-small" disabled={current >= pageCount - 1} onClick={() => onPage(current + 1)}>
            {t('logman_page_older')}
          </button>
        </nav>
      )}
    </>
  );
}
