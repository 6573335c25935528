// Chile: RUN/RUT of a person, 7–8 digit body plus a mod-11 check character (0–9 or K).
import * as rut from 'stdnum/lib/esm/cl/rut.js';
import { defineScheme, ERR_CHARS, lengthError, stdnumError } from './scheme';

// Bodies from 50,000,000 up are companies' RUTs, not people's; excluding them also keeps Chilean
// 9-digit mobile numbers (9XXXXXXXX) from passing as a RUT one time in eleven.
const PERSON_BODY_LIMIT = 50_000_000;

function bodyError(v: string): string | null {
  const body = Number(v.slice(0, -1));
  if (body === 0) return 'invalid body';
  return body < PERSON_BODY_LIMIT ? null : 'company RUT range';
}

export const clRut = defineScheme({
  id: 'cl-rut',
  country: 'CL',
  name: 'Chile RUT/RUN',
  hasChecksum: true,
  keep: [2, 2],
  check: (v) =>
    lengthError(v, 8, 9) ??
    (/^\d{7,8}[\dK]$/.test(v) ? null : ERR_CHARS) ??
    bodyError(v) ??
    stdnumError(rut.validate(v), 'invalid component'),
});
