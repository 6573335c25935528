// MAIN-world content script (every frame, document_start, before any page script): wraps the
// page's ways of sending data and holds requests that carry watched values until the isolated-world
// guard answers. Wiring only; see lib/guard/page/request-wrappers.ts and lib/guard/page/page-channel.ts.
import { createNetworkGuard, type GuardAnswer } from '@/lib/guard/page/request-wrappers';
import { openMainChannel } from '@/lib/guard/page/page-channel';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  world: 'MAIN',
  main() {
    const guard = createNetworkGuard({ post: (message) => channel.post(message) }, window);
    const channel = openMainChannel(document, window, (message) => {
      if (message && typeof message === 'object' && 'type' in message) guard.receive(message as GuardAnswer);
    });
    guard.install(window);
  },
});
