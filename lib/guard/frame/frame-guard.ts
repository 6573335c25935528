// Starts the guard in one frame (isolated world): tracks what the user types (their own input only),
// shares it with the tab's other frames through the background, answers the MAIN-world wrappers'
// questions, holds form navigations and form submissions into other windows, and applies the user's
// answers. The top frame also hosts the tab's prompt (lib/prompt/host/).
import type { HoldStatus, ReportedItem } from '@/lib/messages/guard-messages';
import { ext } from '@/lib/messages/extension-api';
import { readToContent, readWatchRecords, type PageStatus, type ToContentMessage } from '@/lib/messages/to-content';
import { DEFAULT_SETTINGS, SETTINGS_KEY, settingsInPage, type Settings } from '@/lib/settings/defaults';
import { guessRegion } from '@/lib/locale/region';
import { randomId } from '@/lib/random-id';
import { TRUSTED_KEY, trustedSitesInPage } from '@/lib/trust/trust-match';
import { isAccessKind, SHARE_ROUTES, USER_DECISIONS, type ShareRoute } from '@/lib/types';
import { releaseMessage, watchingMessage, type IsolatedChannel, type RequestQuestion } from '../page/page-channel';
import { GuardController, type WatchRecord } from './guard-controller';
import { pendingShareFor, pendingShareKey, reportAudit } from './pending-share';
import { reportReliably } from './reliable-report';
import { isTypable, TrackedValues } from './tracked-values';

export type { PageStatus };

/** How often a frame with requests waiting for an answer asks the background what became of them. */
export const HOLD_CHECK_MS = 4_000;

export interface FrameGuard {
  /** Settles once the stored settings and trusted list have been read. */
  ready: Promise<void>;
  /** A question from the MAIN-world wrappers (through the bootstrap's channel). */
  onQuestion(question: RequestQuestion, allow: () => void): void;
  /** The page asked for contacts, camera, location or the clipboard (a `permission` question, left held). */
  holdAccess(question: RequestQuestion): void;
  /** A message from the background (checked here). */
  onMessage(message: unknown): void;
  /** Whether a request of this frame is still held under `holdId`. */
  isHeld(holdId: string): boolean;
  /** Fields typed into before the guard was running: take their current values now. */
  track(elements: Iterable<Element>): void;
  setPageStatus(status: PageStatus): void;
  /** This page's loan verdict as last known (the top frame's, in a sub-frame). */
  pageStatus(): PageStatus;
  settings(): Settings;
  trustedSites(): readonly string[];
  /** Called by the top frame's prompt host, which shares the answers' effects. */
  onPromptMessage?: (message: ToContentMessage) => void;
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

/** The frame-specific API that reaches into closed shadow roots (Chromium's chrome.dom, Firefox's element method). */
function closedShadowRootOf(el: Element): ShadowRoot | null {
  const chromeDom = (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } }).chrome?.dom;
  try {
    if (chromeDom?.openOrClosedShadowRoot) return chromeDom.openOrClosedShadowRoot(el);
    const firefox = (el as unknown as { openOrClosedShadowRoot?: () => ShadowRoot | null }).openOrClosedShadowRoot;
    return typeof firefox === 'function' ? firefox.call(el) : null;
  } catch {
    return null;
  }
}

/** The element an event really happened in, inside open or closed shadow roots. */
export function deepTarget(event: Event): Element | null {
  const first = event.composedPath()[0];
  if (!(first instanceof Element)) return null;
  let target: Element = first;
  // A closed root hides its inside from composedPath(): follow the focus into it.
  for (let depth = 0; depth < 8 && !isTypable(target); depth++) {
    const root = closedShadowRootOf(target);
    const inner = root?.activeElement;
    if (!inner) break;
    target = inner;
  }
  return target;
}

/** FormData as text, for matching (file contents are not read; their names can carry an ID). */
function formText(data: FormData): string {
  let text = '';
  data.forEach((value, key) => {
    text += `${key}=${typeof value === 'string' ? value : value.name}\n`;
  });
  return text;
}

export interface FrameGuardHooks {
  /** The top frame's share of the tab's messages (its prompt host). */
  onTabPrompt?: (message: ToContentMessage) => void;
  /** A request waits for this page's loan verdict: have the page scored now (answered by setPageStatus). */
  wantVerdict?: () => void;
}

