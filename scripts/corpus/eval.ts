// `npm run corpus:eval`: measures the extension's detection on the rebuilt corpus and writes
// DETECTION.md. Flags: --errors (list every wrong page and field), --save-original (freeze today's
// figures as the "original" column; done once, before the learned weights replaced the hand-set ones).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCorpus } from './corpus-pages';
import { fieldFigures, pageFiguresByLanguage } from './metrics';

const ORIGINAL = path.resolve(import.meta.dirname, 'original-figures.json');

function main(): void {
  const args = new Set(process.argv.slice(2));
  const { pages, unbuilt } = runCorpus();
  if (unbuilt) console.warn(`${unbuilt} corpus pages are not built (npm run corpus:build)`);
  const main = pages.filter((p) => p.entry.set === 'main');
  const dev = pages.filter((p) => p.entry.set === 'dev');
  const figures = {
    pages: pageFiguresByLanguage(main.map((p) => ({ entry: p.entry, isLoanPage: p.verdict.isLoanPage }))),
    fieldsMain: fieldFigures(main),
    fieldsDev: fieldFigures(dev),
    corpus: { main: main.length, dev: dev.length, repos: new Set(pages.map((p) => p.entry.repo)).size },
    predictions: Object.fromEntries(main.map((p) => [p.entry.id, p.verdict.isLoanPage])),
  };
  console.log(JSON.stringify(figures, null, 1));
  if (args.has('--save-original')) writeFileSync(ORIGINAL, `${JSON.stringify(figures, null, 1)}\n`);
  if (args.has('--errors')) {
    for (const p of main) {
      if ((p.entry.label === 'loan') !== p.verdict.isLoanPage)
        console.log(`PAGE ${p.entry.id} ${p.entry.category} ${p.entry.lang} score=${p.verdict.score} ${p.verdict.reasons.map((r) => `${r.code}:${r.weight}(${r.detail.slice(0, 60)})`).join(' ')}`);
    }
    for (const p of pages) {
      for (const g of p.guesses) if (!g.right) console.log(`FP ${p.entry.id} ${g.kind} (is ${g.instead}) ${g.element}`);
      for (const t of p.truths) if (!t.right) console.log(`FN ${p.entry.id} ${t.kind} (got ${t.instead}) ${t.element}`);
    }
  }
}

main();
