// The on-demand half of the content script (see lib/guard/frame/frame-core.ts), built as its own file and
// imported by entrypoints/frame-boot.ts into the same isolated world. Wiring only.
import { startFrameCore } from '@/lib/guard/frame/frame-core';

export default defineUnlistedScript(() => {
  (globalThis as { loanGuardFrameCore?: typeof startFrameCore }).loanGuardFrameCore = startFrameCore;
});
