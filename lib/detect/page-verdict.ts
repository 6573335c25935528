// Background side of the loan-page verdict: scores the page a top frame described (its capped text,
// DOM counts and the kinds of fields it asks for) with the learned classifier. Frames send the
// description rather than the verdict so the vocabulary and weights stay out of page code.
import { classifyLoanPage } from './loan-classifier';
import type { PageDigest } from '@/lib/messages/verdict-messages';
import type { LoanVerdict } from '@/lib/types';

/** The verdict for a described page, in the bounds a verdict message has (20 reasons, 200-character details). */
export function loanVerdictOf(page: PageDigest): LoanVerdict {
  const verdict = classifyLoanPage(
    page.text,
    page.fieldKinds.map((kind) => ({ kind })),
    page.signals,
  );
  return { ...verdict, reasons: verdict.reasons.slice(0, 20).map((reason) => ({ ...reason, detail: reason.detail.slice(0, 200) })) };
}
