// Pure import/export of the trusted-platform list: reads our JSON export, a JSON array or plain text
// (one domain a line) into a TrustedList, all-or-nothing, with every problem located; writes both formats.
import { normalizeTrustedEntry } from './site-identity';
import type { TrustedList, TrustedSite } from './trusted-list';

/** Larger imports are refused as a whole (bytes of UTF-8). */
export const IMPORT_MAX_BYTES = 1024 * 1024;
/** Same as the stored list's limit. */
export const IMPORT_MAX_ENTRIES = 10_000;
export const TRUSTED_NOTE_MAX = 200;
/** Offending text is shown clipped to this many characters. */
const PROBLEM_TEXT_MAX = 80;
/** A file full of mistakes is summarised after this many problems ("… and N more"). */
export const IMPORT_MAX_PROBLEMS = 50;

export interface ImportProblem {
  /** Where in the input: "line 3", "sites[2].note", "[4]", or "" for the input as a whole. */
  where: string;
  /** A `trusted_*` locale key saying what is wrong. */
  messageKey: string;
  /** The offending text, clipped to 80 characters ('' when there is none). */
  text: string;
}

export type ImportResult =
  | { ok: true; list: TrustedList; skipped: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

/**
 * normalizeTrustedEntry with its reason turned into a locale key. site-identity's reasons are English
 * sentences for the CLI; they are matched here so the UI can say the same thing in the user's language.
 */
export function normalizeTrustedInput(input: string): { ok: true; site: string } | { ok: false; messageKey: string } {
  const normalized = normalizeTrustedEntry(input);
  if (normalized.ok) return normalized;
  return { ok: false, messageKey: entryErrorKey(normalized.error) };
}

function entryErrorKey(error: string): string {
  if (error === 'empty entry') return 'trusted_error_empty';
  if (error.includes('too long')) return 'trusted_error_too_long';
  if (error.includes('spaces')) return 'trusted_error_spaces';
  if (error.includes('only web addresses')) return 'trusted_error_scheme';
  if (error.includes('"@"')) return 'trusted_error_userinfo';
  if (error.includes('public suffix')) return 'trusted_error_public_suffix';
  if (error.includes('not a complete domain')) return 'trusted_error_incomplete';
  return 'trusted_error_invalid';
}

/** Tidies a note: line breaks and tabs become spaces, outer spaces go. */
export function cleanNote(note: string): string {
  return note.replace(/[\r\n\t\f\v]+/g, ' ').trim();
}

/**
 * Union of two lists: `base` keeps its order, entries and notes; sites only in `incoming` are
 * appended; an incoming note fills a base entry whose note is empty.
 */
export function mergeTrustedLists(base: TrustedList, incoming: TrustedList): { list: TrustedList; added: number; changed: boolean } {
  const bySite = new Map<string, TrustedSite>(base.sites.map((entry) => [entry.site, { ...entry }]));
  let added = 0;
  let changed = false;
  for (const entry of incoming.sites) {
    const existing = bySite.get(entry.site);
    if (!existing) {
      bySite.set(entry.site, { ...entry });
      added++;
      changed = true;
    } else if (existing.note === '' && entry.note !== '') {
      existing.note = entry.note;
      changed = true;
    }
  }
  return { list: { version: 1, sites: [...bySite.values()] }, added, changed };
}

const clip = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > PROBLEM_TEXT_MAX ? `${chars.slice(0, PROBLEM_TEXT_MAX - 1).join('')}…` : text;
};
const problem = (where: string, messageKey: string, text = ''): ImportProblem => ({ where, messageKey, text: clip(text) });
const fail = (...problems: ImportProblem[]): ImportResult => ({ ok: false, problems });
const shown = (value: unknown): string => {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function utf8Length(text: string): number {
  // Every UTF-16 unit is at most 3 UTF-8 bytes; skip the encoding when the answer is clear.
  if (text.length > IMPORT_MAX_BYTES) return text.length;
  if (text.length * 3 <= IMPORT_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/** One entry before normalisation, with where it came from. */
interface RawEntry {
  where: string;
  site: string;
  note: string;
  addedAt: number;
}

/** Reads an import; any bad entry refuses the whole import, so nothing changes by half. */
export function parseTrustedImport(text: string, now: number): ImportResult {
  if (utf8Length(text) > IMPORT_MAX_BYTES) return fail(problem('', 'trusted_import_too_big'));
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trim();
  if (trimmed === '') return fail(problem('', 'trusted_import_empty'));

  let entries: RawEntry[] | ImportProblem[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    let parsed = true;
    try {
      json = JSON.parse(trimmed);
    } catch {
      parsed = false;
    }
    if (parsed) {
      entries = entriesFromJson(json, now);
    } else {
      // "[::1]" on its own line is plain text, not broken JSON.
      const asText = entriesFromText(body, now);
      const readable = asText.length > 0 && isEntryList(asText) && asText.every((entry) => normalizeTrustedEntry(entry.site).ok);
      if (!readable) return fail(problem('', 'trusted_import_bad_json', trimmed.split(/\r\n|\n|\r/, 1)[0] ?? ''));
      entries = asText;
    }
  } else {
    entries = entriesFromText(body, now);
  }
  if (!isEntryList(entries)) return fail(...capped(entries));
  if (entries.length === 0) return fail(problem('', 'trusted_import_empty'));
  if (entries.length > IMPORT_MAX_ENTRIES) return fail(problem('', 'trusted_import_too_many', String(entries.length)));
  return buildList(entries);
}

const isEntryList = (value: RawEntry[] | ImportProblem[]): value is RawEntry[] => value.length === 0 || 'site' in value[0]!;

function capped(problems: ImportProblem[]): ImportProblem[] {
  if (problems.length <= IMPORT_MAX_PROBLEMS) return problems;
  return [...problems.slice(0, IMPORT_MAX_PROBLEMS), problem('', 'trusted_import_more_problems', String(problems.length - IMPORT_MAX_PROBLEMS))];
}

/** Plain text: one entry a line; `#` starts a comment (a comment after an entry becomes its note). */
function entriesFromText(text: string, now: number): RawEntry[] | ImportProblem[] {
  const entries: RawEntry[] = [];
  const problems: ImportProblem[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (const [index, line] of lines.entries()) {
    // '#' only starts a comment at the line start or after a space: "https://x.example/#a" keeps its fragment.
    const match = /^(.*?)(?:(?:^|\s)#(.*))?$/.exec(line);
    const entry = (match?.[1] ?? line).trim();
    if (entry === '') continue;
    const note = cleanNote(match?.[2] ?? '');
    const where = `line ${index + 1}`;
    if (note.length > TRUSTED_NOTE_MAX) problems.push(problem(where, 'trusted_import_note_too_long', note));
    entries.push({ where, site: entry, note, addedAt: now });
  }
  if (entries.length > IMPORT_MAX_ENTRIES) return entries;
  return problems.length > 0 ? problems : entries;
}

/** Our export `{version: 1, sites: [...]}`, or an array of domain strings / `{site, note?}` objects. */
function entriesFromJson(json: unknown, now: number): RawEntry[] | ImportProblem[] {
  let items: unknown[];
  let prefix: string;
  if (Array.isArray(json)) {
    items = json;
    prefix = '';
  } else if (json !== null && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    if (!('sites' in record) && !('version' in record)) return [problem('', 'trusted_import_bad_shape', shown(json))];
    if (record.version !== 1) return [problem('version', 'trusted_import_bad_version', shown(record.version ?? ''))];
    if (!Array.isArray(record.sites)) return [problem('sites', 'trusted_import_sites_not_array', shown(record.sites ?? ''))];
    items = record.sites;
    prefix = 'sites';
  } else {
    return [problem('', 'trusted_import_bad_shape', shown(json))];
  }
  if (items.length > IMPORT_MAX_ENTRIES) return [problem('', 'trusted_import_too_many', String(items.length))];

  const entries: RawEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const [index, item] of items.entries()) {
    const where = `${prefix}[${index}]`;
    if (typeof item === 'string') {
      entries.push({ where, site: item, note: '', addedAt: now });
      continue;
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(problem(where, 'trusted_import_bad_entry', shown(item)));
      continue;
    }
    const record = item as Record<string, unknown>;
    if (typeof record.site !== 'string') {
      problems.push(problem(`${where}.site`, 'trusted_import_missing_site', shown(item)));
      continue;
    }
    let note = '';
    if (record.note !== undefined && record.note !== null) {
      if (typeof record.note !== 'string') {
        problems.push(problem(`${where}.note`, 'trusted_import_bad_note', shown(record.note)));
        continue;
      }
      note = cleanNote(record.note);
      if (note.length > TRUSTED_NOTE_MAX) {
        problems.push(problem(`${where}.note`, 'trusted_import_note_too_long', note));
        continue;
      }
    }
    let addedAt = now;
    if (record.addedAt !== undefined) {
      if (typeof record.addedAt !== 'number' || !Number.isFinite(record.addedAt) || record.addedAt < 0) {
        problems.push(problem(`${where}.addedAt`, 'trusted_import_bad_date', shown(record.addedAt)));
        continue;
      }
      addedAt = record.addedAt;
    }
    entries.push({ where, site: record.site, note, addedAt });
  }
  return problems.length > 0 ? problems : entries;
}

/** Normalises every entry; one bad entry refuses all. Repeats merge into the first (notes fill in). */
function buildList(entries: RawEntry[]): ImportResult {
  const problems: ImportProblem[] = [];
  const skipped: ImportProblem[] = [];
  const bySite = new Map<string, TrustedSite>();
  for (const entry of entries) {
    const normalized = normalizeTrustedInput(entry.site);
    if (!normalized.ok) {
      problems.push(problem(entry.where, normalized.messageKey, entry.site));
      continue;
    }
    const existing = bySite.get(normalized.site);
    if (existing) {
      if (existing.note === '') existing.note = entry.note;
      skipped.push(problem(entry.where, 'trusted_import_duplicate', entry.site));
    } else {
      bySite.set(normalized.site, { site: normalized.site, addedAt: entry.addedAt, note: entry.note });
    }
  }
  if (problems.length > 0) return fail(...capped(problems));
  return { ok: true, list: { version: 1, sites: [...bySite.values()] }, skipped };
}

/** The stored shape, pretty-printed: what parseTrustedImport reads back with notes and dates. */
export function exportTrustedJson(list: TrustedList): string {
  const sites = list.sites.map(({ site, addedAt, note }) => ({ site, addedAt, note }));
  return `${JSON.stringify({ version: 1, sites }, null, 2)}\n`;
}

/** One site a line under a comment header; a note follows its site as a `#` comment. */
export function exportTrustedText(list: TrustedList): string {
  const lines = list.sites.map(({ site, note }) => {
    const clean = cleanNote(note);
    return clean ? `${site}  # ${clean}` : site;
  });
  return `# LoanGuard trusted sites: one per line; text after # is a note\n${lines.join('\n')}\n`;
}
