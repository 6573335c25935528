// Kenya: national ID card number, 7–8 digits, no check digit.
import { defineScheme, digitsError, lengthRangeError, repeatedError } from './scheme';

export const keId = defineScheme({
  id: 'ke-id',
  country: 'KE',
  name: 'Kenya national ID number',
  hasChecksum: false,
  keep: [1, 2],
  check: (v) => lengthRangeError(v, 7, 8) ?? digitsError(v) ?? repeatedError(v),
});
