// What every national ID recogniser looks like, and the helpers they share (normalising, masking,
// error wording, birth-date rules, mapping stdnum's results), so each country file stays a few rules.
import { maskMiddle } from '@/lib/validate/mask';
import { birthDateProblem, expandBirthYear, type DateProblem } from '../checks/birth-date';
import { isRepeatedDigits } from '../checks/br-cpf';

export type IdValidation = { valid: true; normalized: string } | { valid: false; error: string };

export interface NationalIdScheme {
  /** Stable id, e.g. 'cn-ric', 'mx-curp'. */
  id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** English display name. */
  name: string;
  /** True only when the format carries a real check digit, so the value alone is evidence. */
  hasChecksum: boolean;
  /** Strip spaces, dashes, dots, slashes; upper-case. */
  normalize(raw: string): string;
  /** `error` is a short English reason ('checksum mismatch', 'invalid birth date', …). */
  validate(raw: string): IdValidation;
  /** The normalised value with its middle hidden (see lib/validate/mask.ts). */
  mask(raw: string): string;
}

export const ERR_CHARS = 'invalid characters';
export const ERR_CHECKSUM = 'checksum mismatch';
export const ERR_DATE = 'invalid birth date';
export const ERR_FUTURE_DATE = 'birth date in the future';
export const ERR_OLD_DATE = 'birth date before 1900';
export const ERR_REPEATED = 'all digits the same';

/**
 * How far a value got before it was rejected: 0 = wrong length, 1 = wrong characters,
 * 2 = right shape but a rule or the check digit failed. checkNationalId reports the error that got
 * furthest, since "checksum mismatch" says more about a value than "wrong length" does.
 */
export function errorStage(error: string): 0 | 1 | 2 {
  if (error.startsWith('wrong length')) return 0;
  if (error === ERR_CHARS) return 1;
  return 2;
}

export function normalizeId(raw: string): string {
  // NFKC folds full-width digits and letters (typed by Chinese/Japanese IMEs) to ASCII first.
  return raw
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212.\u00B7/\\_]/gu, '')
    .toUpperCase();
}

export function lengthError(value: string, ...expected: number[]): string | null {
  const n = [...value].length;
  return expected.includes(n) ? null : `wrong length (${n}, expected ${expected.join(' or ')})`;
}

/** Length in [min, max] (inclusive). */
export function lengthRangeError(value: string, min: number, max: number): string | null {
  const n = [...value].length;
  return n >= min && n <= max ? null : `wrong length (${n}, expected ${min}-${max})`;
}

export function digitsError(value: string): string | null {
  return /^\d+$/.test(value) ? null : ERR_CHARS;
}

/** Placeholders such as 00000000000 pass many format rules but are nobody's number. */
export function repeatedError(value: string): string | null {
  return isRepeatedDigits(value) ? ERR_REPEATED : null;
}

const DATE_ERRORS: Record<DateProblem, string> = { date: ERR_DATE, future: ERR_FUTURE_DATE, old: ERR_OLD_DATE };

/** The birth-date rule of lib/validate/checks/birth-date.ts, in this module's wording. */
export function birthDateError(year: number, month: number, day: number, now: Date = new Date()): string | null {
  const problem = birthDateProblem(year, month, day, now);
  return problem ? DATE_ERRORS[problem] : null;
}

export { expandBirthYear };

/** The part of stdnum's `validate()` result we rely on (its error classes are told apart by name). */
export interface StdnumResult {
  isValid: boolean;
  error?: { name: string };
}

/**
 * Turn a stdnum result into our wording. Callers run their own length/format/component checks
 * first, so a remaining InvalidComponent means a rule only stdnum knows (passed as `componentError`).
 */
export function stdnumError(result: StdnumResult, componentError: string): string | null {
  if (result.isValid) return null;
  switch (result.error?.name) {
    case 'InvalidChecksum':
      return ERR_CHECKSUM;
    case 'InvalidLength':
      return 'wrong length';
    case 'InvalidComponent':
      return componentError;
    default:
      return 'invalid format';
  }
}

export interface SchemeSpec {
  id: string;
  country: string;
  name: string;
  hasChecksum: boolean;
  /** Characters the mask leaves visible at each end (maskMiddle may show fewer on short values). */
  keep: readonly [start: number, end: number];
  /** Rules on the normalised value: the first failing rule's reason, or null when valid. */
  check(value: string): string | null;
}

export function defineScheme(spec: SchemeSpec): NationalIdScheme {
  return {
    id: spec.id,
    country: spec.country,
    name: spec.name,
    hasChecksum: spec.hasChecksum,
    normalize: normalizeId,
    validate(raw: string): IdValidation {
      const value = normalizeId(raw);
      const error = spec.check(value);
      return error === null ? { valid: true, normalized: value } : { valid: false, error };
    },
    mask(raw: string): string {
      return maskMiddle(normalizeId(raw), spec.keep[0], spec.keep[1]);
    },
  };
}
