// Everything a frame needs once it has typable inputs (or once the tab has watched data and this
// frame sends something): the field and page classifiers, the verdict report, the guard, the
// passive notice and, in the top frame, the tab's prompt. Loaded on demand by the bootstrap content
// script, so frames without inputs never parse any of it.
import { buildFrameVerdict } from '@/lib/detect/frame-verdict';
import { classifyLoanDocument, looksLikeLender } from '@/lib/detect/loan-classifier';
import { scanFields } from '@/lib/detect/field-scan';
import { classifyIdUpload } from '@/lib/detect/id-upload';
import { t } from '@/lib/locale/i18n';
import { ext } from '@/lib/messages/extension-api';
import { readPageStatus, readPageStatusMessage, type PageStatus, type ToContentMessage } from '@/lib/messages/to-content';
import { showApkWarning } from '@/lib/notices/apk-warning';
import { showLoanNotice } from '@/lib/notices/loan-notice';
import { PromptHost } from '@/lib/prompt/host/prompt-host';
import { hostIsTrusted } from '@/lib/trust/trust-match';
import type { IsolatedChannel, RequestQuestion } from '../page/page-channel';
import { startFrameGuard } from './frame-guard';

export interface FrameCore {
  /** A question from the MAIN-world wrappers (through the bootstrap's channel). */
  onQuestion(question: RequestQuestion, allow: () => void): void;
  /** A message from the background (through the bootstrap's listener). */
  onMessage(message: unknown): void;
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

  const host = isTop
    ? new PromptHost(doc, win, {
        openToken: () => send({ type: 'prompt-open' }).then((reply) => (typeof (reply as { token?: unknown })?.token === 'string' ? (reply as { token: string }).token : null)),
        promptUrl: (token) => `${ext().runtime.getURL('/prompt.html')}#${token}`,
        reportGeometry: (geometry) => void send({ type: 'prompt-geometry', ...geometry }).catch(() => undefined),
        undoTrust: (holdId) => void send({ type: 'undo-trust', holdId }).catch(() => undefined),
        onShownChange: (shown) => {
          // The notice steps aside while a question is up, and does not come back after an answer.
          if (shown) {
            promptSeen = true;
            removeNotice?.();
            removeNotice = undefined;
          }
        },
        text: {
          stopped: (site) => t('toastStopped', site),
          trusted: (site) => t('toastTrusted', site),
          blocked: (site) => t('toastBlocked', site),
          leftUnasked: (site) => t('toastLeftUnasked', site),
          undo: t('toastUndo'),
          dismiss: t('noticeDismiss'),
        },
      })
    : undefined;

  const onTabPrompt = (message: ToContentMessage): void => {
    if (!host) return;
    switch (message.type) {
      case 'show-prompt':
        host.show(message.holdId, message.display ?? '', message.byAction === true);
        break;
      case 'raise-prompt':
        host.raise();
        break;
      case 'hold-ended':
        host.ended(message);
        break;
      case 'prompt-size':
        host.resize(message.height);
        break;
      case 'backstop-notice':
        host.backstop(message.site, message.blocked);
        break;
      case 'tab-watch':
        // Data is watched somewhere in the tab: have the prompt ready before it is needed.
        if (message.records.length > 0) void host.prewarm();
        break;
    }
  };
  const guard = startFrameGuard(doc, win, channel, isTop, onTabPrompt);
  guard.track(typedBeforeStart);
  let lastSent = '';

  // The background's word on this page when the site memory or the user's mark decided it (top
  // frame): the page's own verdict, re-read on every rescan, must not undo it.
  let decided: PageStatus | null = null;

  const notice = (status: PageStatus): void => {
    if (!isTop || !status.isLoanPage) return;
    void guard.ready.then(() => {
      const trusted = hostIsTrusted(win.location.hostname, guard.trustedSites());
      if (trusted) return;
      // A loan page: the prompt is loaded ahead of time, so a question appears at once.
      void host?.prewarm();
      if (!removeNotice && !promptSeen && guard.settings().showNotice) {
        removeNotice = showLoanNotice(doc, { message: t('noticeLoanPage'), dismiss: t('noticeDismiss') });
      }
    });
  };

