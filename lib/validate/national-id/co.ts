// Colombia: cédula de ciudadanía, 6–10 digits, no check digit (stdnum only has the NIT).
import { defineScheme, digitsError, lengthRangeError, repeatedError } from './scheme';

export const coCedula = defineScheme({
  id: 'co-cedula',
  country: 'CO',
  name: 'Colombia cédula de ciudadanía',
  hasChecksum: false,
  keep: [2, 2],
  // Cédulas are plain integers, so a leading zero means the value is something else.
  check: (v) =>
    lengthRangeError(v, 6, 10) ??
    digitsError(v) ??
    (v.startsWith('0') ? 'leading zero' : null) ??
    repeatedError(v),
});
