// Binary logistic regression for the trainer, fitted with mljs's ml-logistic-regression (batch
// gradient ascent). That library has no intercept, so a constant column is added; its step count
// and rate bound the weights (it has no other regularisation), which is what keeps a small corpus
// from being memorised.
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';

export interface LogisticFit {
  bias: number;
  weights: number[];
}

export interface LogisticOptions {
  numSteps: number;
  learningRate: number;
}

/** Steps and rate used unless told otherwise: chosen once, before the cross-validation, not by it. */
export const DEFAULT_LOGISTIC: LogisticOptions = { numSteps: 4000, learningRate: 0.002 };

/** Fits P(y = 1 | x) = sigmoid(bias + weights · x). Rows of `x` are examples; `y` is 0/1. */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], options: LogisticOptions = DEFAULT_LOGISTIC): LogisticFit {
  if (x.length !== y.length || x.length === 0) throw new Error('fitLogistic: need as many labels as examples, at least one');
  if (new Set(y).size !== 2) throw new Error('fitLogistic: need examples of both classes');
  const withBias = new Matrix(x.map((row) => [1, ...row]));
  const model = new LogisticRegression(options);
  model.train(withBias, Matrix.columnVector([...y]));
  // One-vs-all: classifier 0 is trained with the targets y itself (class 0 → 0, class 1 → 1), so
  // its sigmoid is P(y = 1).
  const w = model.classifiers[0]!.weights.to1DArray();
  return { bias: w[0]!, weights: w.slice(1) };
}

/** The logit of one example under a fit. */
export const logit = (fit: LogisticFit, row: readonly number[]): number =>
  row.reduce((sum, v, i) => sum + v * (fit.weights[i] ?? 0), fit.bias);
