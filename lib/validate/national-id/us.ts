// United States: Social Security Number, 9 digits (area-group-serial). Structural rules only.
import * as ssn from 'stdnum/lib/esm/us/ssn.js';
import { defineScheme, digitsError, lengthError, stdnumError } from './scheme';

function partsError(v: string): string | null {
  if (/^(000|666|9)/.test(v)) return 'invalid area number';
  if (v.slice(3, 5) === '00') return 'invalid group number';
  // stdnum does not check the serial.
  if (v.slice(5) === '0000') return 'invalid serial number';
  return null;
}

export const usSsn = defineScheme({
  id: 'us-ssn',
  country: 'US',
  name: 'US Social Security number',
  hasChecksum: false,
  keep: [0, 4],
  // What stdnum still rejects is its list of publicised/advertising numbers (e.g. 078-05-1120).
  check: (v) =>
    lengthError(v, 9) ?? digitsError(v) ?? partsError(v) ?? stdnumError(ssn.validate(v), 'known invalid number'),
});
