// Content script (every frame, document_start): watches for typable fields, classifies them and the
// page, and reports the verdict to the background. Wiring only; the logic lives in lib/.
import { browser } from 'wxt/browser';
import { watchFrame } from '@/lib/frame-watch';
import { buildFrameVerdict } from '@/lib/frame-verdict';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    let lastSent = '';
    const stop = watchFrame(document, {
      scan: () => {
        const message = buildFrameVerdict(document, window === window.top);
        const signature = JSON.stringify(message);
        if (signature === lastSent) return;
        lastSent = signature;
        // The background may be restarting; a lost report is replaced by the next scan.
        browser.runtime.sendMessage(message).catch(() => {
          lastSent = '';
        });
      },
    });
    ctx.onInvalidated(stop);
  },
});
