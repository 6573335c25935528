// Philippines: PhilSys number (12-digit PSN or the 16-digit card number, PCN). No check digit.
import { defineScheme, digitsError, lengthError, repeatedError } from './scheme';

export const phPhilsys = defineScheme({
  id: 'ph-philsys',
  country: 'PH',
  name: 'Philippines PhilSys number',
  hasChecksum: false,
  keep: [0, 4],
  check: (v) => lengthError(v, 12, 16) ?? digitsError(v) ?? repeatedError(v),
});
