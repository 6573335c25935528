// Brazil: CPF (Cadastro de Pessoas Físicas), 11 digits ending in two mod-11 check digits.
import * as cpf from 'stdnum/lib/esm/br/cpf.js';
import { defineScheme, digitsError, lengthError, repeatedError, stdnumError } from './scheme';

export const brCpf = defineScheme({
  id: 'br-cpf',
  country: 'BR',
  name: 'Brazil CPF',
  hasChecksum: true,
  keep: [3, 2],
  // 111.111.111-11 and the like pass both check digits but are never issued; stdnum accepts them.
  check: (v) =>
    lengthError(v, 11) ?? digitsError(v) ?? repeatedError(v) ?? stdnumError(cpf.validate(v), 'invalid component'),
});
