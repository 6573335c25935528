// `npm test` runs this after the build: the code LoanGuard puts into web pages must stay within its
// gzipped budget (a size, never a time). Fails the run, naming each file, when a budget is exceeded.
//  - every frame of every page: the manifest's content scripts;
//  - a frame with a typable input: those plus frame-core.js;
//  - what is shown on a page (prompt host, notices) comes in frame-ui.js, only when shown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
/**
 * Budgets in gzipped bytes. The targets are 9 KB (every frame) and 30 KB (a frame with
 * inputs); the second is missed (BENCHMARKS.md: the field vocabulary, 7.5 KB, must stay in the page
 * while fields are classified there), so its ceiling is today's size with a little room: it stops
 * growth until the field classifier's vocabulary moves out of page code. Raised once, from 33 to
 * 34 KB, for asking before contacts, camera, location or the clipboard go and for the ID-upload
 * notice (+1.2 KB; the ID-upload rules themselves run in the background), then lowered to 33 KB
 * when the build moved to Terser (−1.8 KB with inputs, 32.5 KB, after the audit-only safety copy's
 * +0.4 KB). The on-page UI, loaded
 * only when something is shown, went from 6 to 7 KB with the offer to mark an ID picture (and the
 * marking itself) before a lender's page gets it.
 */
export const BUDGETS = { everyFrame: 9 * KB, withInputs: 33 * KB, shown: 7 * KB } as const;
export const TARGETS = { everyFrame: 9 * KB, withInputs: 30 * KB } as const;

export interface SizeReport {
  files: { file: string; when: 'every frame' | 'frames with inputs' | 'when shown'; gzip: number; raw: number }[];
  everyFrame: number;
  withInputs: number;
  shown: number;
  over: string[];
}

export function measureBuild(dir: string, budgets: Record<keyof typeof BUDGETS, number> = BUDGETS): SizeReport {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const always = [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []))];
  const entries = [
    ...always.map((file) => ({ file, when: 'every frame' as const })),
    { file: 'frame-core.js', when: 'frames with inputs' as const },
    { file: 'frame-ui.js', when: 'when shown' as const },
  ];
  const files = entries.map(({ file, when }) => {
    const bytes = readFileSync(path.join(dir, file));
    return { file, when, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (when: SizeReport['files'][number]['when']): number => files.filter((f) => f.when === when).reduce((n, f) => n + f.gzip, 0);
  const everyFrame = sum('every frame');
  const withInputs = everyFrame + sum('frames with inputs');
  const shown = sum('when shown');
  const over: string[] = [];
  if (everyFrame > budgets.everyFrame) over.push(`every frame: ${kb(everyFrame)} > ${kb(budgets.everyFrame)}`);
  if (withInputs > budgets.withInputs) over.push(`a frame with inputs: ${kb(withInputs)} > ${kb(budgets.withInputs)}`);
  if (shown > budgets.shown) over.push(`on-page UI: ${kb(shown)} > ${kb(budgets.shown)}`);
  return { files, everyFrame, withInputs, shown, over };
}

export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = path.resolve(import.meta.dirname, '../.output/chrome-mv3');
  const report = measureBuild(dir);
  for (const f of report.files) console.log(`size: ${f.file.padEnd(18)} ${f.when.padEnd(18)} ${kb(f.gzip).padStart(8)} gzipped`);
  console.log(
    `size: every frame ${kb(report.everyFrame)} (budget ${kb(BUDGETS.everyFrame)}), a frame with inputs ${kb(report.withInputs)} ` +
      `(budget ${kb(BUDGETS.withInputs)}, target ${kb(TARGETS.withInputs)}), on-page UI when shown ${kb(report.shown)}`,
  );
  if (report.over.length > 0) {
    console.error(`size: over budget — ${report.over.join('; ')}`);
    process.exit(1);
  }
}
