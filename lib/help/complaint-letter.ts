// Complaint letters pre-filled from the private log: one to the platform (delete my data, stop
// contacting me) and one to an office of the chosen country. Pure: the words come from a message
// lookup (browser.i18n in the page, the locale files in tests), so each letter is in the user's
// language; official names stay as written. Only facts from the log — no legal claims.
import { buildEvidenceReport, type EvidenceItem } from '@/lib/log/evidence-report';
import type { ShareEvent } from '@/lib/log/share-event';
import { shownByNameOnly, type Decision, type DataKind } from '@/lib/types';
import { channelsFor, type ReportingChannel } from './leak-help';

/** Message lookup with positional substitutions, as browser.i18n.getMessage. */
export type Lookup = (key: string, subs?: string[]) => string;

/** Dates as the letter writes them: a day ("3 May 2026") and a moment with its time zone. */
export interface LetterDates {
  day(at: number): string;
  moment(at: number): string;
}

export function letterDates(locale: string, timeZone?: string): LetterDates {
  const make = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    }
  };
  const day = make({ dateStyle: 'long' });
  const moment = make({ dateStyle: 'medium', timeStyle: 'long' });
  return { day: (at) => day.format(at), moment: (at) => moment.format(at) };
}

/** One data item as the site saw it: the evidence report's item, without its grouping key. */
export type LetterItem = Omit<EvidenceItem, 'itemKey'>;

/** What the log says about one receiving site. */
export interface LetterFacts {
  site: string;
  first: number;
  last: number;
  /** Any event came from a page LoanGuard recognised as a loan page. */
  loanPage: boolean;
  /** Distinct pages (origin + path, as logged), most recent first, with their titles. */
  pages: { url: string; title: string }[];
  items: LetterItem[];
  /** Newest first. */
  rows: { at: number; pageUrl: string; kind: DataKind; masked: string; decision: Decision }[];
}


/** The log's events that reached or tried to reach `site`, as the facts a letter states; null when none. */
export function letterFacts(events: readonly ShareEvent[], site: string): LetterFacts | null {
  // The evidence report's grouping for this one site; the letter only words items differently.
  const group = buildEvidenceReport(events, { now: 0, site }).sites[0];
  if (!group) return null;
  const pages = new Map<string, string>();
  for (const row of group.rows) if (!pages.has(row.pageUrl)) pages.set(row.pageUrl, row.pageTitle);
  // SMS codes are single-use and access (contacts, camera…) has no value: one line per kind, no masked value.
  const shown = (kind: DataKind, masked: string): string => (shownByNameOnly(kind) ? '' : masked);
  const items = new Map<string, LetterItem>();
  for (const { itemKey: _itemKey, ...item } of group.items) {
    const key = `${item.kind}\u0000${shown(item.kind, item.masked)}`;
    const same = items.get(key);
    if (!same) {
      items.set(key, { ...item, masked: shown(item.kind, item.masked) });
      continue;
    }
    same.sent += item.sent;
    same.stopped += item.stopped;
    same.first = Math.min(same.first, item.first);
    same.last = Math.max(same.last, item.last);
  }
  return {
    site,
    first: group.first,
    last: group.last,
    loanPage: group.loanPage,
    pages: [...pages].map(([url, title]) => ({ url, title })),
    items: [...items.values()],
    rows: group.rows.map((row) => ({ at: row.at, pageUrl: row.pageUrl, kind: row.kind, masked: shown(row.kind, row.masked), decision: row.decision })),
  };
}

/** Offices a complaint letter can go to: the country's regulators, privacy and complaints offices. */
export function letterOffices(country: string): ReportingChannel[] {
  return channelsFor(country).filter((channel) => channel.kinds.some((kind) => kind === 'regulator' || kind === 'privacy' || kind === 'complaints'));
}

/** The platform itself, or one of letterOffices(country) by id. */
export type LetterRecipient = { to: 'platform' } | { to: 'office'; channel: ReportingChannel };

export interface LetterOptions {
  recipient: LetterRecipient;
  lookup: Lookup;
  dates: LetterDates;
  /** The date written at the top. */
  now: number;
  /** Record lines beyond this are left to the attached evidence report. */
  maxRows?: number;
}

