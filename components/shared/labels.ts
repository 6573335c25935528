// How the log's values read to a person, shared by the popup, the options page and the evidence
// report: decisions, routes, sites (Unicode with the punycode alongside), dates in the UI language.
import { t, uiLanguage } from '@/lib/locale/i18n';
import type { Decision, ShareRoute } from '@/lib/log/share-event';
import { domainToUnicode } from '@/lib/trust/site-identity';

export const decisionLabel = (decision: Decision): string => t(`report_decision_${decision.replace('-', '_')}`);
export const routeLabel = (route: ShareRoute): string => t(`report_route_${route}`);

/** A registrable domain as the user reads it; punycode kept alongside so it stays unambiguous. */
export function siteLabel(site: string): string {
  const unicode = domainToUnicode(site);
  return unicode === site ? site : `${unicode} (${site})`;
}

/** A moment, unambiguous in the UI language (date and time with the time zone). */
export function dateTimeLabel(at: number): string {
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'long' }).format(at);
  } catch {
    return new Date(at).toISOString();
  }
}
