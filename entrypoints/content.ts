// Content script (every frame, document_start, isolated world) — the always-on bootstrap. It opens
// the private channel to the MAIN-world wrappers before any page script runs, then waits: only when
// the frame has a typable input, the user types, or the tab has watched data and this frame sends
// something, does it load the classifiers and the guard (frame-core.js). Until then any question
// from the wrappers is held (fail closed) and handed to the core once it runs. Wiring only.
import { watchApkDownloads } from '@/lib/guard/frame/apk-watch';
import { startBootstrap } from '@/lib/guard/frame/bootstrap';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  // Frames made from about:, data: and blob: URLs (the "clean realm" a page can build) get it too.
  matchOriginAsFallback: true,
  main(ctx) {
    const stop = startBootstrap(document, window, watchApkDownloads);
    ctx.onInvalidated(stop);
  },
});
