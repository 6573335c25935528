// Mexico CURP (Clave Única de Registro de Población), 18 characters: 4 name letters, YYMMDD, sex,
// state, 3 consonants, a century character and a check digit. The rule as data and a
// dependency-free check, shared by pages (value sniffing) and the full validator
// (lib/validate/national-id/mx.ts), which adds stdnum's list of forbidden name prefixes.
import { birthDateProblem } from './birth-date';

/** The 32 federal entities plus NE (born abroad), per RENAPO. */
export const CURP_STATES: ReadonlySet<string> = new Set(
  'AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(' '),
);
export const CURP_SHAPE = /^[A-Z]{4}\d{6}[A-Z]{6}[0-9A-Z]\d$/;
export const CURP_SEXES = 'HMX';
const ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ';

/** Character 17 tells the century: a digit for births up to 1999, a letter from 2000. */
export const curpBirthYear = (v: string): number => (/\d/.test(v.charAt(16)) ? 1900 : 2000) + Number(v.slice(4, 6));

export function curpCheckDigit(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] ?? '') * (18 - i);
  return (10 - (sum % 10)) % 10;
}

/** Format, sex, state, birth date and check digit of a normalised value. */
export function isMxCurp(v: string): boolean {
  return (
    CURP_SHAPE.test(v) &&
    CURP_SEXES.includes(v.charAt(10)) &&
    CURP_STATES.has(v.slice(11, 13)) &&
    birthDateProblem(curpBirthYear(v), +v.slice(6, 8), +v.slice(8, 10)) === null &&
    curpCheckDigit(v) === v.charCodeAt(17) - 48
  );
}
