// The on-demand half of the content script (see lib/guard/frame/frame-core.ts), built as its own file and
// put by the background into the isolated world of a frame whose bootstrap (entrypoints/frame-boot.ts)
// asks for it. Wiring only.
import { startFrameCore } from '@/lib/guard/frame/frame-core';

export default defineUnlistedScript(() => {
  (globalThis as { loanGuardFrameCore?: typeof startFrameCore }).loanGuardFrameCore = startFrameCore;
});
