// The options page's log filter as the user sets it (kinds, receiving site, a date range in local
// days, free text) and its translation into the store's EventFilter.
import { DATA_KINDS, type DataKind } from '@/lib/types';
import type { EventFilter } from './log-store';

export interface LogFilters {
  /** Checked kinds; all four means no kind filter, none matches nothing. */
  kinds: DataKind[];
  /** Receiving site, '' for all. */
  site: string;
  /** `<input type=date>` values (YYYY-MM-DD, local days), '' for open. */
  since: string;
  until: string;
  text: string;
}

export const NO_FILTERS: LogFilters = { kinds: [...DATA_KINDS], site: '', since: '', until: '', text: '' };

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
    ...(filters.kinds.length < DATA_KINDS.length ? { kinds: DATA_KINDS.filter((kind) => filters.kinds.includes(kind)) } : {}),
    ...(filters.site ? { site: filters.site } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(nextDay !== undefined ? { until: nextDay - 1 } : {}),
    ...(text ? { text } : {}),
  };
}
