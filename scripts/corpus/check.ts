// `npm run corpus:check`: checks the corpus manifest against the rebuilt pages: every truth selector
// matches exactly one element holding a text control; at most 10 files per repository; no repository
// kept for independent evaluation; counts per language and label.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePage, parsePage } from '../../cli/load-page';
import { CORPUS_URL, type CorpusEntry, pageFile, readManifest } from './manifest';

const MAX_FILES_PER_REPO = 10;
const RESERVED_LIST = process.env.LOANGUARD_RESERVED ?? path.resolve(import.meta.dirname, '../../../shared/reserved-repos.txt');
const CONTROL = 'input, textarea, select';

export function reservedRepos(): Set<string> {
  if (!existsSync(RESERVED_LIST)) return new Set();
  return new Set(
    readFileSync(RESERVED_LIST, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/** Problems with one page's field truth (empty when every selector finds exactly one control). */
export function checkFields(entry: CorpusEntry, html: string): string[] {
  const page = parsePage(html, CORPUS_URL);
  const out: string[] = [];
  try {
    for (const { selector, kind } of entry.fields) {
      let matches: Element[];
      try {
        matches = [...page.document.querySelectorAll(selector)];
      } catch {
        out.push(`${kind} ${selector}: not a valid selector`);
        continue;
      }
      if (matches.length !== 1) out.push(`${kind} ${selector}: matches ${matches.length} elements`);
      else if (!matches[0]!.matches(CONTROL) && !matches[0]!.querySelector(CONTROL)) out.push(`${kind} ${selector}: not a field`);
    }
  } finally {
    void page.close();
  }
  return out;
}

function main(): void {
  const { entries, problems } = readManifest();
  let failed = problems.length;
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
  const reserved = reservedRepos();
  const perRepo = new Map<string, number>();
  const perLang = new Map<string, { loan: number; 'not-loan': number; dev: number; fields: number }>();
  let unbuilt = 0;
  for (const entry of entries) {
    if (reserved.has(entry.repo.toLowerCase())) {
      console.error(`${entry.id}: ${entry.repo} is reserved for independent evaluation`);
      failed++;
    }
    perRepo.set(entry.repo, (perRepo.get(entry.repo) ?? 0) + 1);
    const lang = entry.lang;
    const row = perLang.get(lang) ?? { loan: 0, 'not-loan': 0, dev: 0, fields: 0 };
    if (entry.set === 'dev') row.dev++;
    else row[entry.label]++;
    row.fields += entry.fields.length;
    perLang.set(lang, row);
    const file = pageFile(entry);
    if (!existsSync(file)) {
      unbuilt++;
      continue;
    }
    for (const problem of checkFields(entry, decodePage(readFileSync(file)))) {
      console.error(`${entry.id}: ${problem}`);
      failed++;
    }
  }
  for (const [repo, n] of perRepo) {
    if (n > MAX_FILES_PER_REPO && !entries.some((e) => e.repo === repo && e.set === 'dev')) {
      console.error(`${repo}: ${n} files (at most ${MAX_FILES_PER_REPO} per repository)`);
      failed++;
    }
  }
  console.log('lang      loan  not-loan  dev  fields');
  for (const [lang, r] of [...perLang].sort()) {
    console.log(`${lang.padEnd(8)} ${String(r.loan).padStart(5)} ${String(r['not-loan']).padStart(9)} ${String(r.dev).padStart(4)} ${String(r.fields).padStart(7)}`);
  }
  console.log(`${entries.length} entries from ${perRepo.size} repositories; ${unbuilt} not built (run corpus:build); ${failed} problems`);
  if (failed) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
