// Nigeria: NIN (National Identification Number) and BVN (Bank Verification Number), both 11
// digits with no check digit, so they are only ever recognised from the field's context.
import { defineScheme, digitsError, lengthError, repeatedError } from './scheme';

const elevenDigits = (v: string): string | null => lengthError(v, 11) ?? digitsError(v) ?? repeatedError(v);

export const ngNin = defineScheme({
  id: 'ng-nin',
  country: 'NG',
  name: 'Nigeria NIN',
  hasChecksum: false,
  keep: [2, 2],
  check: elevenDigits,
});

export const ngBvn = defineScheme({
  id: 'ng-bvn',
  country: 'NG',
  name: 'Nigeria BVN',
  hasChecksum: false,
  keep: [2, 2],
  check: elevenDigits,
});
