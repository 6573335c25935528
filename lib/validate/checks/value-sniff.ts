// Recognises an ID number or bank card from a field's value alone (for fields the classifier missed).
// Only formats with a real check digit qualify; small hand-written checks, since this runs in every frame.

export interface SniffResult {
  kind: 'national-id' | 'bank-card';
  /** Same ids as lib/national-id ('cn-ric', 'mx-curp', 'br-cpf', 'in-aadhaar', 'th-id'); 'card' for cards. */
  scheme: string;
}

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** A real calendar date from 1900 up to today. */
function pastDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && t.getTime() <= Date.now();
}

/** China RIC, 18 chars: region 1–6/8, birth date, MOD 11-2 check character. */
function cnRic(v: string): boolean {
  if (!/^[1-68]\d{16}[\dX]$/.test(v)) return false;
  if (!pastDate(+v.slice(6, 10), +v.slice(10, 12), +v.slice(12, 14))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += digitAt(v, i) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] === v[17];
}

// The 32 federal entities plus NE (born abroad).
const CURP_STATES = 'AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(' ');

/**
 * Mexico CURP: format, sex, state, birth date, check digit. RENAPO's list of forbidden name
 * prefixes (checked by the full validator) is left out: such a value is merely never issued.
 */
function mxCurp(v: string): boolean {
  if (!/^[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d$/.test(v)) return false;
  if (!CURP_STATES.includes(v.slice(11, 13))) return false;
  // Character 17 is a digit for births up to 1999, a letter from 2000.
  const century = /\d/.test(v[16] ?? '') ? 1900 : 2000;
  if (!pastDate(century + +v.slice(4, 6), +v.slice(6, 8), +v.slice(8, 10))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ'.indexOf(v[i] ?? '') * (18 - i);
  return (10 - (sum % 10)) % 10 === digitAt(v, 17);
}

/** Brazil CPF: two mod-11 check digits; repeated digits (111.111.111-11) pass them but are never issued. */
function brCpf(v: string): boolean {
  if (/^(\d)\1*$/.test(v)) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += digitAt(v, i) * (n + 1 - i);
    if (((sum * 10) % 11) % 10 !== digitAt(v, n)) return false;
  }
  return true;
}

/** Verhoeff's dihedral-group product, computed instead of tabulated. */
const d5 = (j: number, k: number): number =>
  j < 5 ? (k < 5 ? (j + k) % 5 : ((j + k) % 5) + 5) : k < 5 ? ((j - k + 5) % 5) + 5 : (j - k + 5) % 5;
const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

/** India Aadhaar: 12 digits, first 2–9, not a palindrome, Verhoeff check digit. */
function inAadhaar(v: string): boolean {
  if (!/^[2-9]\d{11}$/.test(v) || v === [...v].reverse().join('')) return false;
  let c = 0;
  for (let i = 0; i < 12; i++) {
    let x = digitAt(v, 11 - i);
    for (let k = i % 8; k > 0; k--) x = P1[x] ?? 0;
    c = d5(c, x);
  }
  return c === 0;
}

/** Thailand ID: 13 digits, first 1–8, mod-11 check digit. */
function thId(v: string): boolean {
  if (!/^[1-8]\d{12}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += digitAt(v, i) * (13 - i);
  return (11 - (sum % 11)) % 10 === digitAt(v, 12);
}

/** Bank card: 13–19 digits, not all the same, Luhn. UnionPay's Luhn-less cards are left out on purpose. */
function card(v: string): boolean {
  if (!/^\d{13,19}$/.test(v) || /^(\d)\1*$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    let d = digitAt(v, v.length - 1 - i);
    if (i % 2) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * What a typed value is, from the value alone, or null. Spaces and dashes between groups are
 * allowed, except for a CPF, which counts only as `ddd.ddd.ddd-dd` or exactly 11 digits.
 * A random digit string of the right length still passes a check digit about 1 time in 10.
 */
export function sniffValue(raw: string): SniffResult | null {
  if (raw.length > 40) return null;
  const v = raw.normalize('NFKC').trim().toUpperCase();
  const c = v.replace(/[\s\-\u2010-\u2015\u2212]+/g, '');
  const id = (scheme: string): SniffResult => ({ kind: 'national-id', scheme });
  if (c.length === 18 && cnRic(c)) return id('cn-ric');
  if (c.length === 18 && mxCurp(c)) return id('mx-curp');
  if (/^(\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11})$/.test(v) && brCpf(v.replace(/\D/g, ''))) return id('br-cpf');
  if (inAadhaar(c)) return id('in-aadhaar');
  if (thId(c)) return id('th-id');
  if (card(c)) return { kind: 'bank-card', scheme: 'card' };
  return null;
}
