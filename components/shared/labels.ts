// How the log's values read to a person, shared by the popup, the options page and the evidence
// report: decisions, routes, sites (Unicode with the punycode alongside), data items, dates in the
// UI language (full for records, "today, 14:05" / "29 Nov" for glances).
import { kindLabel, t, uiLanguage } from '@/lib/locale/i18n';
import { relativeDay } from '@/lib/log/log-views';
import type { Decision, ShareRoute } from '@/lib/log/share-event';
import { shownByNameOnly, type DataKind } from '@/lib/types';
import { domainToUnicode } from '@/lib/trust/domain-unicode';

export const decisionLabel = (decision: Decision): string => t(`report_decision_${decision.replace('-', '_')}`);
export const routeLabel = (route: ShareRoute): string => t(`report_route_${route}`);

// Lists render many site names: each distinct one is decoded once.
const displayCache = new Map<string, string>();
/** A site's name for glances (lists, the map): IDN labels in Unicode. */
export function siteDisplayOf(site: string): string {
  let display = displayCache.get(site);
  if (display === undefined) {
    display = site.includes('xn--') ? domainToUnicode(site) : site;
    if (displayCache.size > 20_000) displayCache.clear();
    displayCache.set(site, display);
  }
  return display;
}

/** A registrable domain as the user reads it; punycode kept alongside so it stays unambiguous. */
export function siteLabel(site: string): string {
  const unicode = domainToUnicode(site);
  return unicode === site ? site : `${unicode} (${site})`;
}

/** A moment, unambiguous in the UI language (date and time with the time zone). */
export function dateTimeLabel(at: number): string {
  try {
    // One formatter per language: making one costs far more than formatting (the report formats 50,000).
    const language = uiLanguage();
    if (dateTimeFormat?.language !== language) dateTimeFormat = { language, format: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'long' }) };
    return dateTimeFormat.format.format(at);
  } catch {
    return new Date(at).toISOString();
  }
}
let dateTimeFormat: { language: string; format: Intl.DateTimeFormat } | undefined;


/** A data item as people read it: "Phone number 138****8000"; SMS codes and access kinds by kind alone. */
export function itemLabel(kind: DataKind, masked: string): string {
  return shownByNameOnly(kind) ? kindLabel(kind) : `${kindLabel(kind)} ${masked}`;
}

/** A masked value worth showing: none for SMS codes and access kinds. */
export const shownMasked = (kind: DataKind, masked: string): string => (shownByNameOnly(kind) ? '' : masked);

/** The glance formats, by name, so each formatter is made once per language and kept. */
const GLANCE_FORMATS = {
  time: { hour: 'numeric', minute: '2-digit' },
  dayMonth: { month: 'short', day: 'numeric' },
  day: { dateStyle: 'medium' },
  shortDate: { year: 'numeric', month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type GlanceFormat = keyof typeof GLANCE_FORMATS;

// Making a formatter costs far more than formatting with one: the popup's first view made one per
// date shown, a visible part of its time to first render.
const glanceFormatters = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, style: GlanceFormat, at: number): string {
  const key = `${style} ${locale}`;
  let formatter = glanceFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, GLANCE_FORMATS[style]);
    } catch {
      // A language tag Intl refuses: the browser's own.
      formatter = new Intl.DateTimeFormat(undefined, GLANCE_FORMATS[style]);
    }
    glanceFormatters.set(key, formatter);
  }
  return formatter.format(at);
}

/** A day, month by name so it can't be read two ways ("29 Nov 2026"), for lists of dated entries. */
export const shortDateFormatter =
  (locale: string = uiLanguage()) =>
  (at: number): string =>
    format(locale, 'shortDate', at);

/**
 * A moment at a glance, never ambiguous: "today, 14:05", "yesterday, 09:12", "29 Nov" this year,
 * "29 Nov 2025" before (month by name, so 11/12 can't be read two ways).
 */
export function whenLabel(at: number, now: number, locale: string = uiLanguage()): string {
  const time = () => format(locale, 'time', at);
  switch (relativeDay(at, now)) {
    case 'today':
      return t('when_today', [time()]);
    case 'yesterday':
      return t('when_yesterday', [time()]);
    case 'this-year':
      return format(locale, 'dayMonth', at);
    case 'older':
      return format(locale, 'day', at);
  }
}
