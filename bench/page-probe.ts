// Bundled into each benchmark page: exposes the content script's classifiers so the benchmark can
// time exactly the work the content script does on that page, in real Chromium.
import { buildFrameVerdict } from '../lib/detect/frame-verdict';
import { TYPABLE_INPUT } from '../lib/guard/frame/frame-watch';
import { loanVerdictOf } from '../lib/detect/page-verdict';
import type { FrameVerdictMessage } from '../lib/messages/verdict-messages';

declare global {
  interface Window {
    loanGuardProbe: { classify(): number; hasTypable(): boolean; describe(): void; score(): boolean };
  }
}

window.loanGuardProbe = {
  /** The full per-frame work: field scan, loan verdict, message building. Returns the field count. */
  classify: () => buildFrameVerdict(document, true).fields.length,
  /** The only work done on a page without typable inputs. */
  hasTypable: () => document.querySelector(TYPABLE_INPUT) !== null,
  /** Keep the top frame's page description, for score() to time the background's part alone. */
  describe: () => {
    described = buildFrameVerdict(document, true);
  },
  /** The background's part: scoring the described page with the learned classifier. */
  score: () => (described?.page ? loanVerdictOf(described.page).isLoanPage : false),
};
let described: FrameVerdictMessage | undefined;
