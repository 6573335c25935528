// The loan-page trainer on small synthetic sets whose answer is known: logistic regression recovers
// the weights that generated the data and separates a known boundary; folds never split a group (a
// model that could only memorise groups scores at chance); the threshold respects the hard-negative
// cap and never drops a train-only loan page; the written weights file is the model as data.
import { describe, expect, test, vi } from 'vitest';
import { chooseThreshold, groupedFolds, nestedCv, trainOnlyBound, type CvExample } from '@/scripts/train/cross-validate';
import { fitLogistic, logit } from '@/scripts/train/logistic';
import { renderWeightsFile, trainLoanModel } from '@/scripts/train/train';
import type { Example } from '@/scripts/train/dataset';

// Each fit runs thousands of gradient steps: seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

describe('fitLogistic', () => {
  test('recovers the weights and bias that generated the labels', () => {
    const rnd = random(7);
    const truth = { bias: -1, weights: [3, -2, 0] };
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const row = [rnd(), rnd(), rnd()];
      x.push(row);
      y.push(rnd() < sigmoid(logit(truth, row)) ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { numSteps: 1500, learningRate: 0.001 });
    expect(fit.bias).toBeCloseTo(truth.bias, 0);
    fit.weights.forEach((w, i) => expect(Math.abs(w - truth.weights[i]!)).toBeLessThan(0.6));
    // The useless feature stays near zero; the strong ones keep their signs.
    expect(Math.abs(fit.weights[2]!)).toBeLessThan(0.5);
  });

  test('separates a known boundary (x0 > x1) on examples it has not seen', () => {
    const rnd = random(11);
    const sample = (n: number) => Array.from({ length: n }, () => [rnd(), rnd()]).filter(([a, b]) => Math.abs(a! - b!) > 0.1);
    const train = sample(400);
    const fit = fitLogistic(train, train.map(([a, b]) => (a! > b! ? 1 : 0)), { numSteps: 2000, learningRate: 0.005 });
    const test = sample(200);
    const right = test.filter(([a, b]) => logit(fit, [a!, b!]) >= 0 === a! > b!).length;
    expect(right / test.length).toBeGreaterThan(0.97);
  });

  test('refuses data it cannot fit', () => {
    expect(() => fitLogistic([[1], [0]], [1, 1])).toThrow(/both classes/);
    expect(() => fitLogistic([[1]], [1, 0])).toThrow(/as many labels/);
  });
});

describe('grouped cross-validation', () => {
  const example = (group: string, label: 0 | 1, x: number[], over: Partial<CvExample> = {}): CvExample => ({
    group,
    label,
    hardNegative: false,
    trainOnly: false,
    x,
    ...over,
  });

  test('folds never split a group, are balanced, and keep train-only examples on the training side', () => {
    const examples = [
      ...Array.from({ length: 30 }, (_, i) => example(`g${i % 10}`, 0, [0])),
      example('ours', 1, [1], { trainOnly: true }),
    ];
    const folds = groupedFolds(examples, 5);
    const foldOf = new Map<string, Set<number>>();
    examples.forEach((e, i) => foldOf.set(e.group, (foldOf.get(e.group) ?? new Set()).add(folds[i]!)));
    for (const [group, set] of foldOf) expect(set.size, group).toBe(1);
    expect(folds.at(-1)).toBe(-1);
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3);
  });

  test('a model that can only memorise groups scores at chance on held-out groups', () => {
    // Each group has its own one-hot feature and a label of its own: nothing generalises across
    // groups, so any held-out accuracy above chance would mean a group leaked into training.
    const rnd = random(3);
    const groups = 20;
    const examples: CvExample[] = [];
    for (let g = 0; g < groups; g++) {
      const label = (g % 2) as 0 | 1;
      for (let k = 0; k < 5; k++) examples.push(example(`g${g}`, label, [...Array.from({ length: groups }, (_, j): number => (j === g ? 1 : 0)), rnd()]));
    }
    const fit = (x: readonly (readonly number[])[], y: readonly number[]) => fitLogistic(x, y, { numSteps: 500, learningRate: 0.01 });
    const heldOut = nestedCv(examples, fit);
    expect(heldOut.size).toBe(examples.length);
    const right = [...heldOut].filter(([i, v]) => v.isLoan === (examples[i]!.label === 1)).length;
    expect(right / examples.length).toBeLessThan(0.7);
    // The same model scored on its own training data would be near perfect.
    const all = fit(examples.map((e) => e.x), examples.map((e) => e.label));
    const inSample = examples.filter((e) => logit(all, e.x) >= 0 === (e.label === 1)).length;
    expect(inSample / examples.length).toBeGreaterThan(0.95);
  });
});

describe('threshold', () => {
  const scored = (label: 0 | 1, score: number, hardNegative = false) => ({ label, score, hardNegative });

  test('picks the best F1 among thresholds that call at most 3% of hard negatives loan pages', () => {
    const pages = [
      ...[5, 4, 3, 2].map((s) => scored(1, s)),
      scored(0, 2.5, true),
      ...Array.from({ length: 40 }, (_, i) => scored(0, -1 - i / 10, true)),
    ];
    // Below 2.5 one hard negative in 41 (2.4%) is allowed: F1 is best at 2 (all four loans).
    expect(chooseThreshold(pages)).toBeLessThanOrEqual(2);
    const strict = [...pages.slice(0, 5), ...Array.from({ length: 9 }, (_, i) => scored(0, -1 - i, true))];
    // One in ten is 10%: not allowed, so the threshold rises above the hard negative.
    expect(chooseThreshold(strict)).toBeGreaterThan(2.5);
  });

  test('stays below every train-only loan page', () => {
    const model = { bias: 0, weights: [1] };
    const examples: CvExample[] = [
      { group: 'a', label: 1, hardNegative: false, trainOnly: true, x: [0.7] },
      { group: 'b', label: 1, hardNegative: false, trainOnly: true, x: [2] },
      { group: 'c', label: 1, hardNegative: false, trainOnly: false, x: [-3] },
    ];
    expect(trainOnlyBound(examples, model)).toBeCloseTo(0.65, 5);
  });
});

describe('trainLoanModel', () => {
  test('learns which page features mark a loan page and writes them as data', () => {
    const rnd = random(5);
    const examples: Example[] = [];
    for (let i = 0; i < 120; i++) {
      const loan = i % 2 === 0;
      const title = loan ? (rnd() < 0.9 ? 1 : 0) : rnd() < 0.1 ? 1 : 0;
      const article = loan ? 0 : rnd() < 0.5 ? 1 : 0;
      examples.push({
        id: `p${i}`,
        group: `repo${i % 30}`,
        label: loan ? 1 : 0,
        lang: i % 3 ? 'en' : 'zh-CN',
        category: loan ? 'loan-register' : 'neg-article',
        hardNegative: false,
        trainOnly: false,
        features: { values: { title_loan_words: title, article_title: article, field_phone: 1 }, details: {} },
      });
    }
    const result = trainLoanModel(examples, { numSteps: 300, learningRate: 0.02 });
    expect(result.model.weights.title_loan_words).toBeGreaterThan(1);
    expect(result.model.weights.article_title ?? 0).toBeLessThan(0);
    expect(result.cvFigures.all!.f1).toBeGreaterThan(0.8);
    const file = renderWeightsFile(result);
    expect(file).toMatch(/^\/\/ GENERATED by `npm run train`/);
    expect(file).toContain(`  bias: ${result.model.bias},`);
    expect(file).toContain(`    title_loan_words: ${result.model.weights.title_loan_words},`);
    expect(file).toMatch(/all +pages 120/);
  });
});
