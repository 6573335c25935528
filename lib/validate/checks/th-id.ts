// Thailand national ID: 13 digits, first digit (the person's category) 1–8, mod-11 check digit.
// Dependency-free check shared by pages (value sniffing) and the full validator (national-id/th.ts).

export const TH_ID_FORMAT = /^[1-8]\d{12}$/;

export function thIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export const isThId = (v: string): boolean => TH_ID_FORMAT.test(v) && thIdCheckDigit(v) === v.charCodeAt(12) - 48;