export function startFrameGuard(doc: Document, win: PageWindow, channel: IsolatedChannel, isTop: boolean, hooks: FrameGuardHooks = {}): FrameGuard {
  const { onTabPrompt, wantVerdict } = hooks;
  let settings: Settings = DEFAULT_SETTINGS;
  let trusted: string[] = [];
  let status: PageStatus = { isLoanPage: false, loanReasons: [] };
  let statusKnown = false;
  let remote: WatchRecord[] = [];
  let lastAction = 0;
  const cleanups: (() => void)[] = [];
  const frameToken = randomId().slice(0, 8);

  const tracked = new TrackedValues(() => guessRegion({ setting: settings.phoneRegion, lang: doc.documentElement.lang, url: win.location.href }));
  const localRecords = (): WatchRecord[] =>
    tracked.entriesFor(tracked.watched().map((w) => w.id)).flatMap((entry) => {
      const item = tracked.item(entry.fieldKey, entry.kind);
      if (!item) return [];
      const fieldKey = `${frameToken}.${entry.fieldKey}`;
      return [{ watched: { ...entry.watched, id: `${frameToken}.${entry.watched.id}` }, fieldKey, item: { ...item, fieldKey } }];
    });
  let local: WatchRecord[] = [];
  const records = (): WatchRecord[] => [...local, ...remote.filter((record) => !record.fieldKey.startsWith(`${frameToken}.`))];

  const send = (message: unknown): Promise<unknown> => ext().runtime.sendMessage(message) as Promise<unknown>;
  const controller = new GuardController({
    records,
    release: (requestId, allowed) => channel.post(releaseMessage(requestId, allowed)),
    report: (message) => {
      const reported = (): Promise<void> => reportReliably(() => send(message));
      if (!message.auditOnly) {
        checkHoldsSoon();
        return reported();
      }
      const copy = pendingShareFor(message, win.location.href, Date.now());
      return reportAudit(reported, () => ext().storage.local.set({ [pendingShareKey(message.holdId)]: copy }));
    },
    update: (holdId, items: ReportedItem[], after) => {
      void send({ type: 'hold-update', holdId, items: items.slice(0, 20), after }).catch(() => undefined);
    },
    newHoldId: randomId,
    now: () => Date.now(),
    settings: () => settings,
    trustedSites: () => trusted,
    page: () => ({ url: win.location.href, title: doc.title, ...status, known: statusKnown }),
    wantVerdict: () => wantVerdict?.(),
    lastUserAction: () => lastAction,
  });

  // While holds wait for an answer, ask now and then what became of them: a worker stopped between
  // recording the answer and telling this frame must not leave the request held for ever, and a
  // report the background lost is made again (so the user is asked). Nothing runs without holds.
  let holdCheck: ReturnType<typeof setInterval> | undefined;
  const checkHolds = async (): Promise<void> => {
    const holdIds = controller.waitingHoldIds();
    if (holdIds.length === 0) {
      clearInterval(holdCheck);
      holdCheck = undefined;
      return;
    }
    const reply = (await send({ type: 'hold-status', holdIds: holdIds.slice(0, 50) }).catch(() => undefined)) as { statuses?: unknown } | undefined;
    for (const status of Array.isArray(reply?.statuses) ? (reply.statuses as Partial<HoldStatus>[]) : []) {
      if (typeof status.holdId !== 'string' || !controller.isHeld(status.holdId)) continue;
      if (status.state === 'answered' && (USER_DECISIONS as readonly unknown[]).includes(status.decision)) controller.onDecided(status.holdId, status.decision!);
      else if (status.state === 'unknown') controller.reportAgain(status.holdId);
    }
  };
  const checkHoldsSoon = (): void => {
    holdCheck ??= setInterval(() => void checkHolds(), HOLD_CHECK_MS);
  };
  cleanups.push(() => clearInterval(holdCheck));

  /** Tell the MAIN world whether to ask at all, and the background what this frame watches. */
  let publishTimer: ReturnType<typeof setTimeout> | undefined;
  let watchingNow: boolean | undefined;
  const publish = (): void => {
    local = localRecords();
    const watching = records().length > 0;
    if (watching !== watchingNow) {
      watchingNow = watching;
      channel.post(watchingMessage(watching));
    }
    // The tab's other frames and the browser-level backstop learn of it a moment later (batched while typing).
    if (publishTimer === undefined) {
      publishTimer = setTimeout(() => {
        publishTimer = undefined;
        void send({ type: 'watch-update', records: local.slice(0, 200) }).catch(() => undefined);
      }, 50);
    }
  };
  // A new document in this frame: whatever an earlier document here reported is gone.
  void send({ type: 'watch-update', records: [], fresh: true }).catch(() => undefined);

  // Settings and the trusted list: read once, then follow changes made in the options page or prompt.
  const ready = (ext().storage.local.get([SETTINGS_KEY, TRUSTED_KEY]) as Promise<Record<string, unknown>>).then(
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
  ext().storage.onChanged.addListener(onStorage);
  cleanups.push(() => ext().storage.onChanged.removeListener(onStorage));

  // Typing: capture phase on window runs before the page's own handlers, so the MAIN world knows a
  // value is watched before a keystroke beacon can carry it. Only the user's own input counts.
  const listen = (type: string, handler: (event: Event) => void): void => {
    win.addEventListener(type, handler, true);
    cleanups.push(() => win.removeEventListener(type, handler, true));
  };
  const track = (target: Element | null): void => {
    if (target && tracked.update(target)) publish();
  };
  listen('beforeinput', (event) => {
    if (!event.isTrusted) return;
    const target = deepTarget(event);
    if (target) {
      tracked.beforeInput(target, event as InputEvent);
      publish();
    }
  });
  for (const type of ['input', 'change', 'paste', 'drop']) {
    listen(type, (event) => {
      if (!event.isTrusted) return;
      const target = deepTarget(event);
      // paste and drop land before the field's value changes: read it once the browser has applied them.
      if (type === 'paste' || type === 'drop') setTimeout(() => track(target), 0);
      else track(target);
    });
  }
  // The user acting (a submit, a click, Enter): the requests right after it are that action's.
  listen('click', (event) => {
    // Clicking into a field to type in it is not an action that sends (the prompt must not take the keyboard).
    const target = deepTarget(event);
    if (event.isTrusted && !(target && isTypable(target))) lastAction = Date.now();
  });
  listen('keydown', (event) => {
    if (event.isTrusted && (event as KeyboardEvent).key === 'Enter') lastAction = Date.now();
  });

  // Remember the last submission's form and button, to replay it exactly if the user says send.
  let lastSubmit: { form: HTMLFormElement; submitter: HTMLElement | null } | undefined;
  listen('submit', (event) => {
    if (event.target instanceof HTMLFormElement) lastSubmit = { form: event.target, submitter: (event as SubmitEvent).submitter };
  });

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
  const targetOf = (form: HTMLFormElement, submitter: HTMLElement | null): string =>
    (submitter?.getAttribute('formtarget') ?? form.getAttribute('target') ?? doc.querySelector('base[target]')?.getAttribute('target') ?? '').toLowerCase();

  // A submission: held at the submit event when it targets another window or frame (that navigation
  // happens elsewhere) or when this browser has no Navigation API; otherwise at the navigation.
  listen('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || records().length === 0) return;
    const submitter = (event as SubmitEvent).submitter;
    const target = targetOf(form, submitter);
    if (navigation && (target === '' || target === '_self')) return;
    const url = new URL(submitter?.getAttribute('formaction') ?? form.action, win.location.href).href;
    const texts = [url, formText(new FormData(form, submitter))];
    if (controller.holdNavigation(url, texts, replayFor(form, submitter, url))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  });
  if (navigation) {
    // Every navigation of this frame (a form by button, Enter, form.submit(), requestSubmit(); a link
    // or location change carrying the value in its URL) passes here, whatever the page's handlers did.
    const onNavigate = (event: Event): void => {
      const nav = event as NavigateEventLike;
      if (!nav.cancelable || records().length === 0) return;
      const url = nav.destination.url;
      const texts = [url, nav.formData ? formText(nav.formData) : ''];
      const source = nav.sourceElement ?? lastSubmit?.submitter ?? lastSubmit?.form ?? null;
      const form = source instanceof HTMLFormElement ? source : (source?.closest('form') ?? (source as HTMLButtonElement | null)?.form ?? null);
      const submitter = source instanceof HTMLFormElement ? (lastSubmit?.form === source ? lastSubmit.submitter : null) : (source as HTMLElement | null);
      if (controller.holdNavigation(url, texts, replayFor(form, nav.formData ? submitter : null, url))) event.preventDefault();
    };
    navigation.addEventListener('navigate', onNavigate);
    cleanups.push(() => navigation.removeEventListener('navigate', onNavigate));
  }

  // The page is going away: holds it leaves open can never be sent; the background records them.
  const onPageHide = (): void => {
    const holdIds = controller.openHoldIds();
    if (holdIds.length > 0) void send({ type: 'holds-abandoned', holdIds }).catch(() => undefined);
  };
  win.addEventListener('pagehide', onPageHide);
  cleanups.push(() => win.removeEventListener('pagehide', onPageHide));

  const onRuntimeMessage = (raw: unknown): undefined => {
    const message = readToContent(raw);
    if (message) {
      if (message.type === 'hold-ended') controller.onDecided(message.holdId, message.decision);
      if (message.type === 'tab-watch') {
        remote = readWatchRecords(message.records);
        publish();
      }
      if (isTop) onTabPrompt?.(message);
    }
    return undefined;
  };

  // Tell the MAIN world what is watched now (the bootstrap may have said "watching" while the core loaded).
  publish();

  return {
    ready,
    onMessage: onRuntimeMessage,
    isHeld: (holdId) => controller.isHeld(holdId),
    track: (elements) => {
      for (const element of elements) track(element);
    },
    onQuestion: (question, allow) => {
      const route = (SHARE_ROUTES as readonly string[]).includes(question.route) ? (question.route as ShareRoute) : 'other';
      controller.onQuestion({ requestId: String(question.id), route, url: String(question.url), text: String(question.text), flags: String(question.flags) }, allow);
    },
    holdAccess: (question) => {
      const kind = String(question.text);
      // Anything else is not a question this route asks: it stays held (fail closed).
      if (isAccessKind(kind)) controller.holdAccess(String(question.id), kind);
    },
    setPageStatus: (next) => {
      status = next;
      statusKnown = true;
      controller.pageKnown();
    },
    pageStatus: () => status,
    settings: () => settings,
    trustedSites: () => trusted,
    stop: () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      controller.stop();
      if (publishTimer !== undefined) clearTimeout(publishTimer);
    },
  };
}
