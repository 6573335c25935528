// China resident identity card (居民身份证), 18 characters: 6-digit region, YYYYMMDD, 3-digit serial,
// MOD 11-2 check character. The rule as data and a dependency-free check, used in pages (value
// sniffing) and by the full validator (lib/validate/national-id/cn.ts), which adds stdnum's check.
import { birthDateProblem } from './birth-date';

/**
 * First digit of the region code: 1–6 are mainland regions, 8 the residence permits for Hong Kong,
 * Macao and Taiwan residents. 7 (Taiwan) and 9 (foreigners' cards) are not on RICs.
 */
export const CN_RIC_REGION_FIRST_DIGIT = /^[1-68]/;
export const CN_RIC_FORMAT = /^[1-68]\d{16}[\dX]$/;

/** The check character of the first 17 digits: "10X98765432"[Σ dᵢ·(2^(17−i) mod 11) mod 11]. */
export function cnRicCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11]!;
}

/** `v`: normalised (upper case, no separators). */
export function isCnRic(v: string): boolean {
  return (
    CN_RIC_FORMAT.test(v) &&
    birthDateProblem(+v.slice(6, 10), +v.slice(10, 12), +v.slice(12, 14)) === null &&
    cnRicCheckChar(v) === v[17]
  );
}
