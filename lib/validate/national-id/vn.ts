// Vietnam: CCCD/personal identification number, 12 digits = 3-digit province of birth registration,
// century/sex digit, 2-digit birth year, 6 random digits. No check digit; not in stdnum.
import { birthDateError, defineScheme, digitsError, lengthError } from './scheme';

// Province codes from Circular 07/2016/TT-BCA (the 63 pre-2025 provinces; cards keep them).
const PROVINCES = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 ' +
    '040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 ' +
    '083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

function cccdError(v: string): string | null {
  if (!PROVINCES.has(v.slice(0, 3))) return 'invalid province code';
  // 0/1 = man/woman born 1900–1999, 2/3 = 2000–2099; higher pairs are later centuries (future).
  const centuryDigit = Number(v.charAt(3));
  const year = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(v.slice(4, 6));
  return birthDateError(year, 1, 1);
}

export const vnCccd = defineScheme({
  id: 'vn-cccd',
  country: 'VN',
  name: 'Vietnam citizen identity card (CCCD)',
  hasChecksum: false,
  keep: [3, 3],
  check: (v) => lengthError(v, 12) ?? digitsError(v) ?? cccdError(v),
});
