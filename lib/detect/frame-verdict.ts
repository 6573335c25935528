// Builds the report one frame sends to the background: its classified fields (never their values)
// and, for the top frame, what the page shows (its capped text and a few DOM counts) so that the
// background scores it as a loan page or not. The page classifier's vocabulary and weights live in
// the background (lib/detect/page-verdict.ts): frames carry only the extraction, which keeps the code
// in every frame with inputs small.
import { countSignals, readPage, type PageSignals, type PageText } from './page-text';
import { amountRegex } from './rules/amount-words';
import { runSteps, scanSteps, sliceClock, type ScannedField, type SliceOptions } from './field-scan';
import type { FrameVerdictMessage } from '@/lib/messages/verdict-messages';
import type { FieldKind, Reason } from '@/lib/types';

/** Reasons travel in a bounded message: at most 20, each detail at most 200 characters. */
const clipReasons = (reasons: readonly Reason[]): Reason[] =>
  reasons.slice(0, 20).map((reason) => ({ ...reason, detail: reason.detail.slice(0, 200) }));

let amount: RegExp | undefined;

/** The frame's address, bounded like the message (a longer one would make the whole report unreadable). */
const frameUrl = (doc: Document): string => (doc.location?.href ?? '').slice(0, 4096);

/** What the top frame's page shows: its capped text and a few DOM counts. */
interface PageDescription {
  text: PageText;
  signals: PageSignals;
}

/**
 * Reading the page's text and counting its marks each go over the whole document (about 20 ms each
 * on a page of 10,000 inputs): each starts a fresh slice unless the current one has this much left.
 */
const DESCRIBE_RESERVE_MS = 15;

/**
 * Scans `doc`'s fields and describes the page in slices (no long task on a page of thousands of
 * inputs), then builds its report.
 */
export async function buildFrameVerdict(doc: Document, isTop: boolean, slicing?: SliceOptions): Promise<FrameVerdictMessage> {
  const checkpoint = sliceClock(slicing);
  const scanned: ScannedField[] = [];
  for (const _ of scanSteps(doc, scanned)) await checkpoint();
  if (!isTop) return frameVerdictFrom(doc, false, scanned);
  const steps = describeSteps(doc);
  for (;;) {
    await checkpoint(DESCRIBE_RESERVE_MS);
    const step = steps.next();
    if (step.done) return frameVerdictFrom(doc, true, scanned, step.value);
  }
}

/**
 * The report of `doc` from its scanned fields (of this document) and, for the top frame, its page
 * description (read here when not given).
 */
export function frameVerdictFrom(doc: Document, isTop: boolean, scanned: readonly ScannedField[], described?: PageDescription): FrameVerdictMessage {
  const url = frameUrl(doc);
  // Same-origin iframes run their own content script and report their own fields; the top frame
  // still counts them towards the loan verdict, but reports only the fields of its own document.
  const own = scanned.filter((field) => field.element.ownerDocument === doc);
  // The top frame is always described (this code only runs in frames with text inputs): a lender's
  // landing page asks for nothing yet but still tells the site memory it is a lender.
  const page = isTop ? (described ?? runSteps(describeSteps(doc))) : undefined;
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
            signals: page.signals,
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

/** The top frame's page description, in two steps that each go over the whole document. */
function* describeSteps(doc: Document): Generator<void, PageDescription> {
  const { text, roots } = readPage(doc, frameUrl(doc));
  yield;
  return { text, signals: countSignals(doc, roots, (amount ??= amountRegex())) };
}
