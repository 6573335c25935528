// The figures corpus:eval and the trainer report: page precision / recall / F1 per language group,
// the false-positive rate on hard negatives, and field precision / recall per kind. Pure.
import type { FieldKind } from '../../lib/types';
import type { CorpusEntry } from './manifest';
import type { FieldOutcome } from './corpus-pages';

/**
 * Hard negatives: not-loan pages a loan classifier is most likely to get wrong — sign-ups and logins
 * that ask for an ID, phone or card (tickets, hospitals, schools, government, telecoms, shops,
 * insurance, jobs, bank accounts, brokers, crypto KYC, delivery, social, plain logins) and pages that
 * talk about loans but are not a borrower's page (articles, news, calculators, FAQs, banks' home
 * pages, lenders' staff back offices, P2P investor pages). Every `neg-*` category but `neg-other`.
 */
export const HARD_NEGATIVE_CATEGORIES: ReadonlySet<string> = new Set([
  'neg-ticket', 'neg-hospital', 'neg-school', 'neg-gov', 'neg-telecom', 'neg-shop', 'neg-insurance', 'neg-job',
  'neg-bank-account', 'neg-broker', 'neg-crypto-kyc', 'neg-delivery', 'neg-social', 'neg-login',
  'neg-article', 'neg-news', 'neg-calculator', 'neg-faq', 'neg-bank-home', 'neg-backoffice', 'neg-investor',
]);

/** A language gets its own row with at least this many main-set pages. */
export const MIN_PAGES_PER_LANGUAGE = 25;

/** Chinese pages are one group (simplified and traditional share most words); others by their tag. */
export const languageGroup = (lang: string): string => (lang.startsWith('zh') ? 'zh' : lang);

export interface PageFigures {
  pages: number;
  loan: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  hardNegatives: number;
  hardNegativeHits: number;
  /** Share of hard negatives called loan pages. */
  hardNegativeRate: number;
}

export interface PagePrediction {
  entry: Pick<CorpusEntry, 'label' | 'category' | 'lang'>;
  isLoanPage: boolean;
}

const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);

export function pageFigures(predictions: readonly PagePrediction[]): PageFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let hard = 0;
  let hardHits = 0;
  for (const { entry, isLoanPage } of predictions) {
    const loan = entry.label === 'loan';
    if (loan && isLoanPage) tp++;
    else if (loan) fn++;
    else if (isLoanPage) fp++;
    if (!loan && HARD_NEGATIVE_CATEGORIES.has(entry.category)) {
      hard++;
      if (isLoanPage) hardHits++;
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    pages: predictions.length,
    loan: tp + fn,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    hardNegatives: hard,
    hardNegativeHits: hardHits,
    hardNegativeRate: ratio(hardHits, hard),
  };
}

/** Page figures overall and for each language group with enough pages ("all" first). */
export function pageFiguresByLanguage(predictions: readonly PagePrediction[]): Record<string, PageFigures> {
  const groups = new Map<string, PagePrediction[]>();
  for (const p of predictions) {
    const g = languageGroup(p.entry.lang);
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  const out: Record<string, PageFigures> = { all: pageFigures(predictions) };
  for (const [g, list] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
    if (list.length >= MIN_PAGES_PER_LANGUAGE) out[g] = pageFigures(list);
  return out;
}

export interface FieldFigures {
  guesses: number;
  rightGuesses: number;
  truths: number;
  found: number;
  precision: number;
  recall: number;
}

export const KINDS: readonly FieldKind[] = ['national-id', 'phone', 'bank-card', 'otp'];

/** Precision and recall per kind from every page's guesses and truths. */
export function fieldFigures(pages: readonly { guesses: readonly FieldOutcome[]; truths: readonly FieldOutcome[] }[]): Record<FieldKind, FieldFigures> {
  const out = {} as Record<FieldKind, FieldFigures>;
  for (const kind of KINDS) {
    const guesses = pages.flatMap((p) => p.guesses.filter((g) => g.kind === kind));
    const truths = pages.flatMap((p) => p.truths.filter((t) => t.kind === kind));
    const rightGuesses = guesses.filter((g) => g.right).length;
    const found = truths.filter((t) => t.right).length;
    out[kind] = {
      guesses: guesses.length,
      rightGuesses,
      truths: truths.length,
      found,
      precision: ratio(rightGuesses, guesses.length),
      recall: ratio(found, truths.length),
    };
  }
  return out;
}
