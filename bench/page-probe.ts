// Bundled into each benchmark page: exposes the content script's classifiers so the benchmark can
// time exactly the work the content script does on that page, in real Chromium.
import { frameVerdictFrom, buildFrameVerdict } from '../lib/detect/frame-verdict';
import { scanFields } from '../lib/detect/field-scan';
import { TYPABLE_INPUT } from '../lib/guard/frame/frame-watch';
import { loanVerdictOf } from '../lib/detect/page-verdict';
import type { FrameVerdictMessage } from '../lib/messages/verdict-messages';

declare global {
  interface Window {
    loanGuardProbe: {
      classify(): number;
      classifySliced(): Promise<{ total: number; longest: number; slices: number }>;
      hasTypable(): boolean;
      describe(): void;
      score(): boolean;
    };
  }
}

window.loanGuardProbe = {
  /** The full per-frame work at once: field scan, page description, message building. Returns the field count. */
  classify: () => frameVerdictFrom(document, true, scanFields(document)).fields.length,
  /**
   * The same work as the content script runs it, in slices: the whole time from start to report and
   * the longest slice (one slice is one task).
   */
  classifySliced: async () => {
    const start = performance.now();
    let resumed = start;
    let longest = 0;
    let slices = 1;
    await buildFrameVerdict(document, true, {
      pause: () => {
        longest = Math.max(longest, performance.now() - resumed);
        slices++;
        return new Promise<void>((resolve) => setTimeout(() => {
          resumed = performance.now();
          resolve();
        }, 0));
      },
    });
    const end = performance.now();
    return { total: end - start, longest: Math.max(longest, end - resumed), slices };
  },
  /** The only work done on a page without typable inputs. */
  hasTypable: () => document.querySelector(TYPABLE_INPUT) !== null,
  /** Keep the top frame's page description, for score() to time the background's part alone. */
  describe: () => {
    described = frameVerdictFrom(document, true, scanFields(document));
  },
  /** The background's part: scoring the described page with the learned classifier. */
  score: () => (described?.page ? loanVerdictOf(described.page).isLoanPage : false),
};
let described: FrameVerdictMessage | undefined;
