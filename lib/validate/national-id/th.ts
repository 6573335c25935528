// Thailand: national identity card number, 13 digits with a mod-11 check digit.
import * as idnr from 'stdnum/lib/esm/th/idnr.js';
import { TH_ID_FORMAT } from '../checks/th-id';
import { defineScheme, digitsError, lengthError, stdnumError } from './scheme';

export const thId = defineScheme({
  id: 'th-id',
  country: 'TH',
  name: 'Thailand national ID number',
  hasChecksum: true,
  keep: [1, 3],
  // The first digit is the person's category (1–8); stdnum rejects 0 and 9 as an InvalidComponent.
  check: (v) =>
    lengthError(v, 13) ??
    digitsError(v) ??
    (TH_ID_FORMAT.test(v) ? null : 'invalid first digit') ??
    stdnumError(idnr.validate(v), 'invalid first digit'),
});