const kindKey = (kind: DataKind): string => `kind_${kind.replace(/-/g, '_')}`;
const decisionKey = (decision: Decision): string => `letter_outcome_${decision.replace(/-/g, '_')}`;

function officeName(channel: ReportingChannel, lookup: Lookup): string {
  if (channel.name === undefined) return lookup(channel.nameKey ?? '');
  return channel.nameEn !== undefined ? `${channel.name} (${channel.nameEn})` : channel.name;
}

/** The letter as plain text, lines separated by "\n". */
export function complaintLetter(facts: LetterFacts, options: LetterOptions): string {
  const { recipient, lookup, dates } = options;
  const maxRows = options.maxRows ?? 40;
  const item = (kind: DataKind, masked: string) => (masked ? `${lookup(kindKey(kind))} ${masked}` : lookup(kindKey(kind)));
  // A span within one day is written once, not as a range.
  const span = (first: number, last: number) =>
    dates.day(first) === dates.day(last) ? dates.day(first) : lookup('letter_period', [dates.day(first), dates.day(last)]);
  const period = span(facts.first, facts.last);
  const lines: string[] = [];

  if (recipient.to === 'platform') {
    lines.push(lookup('letter_to_platform', [facts.site]));
  } else {
    lines.push(lookup('letter_to_office', [officeName(recipient.channel, lookup)]));
    if (recipient.channel.website !== undefined) lines.push(recipient.channel.website);
  }
  lines.push(lookup('letter_date', [dates.day(options.now)]));
  lines.push('');
  lines.push(recipient.to === 'platform' ? lookup('letter_subject_platform') : lookup('letter_subject_office', [facts.site]));
  lines.push('');
  lines.push(lookup('letter_greeting'));
  lines.push('');
  lines.push(recipient.to === 'platform' ? lookup('letter_intro_platform', [facts.site, period]) : lookup('letter_intro_office', [facts.site, period]));
  if (facts.loanPage) lines.push(lookup('letter_loan_page'));
  lines.push('');

  lines.push(lookup('letter_pages_heading'));
  for (const page of facts.pages) lines.push(`- ${page.url}${page.title ? ` (${page.title})` : ''}`);

  const received = facts.items.filter((entry) => entry.sent > 0);
  const tried = facts.items.filter((entry) => entry.stopped > 0);
  if (received.length > 0) {
    lines.push('');
    lines.push(lookup('letter_received_heading'));
    for (const entry of received) lines.push(`- ${lookup('letter_item_times', [item(entry.kind, entry.masked), String(entry.sent), span(entry.first, entry.last)])}`);
  }
  if (tried.length > 0) {
    lines.push('');
    lines.push(lookup('letter_tried_heading'));
    for (const entry of tried) lines.push(`- ${lookup('letter_item_times', [item(entry.kind, entry.masked), String(entry.stopped), span(entry.first, entry.last)])}`);
  }

  lines.push('');
  lines.push(lookup('letter_record_heading'));
  for (const row of facts.rows.slice(0, maxRows)) {
    lines.push(`- ${dates.moment(row.at)} · ${row.pageUrl} · ${item(row.kind, row.masked)} · ${lookup(decisionKey(row.decision))}`);
  }
  if (facts.rows.length > maxRows) lines.push(lookup('letter_more_rows', [String(facts.rows.length - maxRows)]));
  lines.push(lookup('letter_masked_note'));
  lines.push('');

  if (recipient.to === 'platform') {
    lines.push(lookup('letter_requests_heading'));
    lines.push(`1. ${lookup('letter_request_delete')}`);
    lines.push(`2. ${lookup('letter_request_stop')}`);
    lines.push(`3. ${lookup('letter_request_tell')}`);
    lines.push('');
    lines.push(lookup('letter_confirm'));
  } else {
    lines.push(lookup('letter_office_request'));
  }
  lines.push('');
  lines.push(lookup('letter_attachment', [facts.site]));
  lines.push('');
  lines.push(lookup('letter_closing'));
  lines.push(lookup('letter_name_placeholder'));
  lines.push(lookup('letter_contact_placeholder'));
  return lines.join('\n');
}
