// Cross-validation grouped by repository for the loan-page model: folds that never split a group,
// the threshold chosen on out-of-fold scores, and nested CV so the reported figures never see the
// pages their threshold was chosen on. Pure apart from the fitting it is given.
import type { LogisticFit } from './logistic';
import { logit } from './logistic';

export interface CvExample {
  group: string;
  label: 0 | 1;
  hardNegative: boolean;
  trainOnly: boolean;
  x: readonly number[];
}

export type Fitter = (x: readonly (readonly number[])[], y: readonly number[]) => LogisticFit;

/** Highest share of hard negatives a chosen threshold may call loan pages, when any threshold manages it. */
export const MAX_HARD_NEGATIVE_RATE = 0.03;
export const FOLDS = 5;

/**
 * Fold of each example: groups sorted by size (largest first, then by name) are dealt to the fold
 * that has the fewest examples so far, so folds are balanced and the split is deterministic.
 * Train-only examples get fold -1 (always on the training side).
 */
export function groupedFolds(examples: readonly Pick<CvExample, 'group' | 'trainOnly'>[], k = FOLDS): number[] {
  const sizes = new Map<string, number>();
  for (const e of examples) if (!e.trainOnly) sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [group, size] of [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const fold = load.indexOf(Math.min(...load));
    foldOf.set(group, fold);
    load[fold]! += size;
  }
  return examples.map((e) => (e.trainOnly ? -1 : (foldOf.get(e.group) ?? -1)));
}

export interface Scored {
  label: 0 | 1;
  hardNegative: boolean;
  score: number;
}

/**
 * The threshold with the best F1 among those that call at most MAX_HARD_NEGATIVE_RATE of the hard
 * negatives loan pages (the best F1 overall when none does). Candidates lie midway between scores.
 */
export function chooseThreshold(scored: readonly Scored[]): number {
  const scores = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  const candidates = [scores[0]! - 1, ...scores.slice(1).map((s, i) => (s + scores[i]!) / 2), scores.at(-1)! + 1];
  const hard = scored.filter((s) => s.hardNegative).length;
  let best = { f1: -1, ok: false, threshold: 0 };
  for (const threshold of candidates) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let hardHits = 0;
    for (const s of scored) {
      const yes = s.score >= threshold;
      if (s.label && yes) tp++;
      else if (s.label) fn++;
      else if (yes) {
        fp++;
        if (s.hardNegative) hardHits++;
      }
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    const ok = hard === 0 || hardHits / hard <= MAX_HARD_NEGATIVE_RATE;
    // An allowed threshold beats any disallowed one; among equals, the higher F1.
    if ((ok && !best.ok) || (ok === best.ok && f1 > best.f1)) best = { f1, ok, threshold };
  }
  return best.threshold;
}

/** Logit of every non-train-only example from a model fitted without its fold. */
export function outOfFoldScores(examples: readonly CvExample[], fit: Fitter, k = FOLDS): Map<number, number> {
  const folds = groupedFolds(examples, k);
  const out = new Map<number, number>();
  for (let fold = 0; fold < k; fold++) {
    const train = examples.filter((_, i) => folds[i] !== fold);
    const test = examples.map((e, i) => [e, i] as const).filter(([, i]) => folds[i] === fold);
    if (!test.length) continue;
    const model = fit(
      train.map((e) => e.x),
      train.map((e) => e.label),
    );
    for (const [e, i] of test) out.set(i, logit(model, e.x));
  }
  return out;
}

const scoredOf = (examples: readonly CvExample[], scores: Map<number, number>): Scored[] =>
  [...scores].map(([i, score]) => ({ label: examples[i]!.label, hardNegative: examples[i]!.hardNegative, score }));

/** Below the lowest-scoring train-only loan page by this much, so rounding cannot tip it over. */
const FIXTURE_MARGIN = 0.05;

/**
 * The highest threshold under which every train-only loan page (our fixture pages: the obvious loan
 * pages the extension must catch) is still a loan page under `model`; +Infinity without any.
 */
export function trainOnlyBound(examples: readonly CvExample[], model: LogisticFit): number {
  const loans = examples.filter((e) => e.trainOnly && e.label === 1).map((e) => logit(model, e.x));
  return loans.length ? Math.min(...loans) - FIXTURE_MARGIN : Infinity;
}

/**
 * The threshold for a model fitted on `examples`: the one chosen on their out-of-fold scores
 * (grouped CV, see chooseThreshold), lowered if need be so every train-only loan page still passes.
 */
export function thresholdByCv(examples: readonly CvExample[], fit: Fitter, model: LogisticFit, k = FOLDS): { threshold: number; byCv: number; bound: number } {
  const scores = outOfFoldScores(examples, fit, k);
  const byCv = chooseThreshold(scoredOf(examples, scores));
  const bound = trainOnlyBound(examples, model);
  return { threshold: Math.min(byCv, bound), byCv, bound };
}

/**
 * Nested grouped CV: for each outer fold, a model and a threshold (itself chosen by an inner grouped
 * CV) from the other folds only, then the verdict on the held-out fold. Returns each evaluated
 * example's held-out verdict and score.
 */
export function nestedCv(examples: readonly CvExample[], fit: Fitter, k = FOLDS): Map<number, { score: number; threshold: number; isLoan: boolean }> {
  const folds = groupedFolds(examples, k);
  const out = new Map<number, { score: number; threshold: number; isLoan: boolean }>();
  for (let fold = 0; fold < k; fold++) {
    const trainIdx = examples.map((_, i) => i).filter((i) => folds[i] !== fold);
    const train = trainIdx.map((i) => examples[i]!);
    const model = fit(
      train.map((e) => e.x),
      train.map((e) => e.label),
    );
    const { threshold } = thresholdByCv(train, fit, model, k);
    examples.forEach((e, i) => {
      if (folds[i] !== fold) return;
      const score = logit(model, e.x);
      out.set(i, { score, threshold, isLoan: score >= threshold });
    });
  }
  return out;
}
