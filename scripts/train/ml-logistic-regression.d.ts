// Types of the parts of ml-logistic-regression (mljs) the trainer uses; the package ships none.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  interface TwoClasses {
    weights: Matrix;
  }
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClasses[];
    train(X: Matrix, Y: Matrix): void;
    predict(X: Matrix): number[];
  }
}
