// Builds the report one frame sends to the background: its classified fields (never their values)
// and, for the top frame, what the page shows (its capped text and a few DOM counts) so that the
// background scores it as a loan page or not. The page classifier's vocabulary and weights live in
// the background (lib/detect/page-verdict.ts): frames carry only the extraction, which keeps the code
// in every frame with inputs small.
import { countSignals, readPage } from './page-text';
import { amountRegex } from './rules/amount-words';
import { scanFields } from './field-scan';
import type { FrameVerdictMessage } from '@/lib/messages/verdict-messages';
import type { FieldKind, Reason } from '@/lib/types';

/** Reasons travel in a bounded message: at most 20, each detail at most 200 characters. */
const clipReasons = (reasons: readonly Reason[]): Reason[] =>
  reasons.slice(0, 20).map((reason) => ({ ...reason, detail: reason.detail.slice(0, 200) }));

let amount: RegExp | undefined;

export function buildFrameVerdict(doc: Document, isTop: boolean): FrameVerdictMessage {
  // Bounded like the message (a longer address would make the whole report unreadable).
  const url = (doc.location?.href ?? '').slice(0, 4096);
  const scanned = scanFields(doc);
  // Same-origin iframes run their own content script and report their own fields; the top frame
  // still counts them towards the loan verdict, but reports only the fields of its own document.
  const own = scanned.filter((field) => field.element.ownerDocument === doc);
  // The top frame is always described (this code only runs in frames with text inputs): a lender's
  // landing page asks for nothing yet but still tells the site memory it is a lender.
  const page = isTop ? readPage(doc, url) : undefined;
  return {
    type: 'frame-verdict',
    url,
    title: isTop ? doc.title.slice(0, 500) : '',
    isTop,
    loan: null,
    ...(page
      ? {
          page: {
            text: page.text,
            signals: countSignals(doc, page.roots, (amount ??= amountRegex())),
            fieldKinds: [...new Set(scanned.map((field) => field.verdict.kind))] as FieldKind[],
          },
        }
      : {}),
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
