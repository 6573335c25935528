// Mexico: CURP (Clave Única de Registro de Población), 18 characters with a check digit.
import * as curp from 'stdnum/lib/esm/mx/curp.js';
import { birthDateError, defineScheme, ERR_CHARS, lengthError, stdnumError } from './scheme';

import { CURP_SEXES, CURP_SHAPE, CURP_STATES, curpBirthYear } from '../checks/mx-curp';

export const mxCurp = defineScheme({
  id: 'mx-curp',
  country: 'MX',
  name: 'Mexico CURP',
  hasChecksum: true,
  keep: [4, 2],
  check: (v) =>
    lengthError(v, 18) ??
    (CURP_SHAPE.test(v) ? null : ERR_CHARS) ??
    (CURP_SEXES.includes(v.charAt(10)) ? null : 'invalid sex') ??
    (CURP_STATES.has(v.slice(11, 13)) ? null : 'invalid state code') ??
    birthDateError(curpBirthYear(v), Number(v.slice(6, 8)), Number(v.slice(8, 10))) ??
    // What stdnum still checks as a component is RENAPO's list of offensive name prefixes.
    stdnumError(curp.validate(v), 'forbidden name prefix'),
});
