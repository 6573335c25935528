// `npm run corpus:build`: rebuilds the corpus pages listed in corpus/manifest/*.jsonl into
// corpus/.pages/ from repository snapshots (git directories, as the `fetch` tool leaves them under
// $LOANGUARD_MIRROR, default /work/.mirror/<owner>+<name>/) or from files kept one by one in
// corpus/.sources/. Each file's SHA-256 must match the manifest. Nothing here is committed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CorpusEntry, PAGES_DIR, pageFile, readManifest, SOURCES_DIR } from './manifest';

const MIRROR = process.env.LOANGUARD_MIRROR ?? '/work/.mirror';

/** The git directory of a fetched snapshot of `repo`, if there is one. */
function gitDirOf(repo: string): string | undefined {
  const base = path.join(MIRROR, repo.replace('/', '+'));
  if (!existsSync(base)) return undefined;
  // A bare git directory, or one with a work tree's .git inside: <base>, <base>/repo, <base>/repo/.git.
  const children = readdirSync(base).map((d) => path.join(base, d));
  for (const candidate of [base, ...children, ...children.map((d) => path.join(d, '.git'))]) {
    if (existsSync(path.join(candidate, 'HEAD')) && existsSync(path.join(candidate, 'objects'))) return candidate;
  }
  return undefined;
}

export function sourceBytes(entry: CorpusEntry): Buffer | undefined {
  const kept = path.join(SOURCES_DIR, entry.repo.replace('/', '+'), entry.commit, entry.path);
  if (existsSync(kept)) return readFileSync(kept);
  const gitDir = gitDirOf(entry.repo);
  if (!gitDir) return undefined;
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `${entry.commit}:${entry.path}`], {
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function main(): void {
  const { entries, problems } = readManifest();
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
  mkdirSync(PAGES_DIR, { recursive: true });
  let built = 0;
  const missing: string[] = [];
  const changed: string[] = [];
  for (const entry of entries) {
    const bytes = sourceBytes(entry);
    if (!bytes) {
      missing.push(`${entry.id} (${entry.repo}@${entry.commit.slice(0, 8)}:${entry.path})`);
      continue;
    }
    if (sha256(bytes) !== entry.sha256) {
      changed.push(entry.id);
      continue;
    }
    writeFileSync(pageFile(entry), bytes);
    built++;
  }
  console.log(`corpus: ${built} of ${entries.length} pages rebuilt into ${path.relative(process.cwd(), PAGES_DIR)}/`);
  if (missing.length) console.log(`missing sources (fetch these repositories first):\n  ${missing.join('\n  ')}`);
  if (changed.length) console.log(`content differs from the manifest's sha256: ${changed.join(', ')}`);
  if (problems.length || changed.length) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
