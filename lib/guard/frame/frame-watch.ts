// Decides WHEN a frame is scanned, so the content script stays near-free on pages without forms:
// nothing runs until the DOM is parsed, a frame with no text inputs costs one querySelector, and
// later changes (fields added by a single-page app, client-side navigation) trigger one debounced
// rescan instead of work per mutation.

/** Inputs worth a scan: anything a person can type an ID, phone, card number or code into. */
export const TYPABLE_INPUT = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]):not([type=image]):not([type=file]):not([type=reset]):not([type=range]):not([type=color]), textarea';

export interface FrameWatchOptions {
  /** Runs the classifiers; called only when the frame has a typable input. */
  scan: () => void;
  /** Quiet period after the last DOM change before rescanning. */
  debounceMs?: number;
}

/** Starts watching `doc`; returns a function that stops it. */
export function watchFrame(doc: Document, { scan, debounceMs = 500 }: FrameWatchOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scannedOnce = false;

  const scanIfTypable = (): void => {
    timer = undefined;
    // A frame without inputs reports nothing, unless it reported before and then lost them or
    // navigated (the verdict it sent must be replaced, or the popup would show fields that are gone).
    if (scannedOnce || doc.querySelector(TYPABLE_INPUT)) {
      scannedOnce = true;
      scan();
    }
  };

  const schedule = (): void => {
    if (timer === undefined) timer = setTimeout(scanIfTypable, debounceMs);
  };

  const observer = new MutationObserver((records) => {
    // Only element insertions/removals can add or remove fields; text and attribute churn is ignored.
    for (const record of records) {
      if (record.addedNodes.length > 0 || record.removedNodes.length > 0) {
        schedule();
        return;
      }
    }
  });

  const start = (): void => {
    scanIfTypable();
    observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true });
  };

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
  else start();

  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    doc.removeEventListener('DOMContentLoaded', start);
  };
}
