// Registry of national ID schemes and the one entry point the detector uses: checkNationalId.
// Formats without a check digit are only tried when the field's context names their country.
import type { ValueCheck } from '@/lib/types';
import { brCpf } from './br';
import { clRut } from './cl';
import { cnRic, cnRic15 } from './cn';
import { coCedula } from './co';
import { esDni, esNie } from './es';
import { idNik } from './id';
import { inAadhaar, inPan } from './in';
import { keId } from './ke';
import { mxCurp } from './mx';
import { ngBvn, ngNin } from './ng';
import { peDni } from './pe';
import { phPhilsys } from './ph';
import { pkCnic } from './pk';
import { errorStage, type NationalIdScheme } from './scheme';
import { thId } from './th';
import { usSsn } from './us';
import { vnCccd } from './vn';

export type { NationalIdScheme } from './scheme';

/** Order matters: within a country the primary scheme comes first, and the first match is reported. */
export const NATIONAL_ID_SCHEMES: readonly NationalIdScheme[] = [
  cnRic,
  cnRic15,
  mxCurp,
  inAadhaar,
  inPan,
  idNik,
  brCpf,
  thId,
  peDni,
  clRut,
  esDni,
  esNie,
  pkCnic,
  vnCccd,
  phPhilsys,
  ngNin,
  ngBvn,
  keId,
  coCedula,
  usSsn,
];

export function schemesForCountry(country: string): NationalIdScheme[] {
  const cc = country.trim().toUpperCase();
  return NATIONAL_ID_SCHEMES.filter((s) => s.country === cc);
}

export function isKnownIdCountry(country: string): boolean {
  return schemesForCountry(country).length > 0;
}

export type NationalIdCheck = ValueCheck & { matches: string[] };

const NO_CHECKSUM_MATCH = 'no ID format with a check digit matches';

/**
 * Check a value. With `country` (the field's label named the scheme): try every scheme of that
 * country, checksum or not. Without it, or for a country we have no scheme for: try only schemes
 * with a check digit, since a number whose format has none must never be flagged from its value
 * alone. Valid: the first matching scheme, with `matches` listing every scheme that accepted it.
 * Invalid: the error from the scheme the value got furthest in (the country's own when given).
 */
export function checkNationalId(raw: string, opts?: { country?: string }): NationalIdCheck {
  const countrySchemes = opts?.country ? schemesForCountry(opts.country) : [];
  const byCountry = countrySchemes.length > 0;
  const candidates = byCountry ? countrySchemes : NATIONAL_ID_SCHEMES.filter((s) => s.hasChecksum);

  let first: { scheme: NationalIdScheme; normalized: string } | undefined;
  const matches: string[] = [];
  let best: { error: string; stage: number } | undefined;
  for (const scheme of candidates) {
    const result = scheme.validate(raw);
    if (result.valid) {
      matches.push(scheme.id);
      first ??= { scheme, normalized: result.normalized };
    } else {
      const stage = errorStage(result.error);
      if (!best || stage > best.stage) best = { error: result.error, stage };
    }
  }

  if (first) {
    return {
      valid: true,
      kind: 'national-id',
      country: first.scheme.country,
      scheme: first.scheme.id,
      normalized: first.normalized,
      masked: first.scheme.mask(raw),
      matches,
    };
  }
  // Without a named country, "wrong length for every scheme" only means "not an ID we can verify".
  const error = !best || (!byCountry && best.stage === 0) ? NO_CHECKSUM_MATCH : best.error;
  return {
    valid: false,
    kind: 'national-id',
    ...(byCountry ? { country: countrySchemes[0]?.country } : {}),
    error,
    matches: [],
  };
}
