// India Aadhaar: 12 digits, first digit 2–9, not a palindrome, Verhoeff check digit. Dependency-free
// check shared by pages (value sniffing) and the full validator (lib/validate/national-id/in.ts).

export const AADHAAR_FORMAT = /^[2-9]\d{11}$/;
export const isPalindrome = (v: string): boolean => v === [...v].reverse().join('');

/** Verhoeff's dihedral-group product, computed instead of tabulated. */
const d5 = (j: number, k: number): number =>
  j < 5 ? (k < 5 ? (j + k) % 5 : ((j + k) % 5) + 5) : k < 5 ? ((j - k + 5) % 5) + 5 : (j - k + 5) % 5;
const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

/** True when the digit string (check digit last) passes Verhoeff. */
export function verhoeff(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    let x = digits.charCodeAt(digits.length - 1 - i) - 48;
    for (let k = i % 8; k > 0; k--) x = P1[x] ?? 0;
    c = d5(c, x);
  }
  return c === 0;
}

export const isInAadhaar = (v: string): boolean => AADHAAR_FORMAT.test(v) && !isPalindrome(v) && verhoeff(v);
