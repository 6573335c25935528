// Luhn (mod 10), the check digit of payment cards. Dependency-free: pages sniff card numbers with it
// and lib/validate/bank-card.ts builds the full card check on it.

/** Luhn checksum over a string of ASCII digits; false for anything else. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A 13–19 digit card number that passes Luhn and is not one digit repeated. */
export const isCardNumber = (v: string): boolean => /^\d{13,19}$/.test(v) && !/^(\d)\1*$/.test(v) && luhn(v);
