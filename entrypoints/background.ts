// Background (MV3 service worker / Firefox event page): receives frame verdicts and held requests,
// answers the popup, options page and prompt, relays the user's answers to the right frame, and is
// the only writer of the private log and the trusted list. Wiring only; every message is zod-validated.
import { browser, type Browser } from 'wxt/browser';
import { VERDICT_MESSAGES } from '@/lib/messages/verdict-messages';
import { GUARD_MESSAGES, type ToContentMessage } from '@/lib/messages/guard-messages';
import { forgetTab, listTabVerdicts, readTabVerdict, recordFrameVerdict } from '@/lib/background/tab-verdict-store';
import { closeHold, dropTabHolds, holdFromMessage, openHold, recordAudit } from '@/lib/guard/background/hold-store';
import { readHold } from '@/lib/prompt/hold-read';
import { LOG_MESSAGES } from '@/lib/messages/write-messages';
import { openLogDb } from '@/lib/log/log-store';
import { createLogWriter } from '@/lib/log/log-writer';
import { fingerprintItems } from '@/lib/log/fingerprint-input';
import { loadSettings, SETTINGS_KEY, parseSettings } from '@/lib/settings/settings';
import { applyTrustedOp } from '@/lib/trust/trusted-writer';
import { mergeOnEnable, onSyncChanged } from '@/lib/trust/trusted-sync';
import * as z from 'zod/mini';

const extensionOrigin = (): string => browser.runtime.getURL('/');

/** Our own pages (popup, options, the prompt iframe) may ask; content scripts may only report. */
const fromExtensionPage = (sender: Browser.runtime.MessageSender): boolean => (sender.url ?? '').startsWith(extensionOrigin());
const fromPrompt = (sender: Browser.runtime.MessageSender): boolean => (sender.url ?? '').startsWith(`${extensionOrigin()}prompt.html`);

const anyMessage = z.discriminatedUnion('type', [...VERDICT_MESSAGES, ...GUARD_MESSAGES, ...LOG_MESSAGES]);

function tellFrame(tabId: number, frameId: number, message: ToContentMessage): Promise<void> {
  return browser.tabs.sendMessage(tabId, message, { frameId }).then(
    () => undefined,
    () => undefined, // the page is gone; nothing is waiting any more
  );
}

export default defineBackground(() => {
  let db: Promise<IDBDatabase> | undefined;
  const log = createLogWriter({
    // A failed open is not kept: the next write tries again.
    db: () =>
      (db ??= openLogDb().catch((error: unknown) => {
        db = undefined;
        throw error;
      })),
    now: () => Date.now(),
    retentionDays: async () => (await loadSettings()).settings.retentionDays,
  });
  // Migrates the pre-log events, repairs the summary, applies retention; failures show in the pages.
  void log.start().catch(() => undefined);
  const record = (events: Parameters<typeof log.record>[0]) => log.record(events);
  const asWriteReply = (task: Promise<number | void>) =>
    task.then(
      (count) => ({ ok: true as const, ...(typeof count === 'number' ? { count } : {}) }),
      (error: unknown) => ({ ok: false as const, error: error instanceof DOMException && error.name === 'QuotaExceededError' ? 'writeQuota' : 'writeFailed' }),
    );

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
        const frameId = sender.frameId ?? 0;
        const frameUrl = sender.url ?? '';
        // The values become fingerprints here, before anything is stored.
        return fingerprintItems(message.items).then(async (items) => {
          const hold = holdFromMessage(message, items, tabId, frameId, frameUrl, Date.now());
          if (message.auditOnly) return recordAudit(hold, record).then(() => ({ ok: true }));
          // Stored before the prompt asks for it; shown by the top frame whichever frame holds the data.
          await openHold(hold);
          await tellFrame(tabId, 0, { type: 'show-prompt', holdId: hold.holdId });
          return { ok: true };
        });
      }
      case 'get-hold':
        return fromPrompt(sender) ? readHold(message.holdId) : undefined;
      case 'hold-decision':
        if (!fromPrompt(sender)) return undefined;
        return readHold(message.holdId).then(async (hold) => {
          // Only the prompt shown in the tab that holds the request may answer for it.
          if (!hold || sender.tab?.id !== hold.tabId) return { ok: false };
          // Recording or trusting may fail (full quota); the page must get its answer all the same.
          await closeHold(hold, message.decision, record).catch(() => undefined);
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
      case 'log-delete':
        return fromExtensionPage(sender) ? asWriteReply(log.remove(message.scope)) : undefined;
      case 'log-quarantine':
        return fromExtensionPage(sender) ? asWriteReply(log.quarantine(message.ids)) : undefined;
      case 'log-quarantine-clear':
        return fromExtensionPage(sender) ? asWriteReply(log.clearQuarantine()) : undefined;
      case 'trusted-update':
        return fromExtensionPage(sender) ? applyTrustedOp(message.change, Date.now()) : undefined;
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void dropTabHolds(tabId, record);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') void onSyncChanged(changes).catch(() => undefined);
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const before = parseSettings(changes[SETTINGS_KEY]?.oldValue).settings;
    const after = parseSettings(changes[SETTINGS_KEY]?.newValue).settings;
    if (after.retentionDays !== before.retentionDays) void log.applyRetention().catch(() => undefined);
    if (after.syncTrusted && !before.syncTrusted) void mergeOnEnable().catch(() => undefined);
  });
});
