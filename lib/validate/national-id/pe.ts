// Peru: DNI (CUI), 8 digits, optionally followed by the check character printed on the card.
import * as cui from 'stdnum/lib/esm/pe/cui.js';
import { defineScheme, ERR_CHARS, lengthError, repeatedError, stdnumError } from './scheme';

export const peDni = defineScheme({
  id: 'pe-dni',
  country: 'PE',
  name: 'Peru DNI',
  // Forms almost always take the bare 8 digits, which carry no check; and a 9-digit value passes
  // the optional check about 1 time in 11 (Peruvian mobiles are 9 digits). So never value-only.
  hasChecksum: false,
  keep: [2, 2],
  check: (v) =>
    lengthError(v, 8, 9) ??
    (/^\d{8}[0-9A-K]?$/.test(v) ? null : ERR_CHARS) ??
    repeatedError(v.slice(0, 8)) ??
    stdnumError(cui.validate(v), 'invalid component'),
});
