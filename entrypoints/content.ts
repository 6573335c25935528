// Content script (every frame, document_start, isolated world) — the always-on bootstrap. It opens
// the private channel to the MAIN-world wrappers before any page script runs, then waits: only
// when the frame has a typable input does it load the classifiers and the guard (frame-core.js).
// Wiring only; the logic lives in lib/.
import { browser } from 'wxt/browser';
import { watchFrame } from '@/lib/guard/frame/frame-watch';
import { openIsolatedChannel } from '@/lib/guard/page/page-channel';
import { watchApkDownloads } from '@/lib/guard/frame/apk-watch';
import type { FrameCore, startFrameCore } from '@/lib/guard/frame/frame-core';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    let core: FrameCore | undefined;
    let loading: Promise<void> | undefined;
    // Typed into before the core is running (a field added late, typed at once): replayed to it.
    const typedEarly = new Set<Element>();
    const channel = openIsolatedChannel(document, window, (message) => core?.onQuestion(message));
    const load = (): Promise<void> =>
      (loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/frame-core.js')).then(() => {
        const start = (globalThis as { loanGuardFrameCore?: typeof startFrameCore }).loanGuardFrameCore;
        if (start) core = start(document, window, channel, typedEarly);
        typedEarly.clear();
        // From here the core's own listeners see every input.
        if (core) removeEarlyInput();
      }));
    const onEarlyInput = (event: Event): void => {
      const target = event.composedPath()[0];
      if (target instanceof Element) typedEarly.add(target);
      void load();
    };
    const removeEarlyInput = (): void => {
      for (const type of ['input', 'change']) window.removeEventListener(type, onEarlyInput, true);
    };
    for (const type of ['input', 'change']) window.addEventListener(type, onEarlyInput, true);
    // The background talks to the core (prompts, answers); a frame without inputs loads it then.
    const onMessage = (message: unknown): undefined => {
      // A hold's end is told to every frame of the tab; a frame whose core never ran held nothing.
      if (!core && (message as { type?: unknown } | null)?.type === 'hold-ended') return undefined;
      void load().then(() => core?.onMessage(message));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    const stopWatching = watchFrame(document, {
      scan: () => {
        if (core) core.scan();
        else void load().then(() => core?.scan());
      },
    });
    // An Android app download is held until the core has looked at the page (loan page → warning).
    const stopApkWatch = watchApkDownloads(window, (url, resume) => {
      void load().then(
        () => (core ? core.onApkDownload(url, resume) : resume()),
        () => resume(),
      );
    });
    ctx.onInvalidated(() => {
      stopWatching();
      stopApkWatch();
      browser.runtime.onMessage.removeListener(onMessage);
      removeEarlyInput();
      core?.stop();
    });
  },
});
