// Is this page an online-loan sign-up / application page? A logistic-regression model over the
// human-readable features of loan-features.ts: each feature's contribution (weight × value) is one
// reason, and the page is a loan page when the contributions reach the model's cut. The weights are
// data learned from the corpus (`npm run train` → rules/loan-weights.ts).
import type { FieldVerdict, LoanVerdict, Reason } from '@/lib/types';
import { LOAN_MODEL } from '@/lib/detect/rules/loan-weights';
import { FEATURE_CODES, FEATURE_NAMES, loanFeatures, pageFeatures, type FeatureName, type LoanFeatures } from '@/lib/detect/loan-features';
import type { PageSignals, PageText } from '@/lib/detect/page-text';

export type { PageText, PageSignals } from '@/lib/detect/page-text';
export { loanFeatures } from '@/lib/detect/loan-features';

/** A fitted model: the logit is bias + Σ weight × value; a page is a loan page at logit ≥ threshold. */
export interface LoanModel {
  bias: number;
  threshold: number;
  weights: Readonly<Partial<Record<FeatureName, number>>>;
}

/** Reasons kept per verdict, largest contributions first (messages carry at most 20). */
const REASONS_CAP = 12;
const round = (n: number): number => Math.round(n * 100) / 100;

/** The cut on the sum of the reasons' weights (the bias folded in, so the score is what the reasons add up to). */
export const cutOf = (model: LoanModel): number => round(model.threshold - model.bias);
export const LOAN_THRESHOLD = cutOf(LOAN_MODEL);

/** The verdict for a page's features under `model`: one reason per feature that contributes. */
export function scoreFeatures(features: LoanFeatures, model: LoanModel = LOAN_MODEL): LoanVerdict {
  const reasons: Reason[] = [];
  let sum = 0;
  for (const name of FEATURE_NAMES) {
    const value = features.values[name];
    const weight = model.weights[name];
    if (!value || !weight) continue;
    sum += value * weight;
    const contribution = round(value * weight);
    if (contribution !== 0) reasons.push({ code: FEATURE_CODES[name], detail: features.details[name] ?? '', weight: contribution });
  }
  const score = round(sum);
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { isLoanPage: score >= cutOf(model), score, reasons: reasons.slice(0, REASONS_CAP) };
}

/** Classify a page from its extracted text, its classified fields and DOM counts. Pure. */
export function classifyLoanPage(text: PageText, fields: readonly Pick<FieldVerdict, 'kind'>[], signals?: PageSignals): LoanVerdict {
  return scoreFeatures(pageFeatures(text, fields, signals));
}

/**
 * A page that talks like a lender even though it asks for nothing yet: the landing page that pushes
 * an app download. The learned model reads such pages itself (field-less landing pages are loan
 * pages in the corpus), so this is the verdict; kept as the question callers ask.
 */
export const looksLikeLender = (verdict: LoanVerdict): boolean => verdict.isLoanPage;

/** Extract the page's text, count sliders / amount inputs / article marks, and classify. */
export function classifyLoanDocument(doc: Document, url: string, fields: readonly FieldVerdict[]): LoanVerdict {
  return scoreFeatures(loanFeatures(doc, url, fields));
}
