// Phone number checking: is a typed value a real phone number, and which one (E.164), so a
// warning can name it masked and "same phone as before" can be decided across formats.
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
import type { ValueCheck } from '@/lib/types';
import { maskMiddle } from '@/lib/validate/mask';

/** Outcome of one parse attempt: either a valid number or the reason it is not one. */
type Attempt = { ok: true; phone: PhoneNumber } | { ok: false; error: string };

// Unicode digits (full-width ０-９ from CJK keyboards, Arabic-Indic, …) count as digits.
const DIGIT = /\p{Nd}/u;

/**
 * Check whether `raw` is a valid phone number. `defaultRegion` (ISO 3166-1 alpha-2) is used for
 * numbers typed without a country code; a number that does not fit it, or any number when no
 * region is known, is retried as if it had a leading '+' ("8613800138000" → +86…), because
 * people often type their country code without the plus.
 */
export function checkPhone(raw: string, defaultRegion?: string): ValueCheck {
  const fail = (error: string): ValueCheck => ({ valid: false, kind: 'phone', error });
  if (!DIGIT.test(raw)) return fail('no digits');

  let region: CountryCode | undefined;
  if (defaultRegion !== undefined && defaultRegion.trim() !== '') {
    const upper = defaultRegion.trim().toUpperCase();
    if (!isSupportedCountry(upper)) return fail(`unknown region ${upper}`);
    region = upper;
  }

  const text = raw.trim();
  const hasPlus = /^[+＋]/.test(text);
  const first: Attempt | undefined = region || hasPlus ? attempt(text, region) : undefined;
  if (first?.ok) return describe(first.phone);

  if (!hasPlus) {
    // Digits only: "0086…" is the international-call prefix used by most countries.
    const digits = [...text].filter((c) => DIGIT.test(c)).join('');
    const withPlus = '+' + digits.replace(/^00(?=[1-9])/, '');
    const second = attempt(withPlus, undefined);
    if (second.ok) return describe(second.phone);
    // The first attempt's error speaks about the region the user is in, which is more useful.
    if (first) return fail(first.error);
    return fail(`no region given and ${second.error}`);
  }
  return fail(first ? first.error : 'not a phone number');
}

/** True when both values are valid phone numbers with the same E.164 form. */
export function samePhone(a: string, b: string, region?: string): boolean {
  const ca = checkPhone(a, region);
  const cb = checkPhone(b, region);
  return ca.valid && cb.valid && ca.normalized !== undefined && ca.normalized === cb.normalized;
}

function attempt(text: string, region: CountryCode | undefined): Attempt {
  const phone = parsePhoneNumberFromString(text, region);
  if (phone?.isPossible() && phone.isValid()) return { ok: true, phone };
  const lengthProblem = validatePhoneNumberLength(text, region);
  switch (lengthProblem) {
    case 'TOO_SHORT':
    case 'NOT_A_NUMBER':
      // libphonenumber calls 1–2 digits "not a number"; for a user that is simply too short.
      return { ok: false, error: 'too short' };
    case 'TOO_LONG':
      return { ok: false, error: 'too long' };
    case 'INVALID_COUNTRY':
      return { ok: false, error: 'unknown country code' };
    case 'INVALID_LENGTH':
      return { ok: false, error: `wrong length for ${phone?.country ?? region ?? 'its country'}` };
    default:
      return { ok: false, error: `not a valid number for ${phone?.country ?? region ?? 'its country code'}` };
  }
}

function describe(phone: PhoneNumber): ValueCheck {
  const type = phone.getType();
  // With /min metadata getType() is usually undefined (type patterns are not shipped), and
  // FIXED_LINE_OR_MOBILE (e.g. US) cannot be split, so 'phone' is the common answer.
  const scheme = type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'fixed-line' : 'phone';
  const result: ValueCheck = {
    valid: true,
    kind: 'phone',
    scheme,
    normalized: phone.number,
    masked: maskMiddle(phone.nationalNumber, 3, 4),
  };
  // Shared calling codes (e.g. +1 non-geographic, +882) can leave the region unknown.
  if (phone.country) result.country = phone.country;
  return result;
}
