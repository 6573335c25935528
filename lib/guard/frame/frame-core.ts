// Everything a frame needs once it has typable inputs (or once the tab has watched data and this
// frame sends something): the field and page classifiers, the verdict report, the guard, the
// passive notice and, in the top frame, the tab's prompt. Loaded on demand by the bootstrap content
// script, so frames without inputs never parse any of it.
import { buildFrameVerdict } from '@/lib/detect/frame-verdict';
import type { FrameVerdictMessage } from '@/lib/messages/verdict-messages';
import { t } from '@/lib/locale/i18n';
import { ext } from '@/lib/messages/extension-api';
import { readPageStatus, readPageStatusMessage, type PageStatus, type ToContentMessage } from '@/lib/messages/to-content';
import type { PromptHost, PromptHostEnvironment } from '@/lib/prompt/host/prompt-host';
import { hostIsTrusted } from '@/lib/trust/trust-match';
import type { IsolatedChannel, RequestQuestion } from '../page/page-channel';
import { startFrameGuard } from './frame-guard';
import { reportReliably } from './reliable-report';
import { loadFrameUi } from './frame-ui';
import { holdIdUploads } from './id-upload-hold';

export interface FrameCore {
  /** A question from the MAIN-world wrappers (through the bootstrap's channel). */
  onQuestion(question: RequestQuestion, allow: () => void): void;
  /** A message from the background (through the bootstrap's listener). */
  onMessage(message: unknown): void;
  /** Whether this frame still waits on the hold (a restarted background asks). */
  isHeld(holdId: string): boolean;
  /** Re-classify the frame and report it (called by the bootstrap's frame watcher). */
  scan(): void;
  /** The frame is starting an Android app download: warn on an untrusted loan page, else `resume()`. */
  onApkDownload(url: string, resume: () => void): void;
  stop(): void;
}

