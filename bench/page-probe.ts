// Bundled into each benchmark page: exposes the content script's classifiers so the benchmark can
// time exactly the work the content script does on that page, in real Chromium.
import { buildFrameVerdict } from '../lib/detect/frame-verdict';
import { TYPABLE_INPUT } from '../lib/guard/frame/frame-watch';

declare global {
  interface Window {
    loanGuardProbe: { classify(): number; hasTypable(): boolean };
  }
}

window.loanGuardProbe = {
  /** The full per-frame work: field scan, loan verdict, message building. Returns the field count. */
  classify: () => buildFrameVerdict(document, true).fields.length,
  /** The only work done on a page without typable inputs. */
  hasTypable: () => document.querySelector(TYPABLE_INPUT) !== null,
};
