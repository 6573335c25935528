// MAIN-world content script (every frame, document_start, before any page script): captures the
// built-ins it will need, opens the private channel, and wraps the page's ways of sending data so a
// request carrying a watched value is held until the isolated-world guard answers. Wiring only; see
// lib/guard/page/. Built as a plain script (declared in wxt.config.ts's manifest, world MAIN), not a
// WXT content script, so every frame loads only this.
import { captureNatives } from '@/lib/guard/page/natives';
import { openMainChannel, type MainChannel } from '@/lib/guard/page/page-channel';
import { createRequestGuard } from '@/lib/guard/page/request-wrappers';

export default defineUnlistedScript(() => {
  const natives = captureNatives(window);
  let channel: MainChannel | undefined;
  const guard = createRequestGuard(() => channel, window, natives);
  channel = openMainChannel(document, window, guard.receive, natives);
  guard.install(window);
});
