// Turning the private log into files the user keeps: JSON (the full v2 events, machine-readable) and
// CSV (one row per event, safe to open in Excel/WPS/Numbers). Pure: no DOM, no browser APIs.
import type { DataKind } from '@/lib/types';
import type { Decision, ShareEvent } from './share-event';

/** CSV columns, in file order. `time` is ISO 8601 (UTC), `timeMs` the same instant in epoch ms. */
export const CSV_COLUMNS = [
  'time',
  'timeMs',
  'decision',
  'kind',
  'masked',
  'destinationSites',
  'pageSite',
  'pageUrl',
  'pageTitle',
  'loanPage',
  'route',
  'fingerprint',
  'id',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Optional translations of cell values; without them the stable codes (and yes/no) are written. */
export interface CsvValueLabels {
  decision?: (decision: Decision) => string;
  kind?: (kind: DataKind) => string;
  yes?: string;
  no?: string;
}

export const LOG_EXPORT_FORMAT = 'loanguard-log';
export const QUARANTINE_EXPORT_FORMAT = 'loanguard-log-unreadable';

/** `{ format, version: 2, exportedAt, filter, events }`, pretty-printed. */
export function eventsToJson(events: readonly ShareEvent[], meta: { exportedAt: number; filter?: object }): string {
  return JSON.stringify(
    { format: LOG_EXPORT_FORMAT, version: 2, exportedAt: meta.exportedAt, filter: meta.filter ?? null, events },
    null,
    2,
  );
}

/** Entries the log could not read, kept verbatim so nothing is lost when the user discards them. */
export function quarantineToJson(entries: readonly { at: number; reason: string; raw: unknown }[], exportedAt: number): string {
  return JSON.stringify({ format: QUARANTINE_EXPORT_FORMAT, version: 1, exportedAt, entries }, null, 2);
}

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** First characters that make spreadsheet programs treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quote a field containing comma, quote, CR or LF, doubling the quotes inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A text cell that could start a formula gets a leading apostrophe, so it is shown, never run. */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows per part of eventsToCsvParts. */
export const CSV_ROWS_PER_PART = 1_000;

/**
 * The CSV file's text in parts, to be joined or handed to a Blob as they are: one header row (the
 * caller's, usually translated) and one row per event, in the given order, CSV_ROWS_PER_PART rows per
 * part. Starts with a UTF-8 BOM so Excel reads Chinese correctly; lines end with CRLF. A Blob made from
 * parts took half the time of one made from the whole 10 MB text of a 50,000-event export.
 */
export function eventsToCsvParts(
  events: readonly ShareEvent[],
  headers: Record<CsvColumn, string>,
  labels: CsvValueLabels = {},
): string[] {
  const text = (value: string) => csvField(defuseFormula(value));
  const parts = [BOM + CSV_COLUMNS.map((column) => text(headers[column])).join(',') + CRLF];
  let lines: string[] = [];
  for (const event of events) {
    const cells: Record<CsvColumn, string> = {
      time: text(new Date(event.at).toISOString()),
      timeMs: String(event.at),
      decision: text(labels.decision ? labels.decision(event.decision) : event.decision),
      kind: text(labels.kind ? labels.kind(event.kind) : event.kind),
      masked: text(event.masked),
      destinationSites: text(event.destinationSites.join(' ')),
      pageSite: text(event.pageSite),
      pageUrl: text(event.pageUrl),
      pageTitle: text(event.pageTitle),
      loanPage: text(event.isLoanPage ? (labels.yes ?? 'yes') : (labels.no ?? 'no')),
      route: text(event.route),
      fingerprint: text(event.fingerprint ? event.fingerprint.slice(0, 16) : ''),
      id: text(event.id),
    };
    lines.push(CSV_COLUMNS.map((column) => cells[column]).join(','));
    if (lines.length === CSV_ROWS_PER_PART) {
      parts.push(lines.join(CRLF) + CRLF);
      lines = [];
    }
  }
  if (lines.length > 0) parts.push(lines.join(CRLF) + CRLF);
  return parts;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `loanguard-log-2026-11-22.csv`, dated in the user's local time. */
export function exportFileName(kind: 'json' | 'csv' | 'html', now: number, stem = 'loanguard-log'): string {
  const date = new Date(now);
  return `${stem}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${kind}`;
}
