// Starts the guard in one frame (isolated world): tracks what is typed into watched fields, answers
// the MAIN-world wrappers, holds form navigations, opens prompts and applies the user's answers.
import { browser } from 'wxt/browser';
import type { PageChannel } from '../page/page-channel';
import type { GuardQuestion } from '../page/request-wrappers';
import { readToContent, type PageStatus } from '@/lib/messages/to-content';
import { DEFAULT_SETTINGS, SETTINGS_KEY, settingsInPage, type Settings } from '@/lib/settings/defaults';
import { findWatched, requestTexts } from '../page/value-match';
import type { Reason } from '@/lib/types';
import { GuardController } from './guard-controller';
import { PromptFrames } from '@/lib/prompt/host/prompt-frames';
import { TrackedValues } from './tracked-values';
import { guessRegion } from '@/lib/locale/region';
import { randomId } from '@/lib/random-id';
import { hostIsTrusted, TRUSTED_KEY, trustedSitesInPage } from '@/lib/trust/trust-match';

export type { PageStatus };

export interface FrameGuard {
  /** Settles once the stored settings and trusted list have been read. */
  ready: Promise<void>;
  /** A question from the MAIN-world wrappers. */
  onQuestion(message: unknown): void;
  /** A message from the background (validated here). */
  onMessage(message: unknown): void;
  /** Fields typed into before the guard was running: take their current values now. */
  track(elements: Iterable<Element>): void;
  setPageStatus(status: PageStatus): void;
  /** This page's loan verdict as last known (the top frame's, in a sub-frame). */
  pageStatus(): PageStatus;
  settings(): Settings;
  trustedSites(): readonly string[];
  stop(): void;
}

type PageWindow = Window & typeof globalThis;

/** The Navigation API's navigate event, as far as the guard uses it (not yet in every DOM typing). */
interface NavigateEventLike extends Event {
  cancelable: boolean;
  formData: FormData | null;
  destination: { url: string };
  sourceElement?: Element | null;
}

