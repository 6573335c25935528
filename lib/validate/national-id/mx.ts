// Mexico: CURP (Clave Única de Registro de Población), 18 characters with a check digit.
import * as curp from 'stdnum/lib/esm/mx/curp.js';
import { birthDateError, defineScheme, ERR_CHARS, lengthError, stdnumError } from './scheme';

// The 32 federal entities plus NE (born abroad), per RENAPO.
const STATES = new Set(
  'AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(' '),
);

export const mxCurp = defineScheme({
  id: 'mx-curp',
  country: 'MX',
  name: 'Mexico CURP',
  hasChecksum: true,
  keep: [4, 2],
  check: (v) =>
    lengthError(v, 18) ??
    (/^[A-Z]{4}\d{6}[A-Z]{6}[0-9A-Z]\d$/.test(v) ? null : ERR_CHARS) ??
    ('HMX'.includes(v.charAt(10)) ? null : 'invalid sex') ??
    (STATES.has(v.slice(11, 13)) ? null : 'invalid state code') ??
    // Character 17 tells the century apart: a digit for births up to 1999, a letter from 2000.
    birthDateError(
      (/\d/.test(v.charAt(16)) ? 1900 : 2000) + Number(v.slice(4, 6)),
      Number(v.slice(6, 8)),
      Number(v.slice(8, 10)),
    ) ??
    // What stdnum still checks as a component is RENAPO's list of offensive name prefixes.
    stdnumError(curp.validate(v), 'forbidden name prefix'),
});
