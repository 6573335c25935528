// The corpus manifest: which third-party page (repository, path, commit) is in the corpus, what it is,
// and which of its inputs ask for which kind of data. The pages themselves are never committed;
// `build.ts` rebuilds them from repository snapshots into corpus/.pages/ (ignored by git).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');
export const MANIFEST_DIR = path.join(CORPUS_DIR, 'manifest');
export const PAGES_DIR = path.join(CORPUS_DIR, '.pages');
/** Files read one by one (repositories too large to fetch whole): <owner>+<name>/<commit>/<path>. */
export const SOURCES_DIR = path.join(CORPUS_DIR, '.sources');

export const TRUTH_KINDS = ['national-id', 'phone', 'bank-card', 'otp'] as const;

const fieldTruth = z.strictObject({
  /** `document.querySelectorAll` on the loaded page (see corpus/README.md) matches exactly one element. */
  selector: z.string().min(1),
  kind: z.enum(TRUTH_KINDS),
});

export const corpusEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** `dev`: a field-only development page (autofill corpora); its page label is not scored. */
  set: z.enum(['main', 'dev']).default('main'),
  label: z.enum(['loan', 'not-loan']),
  /** What the page is, e.g. loan-register, loan-realname, neg-hospital, neg-article (corpus/README.md). */
  category: z.string().min(1),
  /** BCP 47: zh-CN, zh-TW, es, pt-BR, en, id, vi, th… */
  lang: z.string().min(2),
  /** Market when it matters (en-NG vs en-US): ISO 3166-1 alpha-2. */
  region: z.string().length(2).optional(),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  path: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  /** SHA-256 (hex) of the file's bytes, checked on rebuild. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  notes: z.string(),
  fields: z.array(fieldTruth),
});
export type CorpusEntry = z.infer<typeof corpusEntry>;

export interface ManifestProblem {
  file: string;
  line: number;
  message: string;
}

/** Every entry of every corpus/manifest/*.jsonl, with the problems found (bad lines, duplicate ids). */
export function readManifest(dir = MANIFEST_DIR): { entries: CorpusEntry[]; problems: ManifestProblem[] } {
  const entries: CorpusEntry[] = [];
  const problems: ManifestProblem[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (!text.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        problems.push({ file, line: i + 1, message: 'not JSON' });
        return;
      }
      const parsed = corpusEntry.safeParse(json);
      if (!parsed.success) {
        problems.push({ file, line: i + 1, message: z.prettifyError(parsed.error).replace(/\n/g, '; ') });
        return;
      }
      if (ids.has(parsed.data.id)) problems.push({ file, line: i + 1, message: `duplicate id ${parsed.data.id}` });
      ids.add(parsed.data.id);
      entries.push(parsed.data);
    });
  }
  return { entries, problems };
}

/** Where a rebuilt page lives: the id plus the source's extension (the loader reads them all as HTML). */
export const pageFile = (entry: CorpusEntry): string =>
  path.join(PAGES_DIR, `${entry.id}${path.extname(entry.path).toLowerCase() || '.html'}`);

/** The URL every corpus page is classified under: neutral, so the repository's names don't leak the label. */
export const CORPUS_URL = 'https://www.example.com/';
