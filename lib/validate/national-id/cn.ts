// China: resident identity card (居民身份证), 18-character form with MOD 11-2 check and the
// legacy 15-digit form (no check digit, issued until 2004).
import * as ric from 'stdnum/lib/esm/cn/ric.js';
import { birthDateError, defineScheme, ERR_CHARS, ERR_DATE, lengthError, stdnumError } from './scheme';

import { CN_RIC_REGION_FIRST_DIGIT } from '../checks/cn-ric';

function regionError(value: string): string | null {
  return CN_RIC_REGION_FIRST_DIGIT.test(value) ? null : 'invalid region code';
}

export const cnRic = defineScheme({
  id: 'cn-ric',
  country: 'CN',
  name: 'China resident identity card',
  hasChecksum: true,
  keep: [4, 4],
  check: (v) =>
    lengthError(v, 18) ??
    (/^\d{17}[\dX]$/.test(v) ? null : ERR_CHARS) ??
    regionError(v) ??
    birthDateError(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14))) ??
    stdnumError(ric.validate(v), ERR_DATE),
});

export const cnRic15 = defineScheme({
  id: 'cn-ric-15',
  country: 'CN',
  name: 'China resident identity card (legacy 15-digit)',
  hasChecksum: false,
  keep: [4, 3],
  // Legacy cards were only issued to people born in the 1900s, so YY is always 19YY.
  check: (v) =>
    lengthError(v, 15) ??
    (/^\d{15}$/.test(v) ? null : ERR_CHARS) ??
    regionError(v) ??
    birthDateError(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12))),
});