export function startFrameCore(doc: Document, win: Window & typeof globalThis, channel: IsolatedChannel, typedBeforeStart: Iterable<Element>): FrameCore {
  const isTop = win === win.top;
  const send = (message: unknown): Promise<unknown> => ext().runtime.sendMessage(message) as Promise<unknown>;
  let removeNotice: (() => void) | undefined;
  let promptSeen = false;

  let stopped = false;
  let geometrySeq = 0;
  // When the user last typed (top frame): the prompt host, loaded only when first needed, must not
  // take the keyboard from someone typing.
  let typedAt = 0;
  const onTyping = (event: Event): void => {
    if (event.isTrusted) typedAt = Date.now();
  };
  if (isTop) for (const type of ['keydown', 'input']) win.addEventListener(type, onTyping, true);

  const hostEnvironment: PromptHostEnvironment = {
    openToken: () => send({ type: 'prompt-open' }).then((reply) => (typeof (reply as { token?: unknown })?.token === 'string' ? (reply as { token: string }).token : null)),
    promptUrl: (token) => `${ext().runtime.getURL('/prompt.html')}#${token}`,
    // Reported only when it changes: one lost to a stopping worker would leave the prompt locked (or
    // unlocked) for good, so it is sent until confirmed — unless a newer one has replaced it.
    reportGeometry: (geometry) => {
      const seq = ++geometrySeq;
      void reportReliably(() => (seq === geometrySeq ? send({ type: 'prompt-geometry', ...geometry }) : Promise.resolve({ ok: true }))).catch(() => undefined);
    },
    undoTrust: (holdId) => void send({ type: 'undo-trust', holdId }).catch(() => undefined),
    onShownChange: (shown) => {
      // The notice steps aside while a question is up, and does not come back after an answer.
      if (shown) {
        promptSeen = true;
        removeNotice?.();
        removeNotice = undefined;
      }
    },
    lastTypedAt: () => typedAt,
    text: {
      stopped: (site) => t('toastStopped', site),
      trusted: (site) => t('toastTrusted', site),
      blocked: (site) => t('toastBlocked', site),
      leftUnasked: (site) => t('toastLeftUnasked', site),
      undo: t('toastUndo'),
      dismiss: t('noticeDismiss'),
    },
  };
  let promptHost: PromptHost | undefined;
  let hostWanted = false;
  /** The tab's prompt host (top frame only), made on first use; calls keep their order. */
  const withHost = (use: (host: PromptHost) => unknown): Promise<void> =>
    isTop && (hostWanted = true)
      ? loadFrameUi().then(
          (ui) => {
            if (stopped) return;
            promptHost ??= new ui.PromptHost(doc, win, hostEnvironment);
            void use(promptHost);
          },
          () => undefined, // the extension is updating: what is held stays held
        )
      : Promise.resolve();

  const onTabPrompt = (message: ToContentMessage): void => {
    if (!isTop) return;
    switch (message.type) {
      case 'show-prompt':
        void withHost((host) => host.show(message.holdId, message.display ?? '', message.byAction === true));
        break;
      // Only a host asked to show something has anything to raise, take down or say (in order, even
      // while its code is still loading).
      case 'raise-prompt':
        if (hostWanted) void withHost((host) => host.raise());
        break;
      case 'hold-ended':
        if (hostWanted) void withHost((host) => host.ended(message));
        break;
      case 'prompt-size':
        void withHost((host) => host.resize(message.height));
        break;
      case 'backstop-notice':
        void withHost((host) => host.backstop(message.site, message.blocked));
        break;
      case 'tab-watch':
        // Data is watched somewhere in the tab: have the prompt ready before it is needed.
        if (message.records.length > 0) void withHost((host) => host.prewarm());
        break;
    }
  };
  const guard = startFrameGuard(doc, win, channel, isTop, { onTabPrompt, wantVerdict: () => scan() });
  guard.track(typedBeforeStart);
  let lastSent = '';

  const notice = (status: PageStatus): void => {
    if (!isTop || !status.isLoanPage) return;
    void guard.ready.then(() => {
      const trusted = hostIsTrusted(win.location.hostname, guard.trustedSites());
      if (trusted) return;
      // A loan page: the prompt is loaded ahead of time, so a question appears at once.
      void withHost((host) => host.prewarm()).then(async () => {
        if (removeNotice || promptSeen || stopped || !guard.settings().showNotice) return;
        const ui = await loadFrameUi().catch(() => undefined);
        if (ui && !removeNotice && !promptSeen && !stopped) removeNotice = ui.showLoanNotice(doc, { message: t('noticeLoanPage'), dismiss: t('noticeDismiss') });
      });
    });
  };

  // Every frame learns the page's loan verdict from the background, the top frame too: it describes
  // its page and the background scores it (the classifier's vocabulary and weights are not page code).
  // Until the first answer a frame goes by the careful defaults (ID numbers and cards are asked about
  // everywhere; phones and codes once the page is known as a loan page).
  let classified: Promise<PageStatus | null> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;

  // Scans run one at a time, in slices; one asked for while another runs follows it (once, however
  // many were asked for), so the last report always describes the page as it is now.
  let scanning: Promise<FrameVerdictMessage | null> | undefined;
  let again: Promise<FrameVerdictMessage | null> | undefined;
  const scanPage = (): Promise<FrameVerdictMessage | null> => {
    if (!scanning) {
      // A scan that throws (a page's DOM can) reports nothing: the frame keeps the careful defaults.
      scanning = buildFrameVerdict(doc, isTop)
        .catch(() => null)
        .finally(() => {
          scanning = undefined;
        });
      return scanning;
    }
    again ??= scanning.then(() => {
      again = undefined;
      return scanPage();
    });
    return again;
  };
  const report = (): Promise<PageStatus | null> => scanPage().then((message) => (message ? sendVerdict(message) : null));

  const sendVerdict = (message: FrameVerdictMessage): Promise<PageStatus | null> => {
    if (stopped) return Promise.resolve(null);
    const signature = JSON.stringify(message);
    if (signature === lastSent && classified) return classified;
    lastSent = signature;
    classified = send(message).then(
      (reply) => {
        retries = 0;
        const status = readPageStatus(reply);
        if (status) guard.setPageStatus(status);
        return status;
      },
      () => {
        // The background may be restarting: report again shortly (a few times), and on the next scan.
        lastSent = '';
        if (retry === undefined && retries < 5) {
          retries++;
          retry = setTimeout(() => {
            retry = undefined;
            scan();
          }, 500 * retries);
        }
        return null;
      },
    );
    return classified;
  };

  const scan = (): void => {
    void report().then((status) => {
      if (status) notice(status);
    });
  };

  const onApkDownload = (url: string, resume: () => void): void => {
    // The top frame has the background score the page as it is now (a landing page with no form
    // counts if it talks like a lender); a sub-frame goes by the top page's verdict.
    const verdict = isTop ? report() : Promise.resolve(guard.pageStatus());
    void verdict.then((status) => {
      const lender = (status ?? guard.pageStatus()).isLoanPage;
      void guard.ready.then(() => {
        const trusted = hostIsTrusted(win.location.hostname, guard.trustedSites());
        if (!lender || trusted) return resume();
        const file = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || url;
        // No warning can be shown (the extension is updating): the download goes on as without it.
        void loadFrameUi().then((ui) => ui.showApkWarning(
          doc,
          { title: t('apkTitle'), body: t('apkBody'), file: t('apkFile', file.slice(0, 200)), cancel: t('apkCancel'), proceed: t('apkProceed') },
          (download) => {
            if (download) resume();
          },
        ), resume);
      });
    });
  };

  // The page asked for contacts, camera, location or the clipboard: decided by whether the page is a
  // lender's as the background scores it now (the first scan may not have run yet; a landing page
  // that talks like a lender counts). Left held meanwhile; released by the guard (asked about when
  // no verdict comes: fail closed).
  const onQuestion = (question: RequestQuestion, allow: () => void): void => {
    if (question.route !== 'permission') return guard.onQuestion(question, allow);
    void report()
      .then(() => guard.ready)
      .then(() => guard.holdAccess(question));
  };

  // A picture picked for an ID-document field on a known lender's page not trusted: held before the
  // page sees it, and the user offered to mark it first.
  const stopIdHold = holdIdUploads(doc, win, {
    applies: () => guard.pageStatus().isLoanPage && !hostIsTrusted(win.location.hostname, guard.trustedSites()),
    send,
    loadUi: loadFrameUi,
  });

  const onMessage = (message: unknown): void => {
    // The user changed what this site is (popup): the new page status, straight from the background.
    const status = readPageStatusMessage(message);
    if (!status) return guard.onMessage(message);
    guard.setPageStatus(status);
    notice(status);
  };

  return {
    onQuestion,
    onMessage,
    isHeld: guard.isHeld,
    scan,
    onApkDownload,
    stop: () => {
      stopped = true;
      if (retry !== undefined) clearTimeout(retry);
      if (isTop) for (const type of ['keydown', 'input']) win.removeEventListener(type, onTyping, true);
      guard.stop();
      promptHost?.remove();
      removeNotice?.();
      stopIdHold();
    },
  };
}
