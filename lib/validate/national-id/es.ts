// Spain: DNI (8 digits + check letter) and NIE for foreigners (X/Y/Z + 7 digits + check letter).
import * as dni from 'stdnum/lib/esm/es/dni.js';
import * as nie from 'stdnum/lib/esm/es/nie.js';
import { defineScheme, ERR_CHARS, lengthError, repeatedError, stdnumError } from './scheme';

export const esDni = defineScheme({
  id: 'es-dni',
  country: 'ES',
  name: 'Spain DNI',
  hasChecksum: true,
  keep: [2, 2],
  // stdnum also accepts K/L/M-prefixed NIFs without checking their letter; those are not DNIs,
  // so the 8-digit shape is enforced here before stdnum runs.
  check: (v) =>
    lengthError(v, 9) ??
    (/^\d{8}[A-Z]$/.test(v) ? null : ERR_CHARS) ??
    repeatedError(v.slice(0, 8)) ??
    stdnumError(dni.validate(v), 'invalid component'),
});

export const esNie = defineScheme({
  id: 'es-nie',
  country: 'ES',
  name: 'Spain NIE (foreigner identity number)',
  hasChecksum: true,
  keep: [1, 2],
  check: (v) =>
    lengthError(v, 9) ??
    (/^[XYZ]\d{7}[A-Z]$/.test(v) ? null : ERR_CHARS) ??
    stdnumError(nie.validate(v), 'invalid component'),
});
