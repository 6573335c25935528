// Content script (every frame, document_start, isolated world) — the always-on bootstrap. It opens
// the private channel to the MAIN-world wrappers before any page script runs, then waits: only when
// the frame has a typable input, the user types, or the tab has watched data and this frame sends
// something, does it load the classifiers and the guard (frame-core.js). Until then any question
// from the wrappers is held (fail closed) and handed to the core once it runs. Wiring only.
// Built as a plain script (declared in wxt.config.ts's manifest), not a WXT content script: WXT's
// content-script runtime would be most of what every frame of every page loads.
import { watchApkDownloads } from '@/lib/guard/frame/apk-watch';
import { startBootstrap } from '@/lib/guard/frame/bootstrap';

export default defineUnlistedScript(() => {
  startBootstrap(document, window, watchApkDownloads);
});
