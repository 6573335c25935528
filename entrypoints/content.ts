// Content script (every frame, document_start, isolated world): reports what the frame is (fields,
// loan verdict) to the background, and runs the guard that asks before personal data leaves.
// Wiring only; the logic lives in lib/.
import { browser } from 'wxt/browser';
import { watchFrame } from '@/lib/frame-watch';
import { buildFrameVerdict } from '@/lib/frame-verdict';
import { startFrameGuard } from '@/lib/guard/frame-guard';
import { showLoanNotice } from '@/lib/guard/loan-notice';
import { frameVerdictReplySchema } from '@/lib/messages';
import { hostIsTrusted } from '@/lib/trust-match';
import { t } from '@/lib/i18n';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    const isTop = window === window.top;
    const guard = startFrameGuard(document, window);
    let lastSent = '';
    let noticeShown = false;

    const stopWatching = watchFrame(document, {
      scan: () => {
        const message = buildFrameVerdict(document, isTop);
        if (isTop && message.loan) {
          const loan = message.loan;
          guard.setPageStatus({ isLoanPage: loan.isLoanPage, loanReasons: loan.reasons });
          void guard.ready.then(() => {
            const trusted = hostIsTrusted(location.hostname, guard.trustedSites());
            if (loan.isLoanPage && !trusted && !noticeShown && guard.settings().showNotice) {
              noticeShown = true;
              showLoanNotice(document, { message: t('noticeLoanPage'), dismiss: t('noticeDismiss') });
            }
          });
        }
        const signature = JSON.stringify(message);
        if (signature === lastSent) return;
        lastSent = signature;
        browser.runtime.sendMessage(message).then(
          (reply: unknown) => {
            // Sub-frames learn the top page's loan verdict from the background.
            const parsed = frameVerdictReplySchema.safeParse(reply);
            if (!isTop && parsed.success) guard.setPageStatus(parsed.data);
          },
          () => {
            // The background may be restarting; the next scan reports again.
            lastSent = '';
          },
        );
      },
    });
    ctx.onInvalidated(() => {
      stopWatching();
      guard.stop();
    });
  },
});
