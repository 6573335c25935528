// Message lookup for extension pages: every user-facing string goes through browser.i18n.
// Falls back to the key itself so a missing translation shows up visibly instead of as a blank.
import { browser } from 'wxt/browser';
import type { Reason } from './types';

/** WXT types getMessage with the keys it knows at build time; reason and kind keys are computed. */
type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function t(key: string, substitutions?: string | string[]): string {
  let text = '';
  try {
    text = (browser.i18n.getMessage as GetMessage)(key, substitutions);
  } catch {
    // fakeBrowser in unit tests and very old browsers: fall through to the key.
  }
  return text || key;
}

/** A classifier reason in the user's language ("Title mentions loans: 借款"). */
export function describeReason(reason: Reason, lookup: (key: string, subs?: string[]) => string = t): string {
  const key = `reason_${reason.code}`;
  const text = lookup(key, [reason.detail]);
  return text === key ? `${reason.code}: ${reason.detail}` : text;
}