export function startFrameGuard(doc: Document, win: PageWindow, channel: PageChannel): FrameGuard {
  let settings: Settings = DEFAULT_SETTINGS;
  let trusted: string[] = [];
  let status: PageStatus = { isLoanPage: false, loanReasons: [] };
  const cleanups: (() => void)[] = [];

  const tracked = new TrackedValues(50, () =>
    guessRegion({ setting: settings.phoneRegion, lang: doc.documentElement.lang, url: win.location.href }),
  );
  const prompts = new PromptFrames(doc, (holdId) => `${browser.runtime.getURL('/prompt.html')}#${holdId}`);
  const controller = new GuardController(
    {
      answer: (message) => channel.post(message),
      report: (message) => {
        void browser.runtime.sendMessage(message).catch(() => undefined);
      },
      newHoldId: randomId,
      now: () => Date.now(),
      settings: () => settings,
      trustedSites: () => trusted,
      page: () => ({ url: win.location.href, title: doc.title, ...status }),
    },
    tracked,
  );

  // Settings and the trusted list: read once, then follow changes made in the options page or prompt.
  const ready = browser.storage.local.get([SETTINGS_KEY, TRUSTED_KEY]).then(
    (stored) => {
      settings = settingsInPage(stored[SETTINGS_KEY]);
      trusted = trustedSitesInPage(stored[TRUSTED_KEY]);
    },
    () => undefined, // unreadable storage: defaults, which are the careful choice
  );
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    if (SETTINGS_KEY in changes) settings = settingsInPage(changes[SETTINGS_KEY]?.newValue);
    if (TRUSTED_KEY in changes) trusted = trustedSitesInPage(changes[TRUSTED_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onStorage);
  cleanups.push(() => browser.storage.onChanged.removeListener(onStorage));

  // Typing: capture phase on window runs before the page's own handlers, so the MAIN world knows
  // a value before a keystroke beacon can carry it. composedPath()[0] reaches into open shadow roots.
  const isTop = win === win.top;
  const track = (target: EventTarget | undefined): void => {
    if (!(target instanceof Element) || !tracked.update(target)) return;
    controller.publishWatched();
    // Personal data typed on a site not trusted: load the prompt now, so it can appear at once.
    if (isTop && tracked.watched().length > 0 && !hostIsTrusted(win.location.hostname, trusted)) prompts.prewarm();
  };
  const onInput = (event: Event): void => track(event.composedPath()[0]);
  for (const type of ['input', 'change']) {
    win.addEventListener(type, onInput, true);
    cleanups.push(() => win.removeEventListener(type, onInput, true));
  }

  // Remember the last submission's form and button, to replay it exactly if the user says send.
  let lastSubmit: { form: HTMLFormElement; submitter: HTMLElement | null } | undefined;
  const onSubmit = (event: Event): void => {
    if (event.target instanceof HTMLFormElement) lastSubmit = { form: event.target, submitter: (event as SubmitEvent).submitter };
  };
  win.addEventListener('submit', onSubmit, true);
  cleanups.push(() => win.removeEventListener('submit', onSubmit, true));

  const replayFor = (form: HTMLFormElement | null, submitter: HTMLElement | null, url: string) => (): void => {
    if (form?.isConnected) {
      // requestSubmit re-runs the page's own submit handlers with the same submitter, as a click would.
      if (submitter?.isConnected) form.requestSubmit(submitter);
      else HTMLFormElement.prototype.submit.call(form);
    } else {
      win.location.assign(url);
    }
  };

  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  if (navigation) {
    // Every form submission (button, Enter, form.submit(), requestSubmit()) becomes a navigation
    // here, whatever the page's own submit handlers did with the submit event.
    const onNavigate = (event: Event): void => {
      const nav = event as NavigateEventLike;
      if (!nav.cancelable || tracked.watched().length === 0) return;
      const url = nav.destination.url;
      const hits = findWatched(requestTexts(url, nav.formData ?? undefined).texts, tracked.watched());
      if (hits.length === 0) return;
      const source = nav.sourceElement ?? lastSubmit?.submitter ?? lastSubmit?.form ?? null;
      const form = source instanceof HTMLFormElement ? source : (source?.closest('form') ?? (source as HTMLButtonElement | null)?.form ?? null);
      const submitter = source instanceof HTMLFormElement ? (lastSubmit?.form === source ? lastSubmit.submitter : null) : (source as HTMLElement | null);
      if (controller.holdNavigation(url, hits.map((hit) => hit.id), replayFor(form, nav.formData ? submitter : null, url))) event.preventDefault();
    };
    navigation.addEventListener('navigate', onNavigate);
    cleanups.push(() => navigation.removeEventListener('navigate', onNavigate));
  } else {
    // No Navigation API: hold at the submit event (form.submit() is wrapped in the MAIN world).
    const onSubmitHold = (event: Event): void => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || tracked.watched().length === 0) return;
      const submitter = (event as SubmitEvent).submitter;
      const url = new URL(submitter?.getAttribute('formaction') ?? form.action, win.location.href).href;
      const hits = findWatched(requestTexts(url, new FormData(form, submitter)).texts, tracked.watched());
      if (hits.length === 0) return;
      if (controller.holdNavigation(url, hits.map((hit) => hit.id), replayFor(form, submitter, url))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    win.addEventListener('submit', onSubmitHold, true);
    cleanups.push(() => win.removeEventListener('submit', onSubmitHold, true));
  }

  // From the background: the prompt's show / raise (to the top frame, which hosts every prompt of the
  // tab) and the end of a hold (to every frame).
  const onRuntimeMessage = (raw: unknown): undefined => {
    const message = readToContent(raw);
    if (!message) return undefined;
    const { holdId } = message;
    switch (message.type) {
      case 'hold-ended':
        // Every frame of the tab hears it: the one holding the request sends or drops it, the top
        // frame takes the prompt down.
        controller.onDecided(holdId, message.decision);
        prompts.remove(holdId);
        break;
      case 'show-prompt':
        prompts.show(holdId);
        break;
      case 'raise-prompt':
        prompts.raise(holdId);
        break;
    }
    return undefined;
  };

  return {
    ready,
    onMessage: onRuntimeMessage,
    track: (elements) => {
      for (const element of elements) track(element);
    },
    onQuestion: (message) => {
      if (message && typeof message === 'object' && (message as GuardQuestion).type === 'check') controller.onQuestion(message as GuardQuestion);
    },
    setPageStatus: (next) => {
      status = next;
    },
    pageStatus: () => status,
    settings: () => settings,
    trustedSites: () => trusted,
    stop: () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      prompts.removeAll();
    },
  };
}
