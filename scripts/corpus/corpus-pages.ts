// Runs the extension's own detection (lib/detect: scanFields + classifyLoanDocument, exactly as
// cli/scan.ts does) over every rebuilt corpus page, under the neutral CORPUS_URL, and keeps what
// the evaluation and the trainer need: the page verdict, its feature values, and each field guess
// scored against the manifest's truth. Third-party pages stay in corpus/.pages (never committed).
import { existsSync, readFileSync } from 'node:fs';
import { decodePage, parsePage } from '../../cli/load-page';
import { scanFields } from '../../lib/detect/field-scan';
import { loanFeatures, scoreFeatures } from '../../lib/detect/loan-classifier';
import type { LoanFeatures } from '../../lib/detect/loan-features';
import type { FieldKind, LoanVerdict } from '../../lib/types';
import { CORPUS_URL, type CorpusEntry, pageFile, readManifest } from './manifest';

/** One field guess or one truth field, resolved to what it means for scoring. */
export interface FieldOutcome {
  kind: FieldKind;
  /** For a guess: it is a truth field of the same kind (or inside one). For a truth: a guess of its kind found it. */
  right: boolean;
  /** For a wrong guess: what the field really is (a truth kind) or "none"; for a missed truth: what was guessed. */
  instead: FieldKind | 'none';
  /** Short description of the element (tag, name, placeholder) for the error lists. */
  element: string;
}

export interface PageOutcome {
  entry: CorpusEntry;
  verdict: LoanVerdict;
  /** The loan-page model's features (lib/detect/loan-features.ts), for the trainer. */
  features: LoanFeatures;
  guesses: FieldOutcome[];
  truths: FieldOutcome[];
}

const describe = (el: Element): string => {
  const attrs = ['name', 'id', 'placeholder', 'type', 'maxlength']
    .map((a) => (el.getAttribute(a) ? `${a}=${JSON.stringify(el.getAttribute(a)?.slice(0, 30))}` : ''))
    .filter(Boolean)
    .join(' ');
  return `<${el.localName}${attrs ? ` ${attrs}` : ''}>`;
};

/** Detection over one page, fields scored against the truth (a guess inside a truth element counts). */
export function runPage(entry: CorpusEntry, html: string, url = CORPUS_URL): PageOutcome {
  const page = parsePage(html, url);
  try {
    const doc = page.document;
    const scanned = scanFields(doc);
    const verdicts = scanned.map((f) => f.verdict);
    // classifyLoanDocument in two steps, so the trainer gets the features it scored.
    const features = loanFeatures(doc, url, verdicts);
    const verdict = scoreFeatures(features);
    const truth = entry.fields.map((t) => ({ kind: t.kind, element: doc.querySelector(t.selector) }));
    const holder = (el: Element) => truth.find((t) => t.element && (t.element === el || t.element.contains(el)));
    const guesses: FieldOutcome[] = scanned.map((f) => {
      const t = holder(f.element);
      return { kind: f.verdict.kind, right: t?.kind === f.verdict.kind, instead: t?.kind ?? 'none', element: describe(f.element) };
    });
    const truths: FieldOutcome[] = truth.map((t) => {
      const found = scanned.filter((f) => t.element && (t.element === f.element || t.element.contains(f.element)));
      const right = found.some((f) => f.verdict.kind === t.kind);
      return {
        kind: t.kind,
        right,
        instead: right ? t.kind : (found[0]?.verdict.kind ?? 'none'),
        element: t.element ? describe(t.element) : '(missing)',
      };
    });
    return { entry, verdict, features, guesses, truths };
  } finally {
    void page.close();
  }
}

/** Every built corpus page, run; entries whose page is not built are counted in `unbuilt`. */
export function runCorpus(filter: (e: CorpusEntry) => boolean = () => true): { pages: PageOutcome[]; unbuilt: number } {
  const { entries } = readManifest();
  const pages: PageOutcome[] = [];
  let unbuilt = 0;
  for (const entry of entries.filter(filter)) {
    const file = pageFile(entry);
    if (!existsSync(file)) {
      unbuilt++;
      continue;
    }
    pages.push(runPage(entry, decodePage(readFileSync(file))));
  }
  return { pages, unbuilt };
}
