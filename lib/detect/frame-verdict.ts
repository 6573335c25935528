// Builds the report one frame sends to the background: its classified fields (never their values)
// and, for the top frame, the loan-page verdict with its reasons.
import { classifyLoanDocument } from './loan-classifier';
import { scanFields } from './field-scan';
import type { FrameVerdictMessage } from '@/lib/messages/verdict-messages';
import type { LoanVerdict, Reason } from '@/lib/types';

/** Reasons travel in a bounded message: at most 20, each detail at most 200 characters. */
const clipReasons = (reasons: readonly Reason[]): Reason[] =>
  reasons.slice(0, 20).map((reason) => ({ ...reason, detail: reason.detail.slice(0, 200) }));

const clipLoan = (loan: LoanVerdict): LoanVerdict => ({ ...loan, reasons: clipReasons(loan.reasons) });

export function buildFrameVerdict(doc: Document, isTop: boolean): FrameVerdictMessage {
  const url = doc.location?.href ?? '';
  const scanned = scanFields(doc);
  // Same-origin iframes run their own content script and report their own fields; the top frame
  // still counts them towards the loan verdict, but reports only the fields of its own document.
  const own = scanned.filter((field) => field.element.ownerDocument === doc);
  return {
    type: 'frame-verdict',
    url,
    title: isTop ? doc.title.slice(0, 500) : '',
    isTop,
    // The top frame is always classified (this code only runs in frames with text inputs): a
    // lender's landing page asks for nothing yet but still tells the site memory it is a lender.
    loan: isTop ? clipLoan(classifyLoanDocument(doc, url, scanned.map((field) => field.verdict))) : null,
    fields: own.slice(0, 200).map(({ selector, verdict }) => ({
      selector: selector.slice(0, 1000),
      kind: verdict.kind,
      ...(verdict.country ? { country: verdict.country } : {}),
      confidence: verdict.confidence,
      reasons: clipReasons(verdict.reasons),
      ...(verdict.parts ? { parts: verdict.parts } : {}),
    })),
  };
}
