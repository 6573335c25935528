// Everything a frame needs once it has typable inputs: the field and page classifiers, the verdict
// report, the guard and the passive notice. Loaded on demand by the bootstrap content script, so
// frames without inputs never parse any of it.
import { browser } from 'wxt/browser';
import { buildFrameVerdict } from '@/lib/detect/frame-verdict';
import { startFrameGuard } from './frame-guard';
import { showLoanNotice } from '@/lib/notices/loan-notice';
import { showApkWarning } from '@/lib/notices/apk-warning';
import { classifyLoanDocument, looksLikeLender } from '@/lib/detect/loan-classifier';
import { scanFields } from '@/lib/detect/field-scan';
import { readPageStatus, readPageStatusMessage, type PageStatus } from '@/lib/messages/to-content';
import type { PageChannel } from '../page/page-channel';
import { hostIsTrusted } from '@/lib/trust/trust-match';
import { t } from '@/lib/locale/i18n';

export interface FrameCore {
  /** A question from the MAIN-world wrappers (arrives through the bootstrap's channel). */
  onQuestion(message: unknown): void;
  /** A message from the background (arrives through the bootstrap's listener). */
  onMessage(message: unknown): void;
  /** Re-classify the frame and report it (called by the bootstrap's frame watcher). */
  scan(): void;
  /** The frame is starting an Android app download: warn on an untrusted loan page, else `resume()`. */
  onApkDownload(url: string, resume: () => void): void;
  stop(): void;
}

export function startFrameCore(
  doc: Document,
  win: Window & typeof globalThis,
  channel: PageChannel,
  typedBeforeStart: Iterable<Element>,
): FrameCore {
  const isTop = win === win.top;
  const guard = startFrameGuard(doc, win, channel);
  guard.track(typedBeforeStart);
  let lastSent = '';
  let noticeShown = false;

  // The background's word on this page when the site memory or the user's mark decided it (top
  // frame): the page's own verdict, re-read on every rescan, must not undo it.
  let decided: PageStatus | null = null;

  const notice = (status: PageStatus): void => {
    if (!isTop || !status.isLoanPage) return;
    void guard.ready.then(() => {
      const trusted = hostIsTrusted(win.location.hostname, guard.trustedSites());
      if (!trusted && !noticeShown && guard.settings().showNotice) {
        noticeShown = true;
        showLoanNotice(doc, { message: t('noticeLoanPage'), dismiss: t('noticeDismiss') });
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
    browser.runtime.sendMessage(message).then(
      (reply: unknown) => {
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

  const onMessage = (message: unknown): void => {
    // The user changed what this site is (popup): the new page status, straight from the background.
    const status = readPageStatusMessage(message);
    if (!status) return guard.onMessage(message);
    if (isTop) decided = status.override ? status : null;
    guard.setPageStatus(status);
    notice(status);
  };

  return { onQuestion: guard.onQuestion, onMessage, scan, onApkDownload, stop: guard.stop };
}
