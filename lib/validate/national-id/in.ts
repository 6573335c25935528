// India: Aadhaar (12 digits, Verhoeff check) and PAN (tax account number, no public check digit).
import * as aadhaar from 'stdnum/lib/esm/in/aadhaar.js';
import * as pan from 'stdnum/lib/esm/in/pan.js';
import { AADHAAR_FORMAT, isPalindrome } from '../checks/in-aadhaar';
import { defineScheme, digitsError, ERR_CHARS, lengthError, stdnumError } from './scheme';

export const inAadhaar = defineScheme({
  id: 'in-aadhaar',
  country: 'IN',
  name: 'India Aadhaar number',
  hasChecksum: true,
  // UIDAI's own "masked Aadhaar" shows only the last four digits.
  keep: [0, 4],
  check: (v) =>
    lengthError(v, 12) ??
    digitsError(v) ??
    (AADHAAR_FORMAT.test(v) ? null : 'invalid first digit') ??
    (isPalindrome(v) ? 'palindrome' : null) ??
    stdnumError(aadhaar.validate(v), 'invalid component'),
});

export const inPan = defineScheme({
  id: 'in-pan',
  country: 'IN',
  name: 'India PAN',
  // The last letter is a check character, but its algorithm is unpublished: treat as no checksum.
  hasChecksum: false,
  keep: [3, 1],
  check: (v) =>
    lengthError(v, 10) ??
    (/^[A-Z]{5}\d{4}[A-Z]$/.test(v) ? null : ERR_CHARS) ??
    (v.slice(5, 9) === '0000' ? 'invalid serial' : null) ??
    stdnumError(pan.validate(v), 'invalid holder type'),
});
