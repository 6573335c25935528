// Message lookup for extension pages: every user-facing string goes through browser.i18n.
// Falls back to the key itself so a missing translation shows up visibly instead of as a blank.
import { ext } from '@/lib/messages/extension-api';
import type { Reason } from '@/lib/types';

/** WXT types getMessage with the keys it knows at build time; reason and kind keys are computed. */
type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function t(key: string, substitutions?: string | string[]): string {
  let text = '';
  try {
    text = (ext().i18n.getMessage as GetMessage)(key, substitutions);
  } catch {
    // fakeBrowser in unit tests and very old browsers: fall through to the key.
  }
  return text || key;
}

/**
 * The language the UI is shown in (BCP 47), for `lang` attributes and date formats: the catalog
 * actually used (its `localeCode` message), so a browser in French says "en" with English text.
 */
export function uiLanguage(): string {
  const code = t('localeCode');
  if (code !== 'localeCode') return code;
  try {
    return ext().i18n.getUILanguage() || 'en';
  } catch {
    return 'en'; // fakeBrowser in unit tests
  }
}

/** The message key naming a field kind: `national-id` → `kind_national_id`. */
export const kindKey = (kind: string): string => `kind_${kind.replace(/-/g, '_')}`;
/** A field kind's name in the user's language. */
export const kindLabel = (kind: string): string => t(kindKey(kind));

/** Field kinds named inside a reason's detail ("phone, national-id") are shown by their names. */
const KIND_CODE = /\b(national-id|phone|bank-card|otp)\b/g;

/** A classifier reason in the user's language ("Title mentions loans: 借款"). */
export function describeReason(reason: Reason, lookup: (key: string, subs?: string[]) => string = t): string {
  const key = `reason_${reason.code}`;
  const detail =
    reason.code === 'sensitive_fields' ? reason.detail.replace(KIND_CODE, (kind) => lookup(kindKey(kind))) : reason.detail;
  const text = lookup(key, [detail]);
  return text === key ? `${reason.code}: ${reason.detail}` : text;
}
