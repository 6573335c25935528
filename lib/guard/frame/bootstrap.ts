// The always-on part of the content script, in every frame: opens the private channel at
// document_start, watches for the first sign that the guard is needed — a typable field, the user
// typing, the tab watching data typed elsewhere, a request the wrappers ask about — and only then
// has the guard (frame-core.js) put into the frame. A question that arrives before the guard runs is
// held (never allowed unseen) and answered by the guard once it has started. Tiny and
// dependency-light: it runs in every frame of every page.
import { ext } from '@/lib/messages/extension-api';
import { randomId } from '@/lib/random-id';
import { openIsolatedChannel, releaseMessage, watchingMessage, type RequestQuestion } from '../page/page-channel';
import type { FrameCore, startFrameCore } from './frame-core';
import { loadFramePart } from './frame-parts';
import { watchFrame } from './frame-watch';

type ApkWatcher = (win: Window, onApk: (url: string, resume: () => void) => void) => () => void;

export function startBootstrap(doc: Document, win: Window & typeof globalThis, watchApkDownloads: ApkWatcher): () => void {
  let core: FrameCore | undefined;
  let loading: Promise<void> | undefined;
  let stopped = false;
  let watchingAnnounced = false;
  // Typed into, asked about or told before the core runs: replayed to it.
  const typedEarly = new Set<Element>();
  const heldQuestions: RequestQuestion[] = [];
  const earlyMessages: unknown[] = [];

  const channel = openIsolatedChannel(
    doc,
    (question, allow) => {
      if (core) return core.onQuestion(question, allow);
      heldQuestions.push(question);
      void load();
    },
    randomId(),
  );
  /** From now on the MAIN world asks about every request, until the core says what is really watched. */
  const announceWatching = (): void => {
    if (watchingAnnounced) return;
    watchingAnnounced = true;
    channel.post(watchingMessage(true));
  };

  const load = (): Promise<void> =>
    (loading ??= loadFramePart('core').then(
      () => {
        const start = (globalThis as { loanGuardFrameCore?: typeof startFrameCore }).loanGuardFrameCore;
        // Stopped while loading (the extension went away): start nothing.
        if (!start || stopped) return;
        core = start(doc, win, channel, typedEarly);
        typedEarly.clear();
        removeEarlyListeners();
        for (const message of earlyMessages.splice(0)) core.onMessage(message);
        // Questions held while the core loaded: decided now; "allowed" becomes a release.
        for (const question of heldQuestions.splice(0)) core.onQuestion(question, () => channel.post(releaseMessage(question.id, true)));
      },
      () => {
        // The core could not load (the extension is updating): held questions stay held, and the
        // next sign that the guard is needed tries again.
        loading = undefined;
      },
    ));

  const onEarlyInput = (event: Event): void => {
    if (!event.isTrusted) return;
    const target = event.composedPath()[0];
    if (target instanceof Element) typedEarly.add(target);
    announceWatching();
    void load();
  };
  const EARLY = ['beforeinput', 'input', 'change', 'paste'];
  const removeEarlyListeners = (): void => {
    for (const type of EARLY) win.removeEventListener(type, onEarlyInput, true);
  };
  for (const type of EARLY) win.addEventListener(type, onEarlyInput, true);

  // The background talks to the core (watched data, prompts, answers).
  const onMessage = (message: unknown, _sender?: unknown, respond?: (reply: unknown) => void): undefined => {
    const type = (message as { type?: unknown } | null)?.type;
    // A restarted background asks whether this frame still waits on a hold (answered at once, in
    // every browser: a listener's returned promise is not a reply everywhere).
    if (type === 'hold-known') {
      respond?.({ held: core?.isHeld(String((message as { holdId?: unknown }).holdId)) ?? false });
      return undefined;
    }
    if (core) {
      core.onMessage(message);
      return undefined;
    }
    // A hold's end is told to every frame of the tab; a frame whose core never ran held nothing.
    if (type === 'hold-ended') return undefined;
    earlyMessages.push(message);
    if (type === 'tab-watch') {
      // Data typed in another frame of this tab is watched here too: ask about every request.
      if (((message as { records?: unknown[] }).records ?? []).length > 0) announceWatching();
      return undefined;
    }
    void load();
    return undefined;
  };
  ext().runtime.onMessage.addListener(onMessage);
  const stopWatching = watchFrame(doc, {
    scan: () => {
      if (core) core.scan();
      else void load().then(() => core?.scan());
    },
  });
  // An Android app download is held until the core has looked at the page (loan page → warning).
  const stopApkWatch = watchApkDownloads(win, (url, resume) => {
    void load().then(
      () => (core ? core.onApkDownload(url, resume) : resume()),
      () => resume(),
    );
  });
  return () => {
    stopped = true;
    stopWatching();
    stopApkWatch();
    ext().runtime.onMessage.removeListener(onMessage);
    removeEarlyListeners();
    core?.stop();
  };
}
