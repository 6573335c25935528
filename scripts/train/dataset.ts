// The trainer's examples: every main-set corpus page (label, language, category, repository) and our
// own fixture pages (tests/fixtures/pages, always in the training side, never scored), each as its
// loan-page feature vector, computed by the extension's own code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../cli/load-page';
import { scanFields } from '../../lib/detect/field-scan';
import { FEATURE_NAMES, loanFeatures, type LoanFeatures } from '../../lib/detect/loan-features';
import { runCorpus } from '../corpus/corpus-pages';
import { HARD_NEGATIVE_CATEGORIES } from '../corpus/metrics';

export interface Example {
  id: string;
  /** Pages of one group never sit on both sides of a fold: the repository (a site and its authors). */
  group: string;
  label: 0 | 1;
  lang: string;
  category: string;
  hardNegative: boolean;
  /** Our own fixture pages: trained on, never evaluated. */
  trainOnly: boolean;
  features: LoanFeatures;
}

export const FIXTURE_PAGES_DIR = path.resolve(import.meta.dirname, '../../tests/fixtures/pages');

/** Feature vector in FEATURE_NAMES order. */
export const vectorOf = (features: LoanFeatures): number[] => FEATURE_NAMES.map((name) => features.values[name] ?? 0);

const meta = (html: string, name: string): string | undefined =>
  new RegExp(`<meta\\s+name=["']${name}["']\\s+content=["']([^"']+)["']`, 'i').exec(html)?.[1];

export function fixtureExamples(dir = FIXTURE_PAGES_DIR): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(path.join(dir, file), 'utf8');
      const url = meta(html, 'fixture-url') ?? 'https://www.example.com/';
      const page = parsePage(html, url);
      try {
        const fields = scanFields(page.document).map((f) => f.verdict);
        return {
          id: `fixture:${file}`,
          group: `fixture:${file}`,
          label: meta(html, 'fixture-expect') === 'loan' ? 1 : 0,
          lang: file.split('-')[0] ?? '',
          category: 'fixture',
          hardNegative: false,
          trainOnly: true,
          features: loanFeatures(page.document, url, fields),
        } satisfies Example;
      } finally {
        void page.close();
      }
    });
}

export function corpusExamples(): Example[] {
  return runCorpus((e) => e.set === 'main').pages.map(({ entry, features }) => ({
    id: entry.id,
    group: entry.repo.toLowerCase(),
    label: entry.label === 'loan' ? 1 : 0,
    lang: entry.lang,
    category: entry.category,
    hardNegative: entry.label === 'not-loan' && HARD_NEGATIVE_CATEGORIES.has(entry.category),
    trainOnly: false,
    features,
  }));
}
