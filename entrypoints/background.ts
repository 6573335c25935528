// Background (MV3 service worker / Firefox event page): receives frame verdicts, answers the
// popup and options page. Wiring only; every message is zod-validated before it is used.
import { browser, type Browser } from 'wxt/browser';
import { messageSchema } from '@/lib/messages';
import { forgetTab, listTabVerdicts, readTabVerdict, recordFrameVerdict } from '@/lib/tab-verdict-store';

/** Only our own extension pages may ask for verdicts; content scripts may only report. */
const fromExtensionPage = (sender: Browser.runtime.MessageSender): boolean =>
  sender.tab === undefined || (sender.url ?? '').startsWith(browser.runtime.getURL('/'));

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    switch (message.type) {
      case 'frame-verdict':
        if (sender.tab?.id === undefined) return undefined;
        return recordFrameVerdict(sender.tab.id, message).then(() => ({ ok: true }));
      case 'get-tab-verdict':
        return fromExtensionPage(sender) ? readTabVerdict(message.tabId).then((v) => v ?? null) : undefined;
      case 'list-tab-verdicts':
        return fromExtensionPage(sender) ? listTabVerdicts() : undefined;
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
