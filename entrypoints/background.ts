// Background (MV3 service worker / Firefox event page): receives frame verdicts and held requests,
// answers the popup, options page and prompt, and relays the user's answers to the right frame.
// Wiring only; every message is zod-validated before it is used.
import { browser, type Browser } from 'wxt/browser';
import { VERDICT_MESSAGES } from '@/lib/messages';
import { GUARD_MESSAGES, type ToContentMessage } from '@/lib/guard-messages';
import { forgetTab, listTabVerdicts, readTabVerdict, recordFrameVerdict } from '@/lib/tab-verdict-store';
import { closeHold, dropTabHolds, holdFromMessage, openHold, recordAudit } from '@/lib/hold-store';
import { readHold } from '@/lib/hold-read';
import * as z from 'zod/mini';

const extensionOrigin = (): string => browser.runtime.getURL('/');

/** Our own pages (popup, options, the prompt iframe) may ask; content scripts may only report. */
const fromExtensionPage = (sender: Browser.runtime.MessageSender): boolean => (sender.url ?? '').startsWith(extensionOrigin());
const fromPrompt = (sender: Browser.runtime.MessageSender): boolean => (sender.url ?? '').startsWith(`${extensionOrigin()}prompt.html`);

const anyMessage = z.discriminatedUnion('type', [...VERDICT_MESSAGES, ...GUARD_MESSAGES]);

function tellFrame(tabId: number, frameId: number, message: ToContentMessage): Promise<void> {
  return browser.tabs.sendMessage(tabId, message, { frameId }).then(
    () => undefined,
    () => undefined, // the page is gone; nothing is waiting any more
  );
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const parsed = anyMessage.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'frame-verdict':
        if (tabId === undefined || fromExtensionPage(sender)) return undefined;
        return recordFrameVerdict(tabId, message).then((verdict) => ({
          isLoanPage: verdict.loan?.isLoanPage ?? false,
          loanReasons: verdict.loan?.reasons ?? [],
        }));
      case 'get-tab-verdict':
        return fromExtensionPage(sender) ? readTabVerdict(message.tabId).then((v) => v ?? null) : undefined;
      case 'list-tab-verdicts':
        return fromExtensionPage(sender) ? listTabVerdicts() : undefined;
      case 'guard-hold': {
        if (tabId === undefined || fromExtensionPage(sender)) return undefined;
        const hold = holdFromMessage(message, tabId, sender.frameId ?? 0, sender.url ?? '', Date.now());
        if (message.auditOnly) return recordAudit(hold).then(() => ({ ok: true }));
        // Stored before the prompt asks for it; shown by the top frame whichever frame holds the data.
        return openHold(hold)
          .then(() => tellFrame(tabId, 0, { type: 'show-prompt', holdId: hold.holdId }))
          .then(() => ({ ok: true }));
      }
      case 'get-hold':
        return fromPrompt(sender) ? readHold(message.holdId) : undefined;
      case 'hold-decision':
        if (!fromPrompt(sender)) return undefined;
        return readHold(message.holdId).then(async (hold) => {
          // Only the prompt shown in the tab that holds the request may answer for it.
          if (!hold || sender.tab?.id !== hold.tabId) return { ok: false };
          // Recording or trusting may fail (full quota); the page must get its answer all the same.
          await closeHold(hold, message.decision).catch(() => undefined);
          await tellFrame(hold.tabId, hold.frameId, { type: 'hold-decided', holdId: hold.holdId, decision: message.decision });
          await tellFrame(hold.tabId, 0, { type: 'close-prompt', holdId: hold.holdId });
          return { ok: true };
        });
      case 'prompt-obscured':
        if (!fromPrompt(sender)) return undefined;
        return readHold(message.holdId).then(async (hold) => {
          if (hold && sender.tab?.id === hold.tabId) await tellFrame(hold.tabId, 0, { type: 'raise-prompt', holdId: hold.holdId });
          return { ok: Boolean(hold) };
        });
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void dropTabHolds(tabId);
  });
});
