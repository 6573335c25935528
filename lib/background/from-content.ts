// What content scripts in web pages may send: a frame's verdict (answered with the tab's loan
// verdict, so sub-frames know the page they are in) and a held request.
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
        return { isLoanPage: verdict.loan?.isLoanPage ?? false, loanReasons: verdict.loan?.reasons ?? [] };
      }
      case 'guard-hold':
        return receiveHold(message, from, deps);
    }
  });
