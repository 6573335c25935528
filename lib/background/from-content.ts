// What content scripts in web pages may send: a frame's verdict (answered with the tab's loan
// verdict — the site memory's when it decides — so every frame knows the page it is in) and a held request.
import type { HoldDeps } from '@/lib/guard/background/holds';
import { receiveHold } from '@/lib/guard/background/holds';
import { contentMessageSchema } from '@/lib/messages/by-sender';
import { messageGroup } from './message-router';
import { recordFrameVerdict } from './tab-verdict-store';

export const contentMessages = (deps: HoldDeps) =>
  messageGroup('content', contentMessageSchema, async (message, from) => {
    switch (message.type) {
      case 'frame-verdict': {
        const verdict = await recordFrameVerdict(from.tabId, message);
        // `override`: the site memory or the user's mark decided; the top frame takes it over its own.
        return { isLoanPage: verdict.loan?.isLoanPage ?? false, loanReasons: verdict.loan?.reasons ?? [], ...(verdict.override ? { override: verdict.override } : {}) };
      }
      case 'guard-hold':
        return receiveHold(message, from, deps);
    }
  });
