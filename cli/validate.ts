// `validate --kind national-id|phone|bank-card [--country CC]`: checks one value per stdin line.
import { checkBankCard, checkClabe } from '../lib/validate/bank-card';
import { checkNationalId, isKnownIdCountry } from '../lib/validate/national-id';
import { checkPhone } from '../lib/validate/phone';
import type { ValueCheck } from '../lib/types';
import { CliError, type ParsedArgs } from './args';
import { readLines } from './line-reader';
import { writeLines } from './output';

const KINDS = ['national-id', 'phone', 'bank-card'] as const;
type Kind = (typeof KINDS)[number];

/** Lines over this are rejected unread: no ID, phone or card number is anywhere near it. */
export const MAX_LINE_BYTES = 4096;

export interface ValidateLine {
  input: string;
  valid: boolean;
  kind: Kind;
  country: string | null;
  normalized: string | null;
  masked: string | null;
  error: string | null;
  scheme?: string;
  matches?: string[];
}

export function checkerFor(kind: Kind, country: string | undefined): (value: string) => ValueCheck & { matches?: string[] } {
  switch (kind) {
    case 'national-id':
      return (value) => checkNationalId(value, country ? { country } : undefined);
    case 'phone':
      return (value) => checkPhone(value, country);
    case 'bank-card':
      // In Mexico an 18-digit CLABE is what loan sites ask for; elsewhere a card number.
      return (value) => {
        const card = checkBankCard(value);
        if (card.valid || (country !== undefined && country !== 'MX')) return card;
        const clabe = checkClabe(value);
        return clabe.valid ? clabe : card;
      };
  }
}

function toLine(input: string, kind: Kind, check: ValueCheck & { matches?: string[] }): ValidateLine {
  return {
    input,
    valid: check.valid,
    kind,
    country: check.country ?? null,
    normalized: check.valid ? (check.normalized ?? null) : null,
    masked: check.valid ? (check.masked ?? null) : null,
    error: check.valid ? null : (check.error ?? 'invalid'),
    ...(check.scheme ? { scheme: check.scheme } : {}),
    ...(check.matches && check.matches.length > 0 ? { matches: check.matches } : {}),
  };
}

export async function runValidate({ positional, options }: ParsedArgs): Promise<number> {
  if (positional.length > 0) throw new CliError(`validate reads values from stdin, not arguments (got "${positional[0]}")`);
  const kind = options.get('kind');
  if (kind === undefined) throw new CliError('validate needs --kind national-id|phone|bank-card');
  if (!(KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown kind "${kind}" (expected national-id, phone or bank-card)`);
  const country = options.get('country')?.toUpperCase();
  if (country !== undefined) {
    if (!/^[A-Z]{2}$/.test(country)) throw new CliError(`--country must be a two-letter country code, got "${country}"`);
    if (kind === 'national-id' && !isKnownIdCountry(country)) throw new CliError(`no national ID rules for country "${country}"`);
  }
  const check = checkerFor(kind as Kind, country);

  // An invalid value is a result (exit 0); an unreadable line is an input error (exit 1 at the end).
  let badLines = 0;
  let batch: string[] = [];
  for await (const line of readLines(process.stdin, MAX_LINE_BYTES)) {
    let out: ValidateLine | { input: string | null; valid: false; kind: string; error: string };
    if (!line.ok || line.text.trim() === '') {
      badLines++;
      out = line.ok
        ? { input: line.text, valid: false, kind, error: 'empty line' }
        : { input: null, valid: false, kind, error: line.error };
    } else {
      out = toLine(line.text, kind as Kind, check(line.text.trim()));
    }
    batch.push(JSON.stringify(out));
    if (batch.length >= 2000) {
      await writeLines(batch);
      batch = [];
    }
  }
  await writeLines(batch);
  return badLines > 0 ? 1 : 0;
}
