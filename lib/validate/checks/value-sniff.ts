// Recognises an ID number or bank card from a field's value alone (for fields the classifier missed).
// Only formats with a real check digit qualify. Runs in every frame, so it composes the small,
// dependency-free checks beside it, the same ones the full validators build on.
import { isBrCpf } from './br-cpf';
import { isCnRic } from './cn-ric';
import { isInAadhaar } from './in-aadhaar';
import { isCardNumber } from './luhn';
import { isMxCurp } from './mx-curp';
import { isThId } from './th-id';

export interface SniffResult {
  kind: 'national-id' | 'bank-card';
  /** Same ids as lib/validate/national-id ('cn-ric', 'mx-curp', 'br-cpf', 'in-aadhaar', 'th-id'); 'card' for cards. */
  scheme: string;
}

/** Checksum ID formats tried on a value, in order; each id is the full validator's scheme id. */
export const SNIFFED_ID_SCHEMES: readonly { scheme: string; check: (v: string) => boolean }[] = [
  { scheme: 'cn-ric', check: isCnRic },
  { scheme: 'mx-curp', check: isMxCurp },
  { scheme: 'br-cpf', check: isBrCpf },
  { scheme: 'in-aadhaar', check: isInAadhaar },
  { scheme: 'th-id', check: isThId },
];

/**
 * What a typed value is, from the value alone, or null. Spaces and dashes between groups are
 * allowed, except for a CPF, which counts only as `ddd.ddd.ddd-dd` or exactly 11 digits.
 * A random digit string of the right length still passes a check digit about 1 time in 10.
 */
export function sniffValue(raw: string): SniffResult | null {
  if (raw.length > 40) return null;
  const v = raw.normalize('NFKC').trim().toUpperCase();
  const compact = v.replace(/[\s\-\u2010-\u2015\u2212]+/g, '');
  for (const { scheme, check } of SNIFFED_ID_SCHEMES) {
    if (scheme === 'br-cpf') {
      if (/^(\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11})$/.test(v) && check(v.replace(/\D/g, ''))) return { kind: 'national-id', scheme };
    } else if (check(compact)) return { kind: 'national-id', scheme };
  }
  return isCardNumber(compact) ? { kind: 'bank-card', scheme: 'card' } : null;
}
