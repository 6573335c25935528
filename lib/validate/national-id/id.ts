// Indonesia: NIK (Nomor Induk Kependudukan), 16 digits = province, regency, district, DDMMYY
// (women add 40 to the day), serial. No check digit; stdnum has no NIK, so hand-written.
import { birthDateError, defineScheme, digitsError, expandBirthYear, lengthError } from './scheme';

function nikError(v: string, now: Date): string | null {
  const province = Number(v.slice(0, 2));
  if (province < 11 || province > 94) return 'invalid province code';
  if (v.slice(2, 4) === '00' || v.slice(4, 6) === '00') return 'invalid regency or district code';
  const rawDay = Number(v.slice(6, 8));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const dateError = birthDateError(expandBirthYear(Number(v.slice(10, 12)), now), Number(v.slice(8, 10)), day, now);
  if (dateError) return dateError;
  if (v.slice(12) === '0000') return 'invalid serial';
  return null;
}

export const idNik = defineScheme({
  id: 'id-nik',
  country: 'ID',
  name: 'Indonesia NIK',
  hasChecksum: false,
  keep: [4, 4],
  check: (v) => lengthError(v, 16) ?? digitsError(v) ?? nikError(v, new Date()),
});
