// Pakistan: CNIC, 13 digits written 5-7-1 (locality, family/serial, sex). No check digit.
import * as cnic from 'stdnum/lib/esm/pk/cnic.js';
import { defineScheme, digitsError, lengthError, stdnumError } from './scheme';

export const pkCnic = defineScheme({
  id: 'pk-cnic',
  country: 'PK',
  name: 'Pakistan CNIC',
  hasChecksum: false,
  keep: [3, 2],
  check: (v) =>
    lengthError(v, 13) ??
    digitsError(v) ??
    (/^[1-7]/.test(v) ? null : 'invalid province code') ??
    // The last digit is odd for men and even for women; 0 is not used.
    (v.endsWith('0') ? 'invalid sex digit' : null) ??
    stdnumError(cnic.validate(v), 'invalid component'),
});