  const scan = (): void => {
    const message = buildFrameVerdict(doc, isTop);
    const own: PageStatus | null = isTop && message.loan ? { isLoanPage: message.loan.isLoanPage, loanReasons: message.loan.reasons } : null;
    if (own && !decided) guard.setPageStatus(own);
    const signature = JSON.stringify(message);
    if (signature === lastSent) {
      if (own) notice(decided ?? own);
      return;
    }
    lastSent = signature;
    send(message).then(
      (reply) => {
        // Sub-frames learn the top page's loan verdict from the background; the top frame too when
        // the site memory or the user's mark decided it (a lender's SMS step, a site marked not a lender).
        const status = readPageStatus(reply);
        if (isTop) decided = status?.override ? status : null;
        if (status && (!isTop || status.override)) guard.setPageStatus(status);
        if (own) notice(decided ?? own);
      },
      () => {
        // The background may be restarting; the next scan reports again.
        lastSent = '';
        if (own) notice(own);
      },
    );
  };

  const onApkDownload = (url: string, resume: () => void): void => {
    // The top frame reads itself now (a landing page with no form counts if it talks like a
    // lender); a sub-frame goes by the top page's verdict.
    const loan = isTop ? classifyLoanDocument(doc, win.location.href, scanFields(doc).map((field) => field.verdict)) : null;
    const lender = loan ? looksLikeLender(loan) : guard.pageStatus().isLoanPage;
    void guard.ready.then(() => {
      const trusted = hostIsTrusted(win.location.hostname, guard.trustedSites());
      if (!lender || trusted) return resume();
      const file = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || url;
      showApkWarning(
        doc,
        { title: t('apkTitle'), body: t('apkBody'), file: t('apkFile', file.slice(0, 200)), cancel: t('apkCancel'), proceed: t('apkProceed') },
        (download) => {
          if (download) resume();
        },
      );
    });
  };

  // The page asked for contacts, camera, location or the clipboard: decided by whether the page is a
  // lender's, read now (the first scan may not have run yet; a landing page that talks like a lender
  // counts), or the background's word on the site. Left held meanwhile; released by the guard.
  const onQuestion = (question: RequestQuestion, allow: () => void): void => {
    if (question.route !== 'permission') return guard.onQuestion(question, allow);
    if (isTop && !decided) {
      const loan = classifyLoanDocument(doc, win.location.href, scanFields(doc).map((field) => field.verdict));
      guard.setPageStatus({ isLoanPage: looksLikeLender(loan), loanReasons: loan.reasons });
    }
    void guard.ready.then(() => guard.holdAccess(question));
  };

  // A picture picked for a field that asks for an ID document, on a lender's page not trusted: a
  // notice says to mark the copy first (LoanGuard's tool in the options page), and when the field
  // takes the camera or PDFs, that such a copy goes unmarked.
  let removeIdNotice: (() => void) | undefined;
  const onFilePicked = (target: unknown): void => {
    if (!(target instanceof HTMLInputElement) || target.type !== 'file' || !target.files?.length) return;
    const upload = classifyIdUpload(target);
    if (!upload.isIdUpload) return;
    const lender = isTop && !decided ? looksLikeLender(classifyLoanDocument(doc, win.location.href, scanFields(doc).map((field) => field.verdict))) : guard.pageStatus().isLoanPage;
    void guard.ready.then(() => {
      if (!lender || hostIsTrusted(win.location.hostname, guard.trustedSites())) return;
      const what = upload.label || (upload.reasons[0]?.detail ?? '');
      const extra = [upload.camera ? t('idUploadCamera') : '', upload.pdf ? t('idUploadPdf') : ''].filter(Boolean).join(' ');
      removeIdNotice?.();
      removeIdNotice = showLoanNotice(doc, { message: `${t('idUploadNotice', what)}${extra ? ` ${extra}` : ''}`, dismiss: t('noticeDismiss') });
    });
  };
  const onChange = (event: Event): void => {
    if (event.isTrusted) onFilePicked(event.composedPath()[0]);
  };
  win.addEventListener('change', onChange, true);
  // A pick that made the bootstrap load this core: its change event has passed already.
  for (const element of typedBeforeStart) onFilePicked(element);

  const onMessage = (message: unknown): void => {
    // The user changed what this site is (popup): the new page status, straight from the background.
    const status = readPageStatusMessage(message);
    if (!status) return guard.onMessage(message);
    if (isTop) decided = status.override ? status : null;
    guard.setPageStatus(status);
    notice(status);
  };

  return {
    onQuestion,
    onMessage,
    scan,
    onApkDownload,
    stop: () => {
      guard.stop();
      host?.remove();
      removeNotice?.();
      removeIdNotice?.();
      win.removeEventListener('change', onChange, true);
    },
  };
}
