// What content scripts in web pages may send: their own on-demand parts (put into the frame), a
// frame's verdict (answered with the tab's loan verdict — the site memory's when it decides — so every
// frame knows the page it is in), what a frame watches, the requests it holds and their updates,
// pages leaving with requests held; and, from the top frame only, the prompt's host (a prompt token,
// how the page shows the prompt, Undo after Trust).
import { browser } from 'wxt/browser';
import type { GuardService } from './guard-service';
import { injectFramePart } from '@/lib/guard/background/frame-parts';
import { abandonHolds, holdStatus, receiveHold, recordIdPhoto, undoTrust, updateHold } from '@/lib/guard/background/holds';
import { contentMessageSchema } from '@/lib/messages/by-sender';
import { loanVerdictOf } from '@/lib/detect/page-verdict';
import { classifyIdUpload } from '@/lib/detect/id-upload';
import { messageGroup } from './message-router';
import { recordFrameVerdict } from './tab-verdict-store';

export const contentMessages = (guard: GuardService) =>
  messageGroup('content', contentMessageSchema, async (message, from) => {
    switch (message.type) {
      case 'load-part':
        // WXT types `files` as its known script paths; frame-parts.ts names only built ones.
        return injectFramePart({ executeScript: (injection) => browser.scripting.executeScript(injection as Parameters<typeof browser.scripting.executeScript>[0]) }, from, message.part);
      case 'frame-verdict': {
        // The top frame describes its page; the loan verdict is made here, never taken from a page.
        const { page, ...report } = message;
        const verdict = await recordFrameVerdict(from.tabId, { ...report, loan: report.isTop && page ? loanVerdictOf(page) : null });
        // A page recognised as a loan page guards more kinds: the backstop follows.
        if (message.isTop) void guard.refreshAll().catch(() => undefined);
        // `override`: the site memory or the user's mark decided; the top frame takes it over its own.
        return { isLoanPage: verdict.loan?.isLoanPage ?? false, loanReasons: verdict.loan?.reasons ?? [], ...(verdict.override ? { override: verdict.override } : {}) };
      }
      case 'id-upload-check':
        // The frame describes the file input; the rules stay here, out of page code.
        return classifyIdUpload(message);
      case 'id-photo':
        return recordIdPhoto(message, from, guard.holds);
      case 'guard-hold':
        return receiveHold(message, from, guard.holds);
      case 'hold-update':
        return updateHold(message, from, guard.holds);
      case 'watch-update':
        await guard.watchUpdate(from, message.records, message.fresh === true);
        return { ok: true };
      case 'hold-status':
        return holdStatus(message.holdIds, from, guard.holds);
      case 'holds-abandoned':
        return abandonHolds(message.holdIds, from, guard.holds);
      case 'prompt-open':
        // Only the top frame hosts the tab's prompt.
        return from.frameId === 0 ? { token: await guard.ports.token(from.tabId) } : undefined;
      case 'prompt-geometry':
        if (from.frameId !== 0) return undefined;
        await guard.ports.geometry(from.tabId, { safe: message.safe, ...(message.reason ? { reason: message.reason } : {}) });
        return { ok: true };
      case 'undo-trust':
        return from.frameId === 0 ? undoTrust(message.holdId, from, guard.holds) : undefined;
    }
  });
