// Background (MV3 service worker / Firefox event page). Wiring only: the private log's writer, the
// guard's background half, the message groups by sender (lib/background/), tab clean-up and
// settings reactions.
import { browser } from 'wxt/browser';
import { contentMessages } from '@/lib/background/from-content';
import { pageMessages, type EvidenceService } from '@/lib/background/from-pages';
import { captureEvidence } from '@/lib/background/evidence-capture';
import { deleteEvidence } from '@/lib/log/evidence-store';
import { createGuardService } from '@/lib/background/guard-service';
import { routeMessages } from '@/lib/background/message-router';
import { forgetTab } from '@/lib/background/tab-verdict-store';
import { sweepHolds } from '@/lib/guard/background/holds';
import { pendingShareSweeper } from '@/lib/guard/background/pending-shares';
import { openLogDb } from '@/lib/log/log-store';
import { createLogWriter } from '@/lib/log/log-writer';
import { damagedByChange, type StoredObject } from '@/lib/settings/stored-object';
import { loadSettings, parseSettings, SETTINGS_KEY, settingsStore } from '@/lib/settings/settings';
import { TRUSTED_KEY, trustedStore } from '@/lib/trust/trusted-list';
import { siteMemoryStore } from '@/lib/background/site-memory-store';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import { mergeOnEnable, onSyncChanged } from '@/lib/trust/trusted-sync';

export default defineBackground(() => {
  const now = (): number => Date.now();
  let db: Promise<IDBDatabase> | undefined;
  // A failed open is not kept: the next write tries again.
  const openDb = (): Promise<IDBDatabase> =>
    (db ??= openLogDb().catch((error: unknown) => {
      db = undefined;
      throw error;
    }));
  const log = createLogWriter({
    db: openDb,
    now,
    retentionDays: async () => (await loadSettings()).value.retentionDays,
  });
  // Migrates the pre-log events, repairs the summary, applies retention; failures show in the pages.
  void log.start().catch(() => undefined);
  // Damaged settings or trusted list: set aside at once, a copy kept (the options page says so).
  const repairable = [settingsStore, trustedStore, siteMemoryStore] as StoredObject<unknown>[];
  for (const store of repairable) void store.repair(now()).catch(() => undefined);

  const guard = createGuardService((events) => log.record(events), now);
  // Audit-only shares whose report the worker never got (it was stopped, the page was gone): from the frames' copies.
  const pendingShares = pendingShareSweeper((events) => log.record(events), now);
  void pendingShares.sweep().catch(() => undefined);
  // The user marked a site (popup): every frame of its open tabs learns the new page status.
  const tellPageStatus = (tabId: number, verdict: TabVerdict): Promise<void> =>
    browser.tabs
      .sendMessage(tabId, { type: 'page-status', isLoanPage: verdict.loan?.isLoanPage ?? false, loanReasons: verdict.loan?.reasons ?? [], ...(verdict.override ? { override: verdict.override } : {}) })
      .then(
        () => undefined,
        () => undefined, // no content script there (yet): its next verdict gets the status
      );
  const evidence: EvidenceService = {
    save: (tabId) =>
      captureEvidence(tabId, {
        getTab: (id) => browser.tabs.get(id),
        capture: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
        db: openDb,
        now,
        appVersion: browser.runtime.getManifest().version,
      }),
    remove: async (id) => deleteEvidence(await openDb(), id),
  };
  browser.runtime.onMessage.addListener(
    routeMessages([contentMessages(guard), pageMessages(log, now, tellPageStatus, evidence)], () => browser.runtime.getURL('/')),
  );
  browser.runtime.onConnect.addListener((port) => guard.connect(port));
  // Holds left by the worker's previous life whose page no longer waits: recorded as not sent.
  void sweepHolds(guard.holds).catch(() => undefined);
  // First run: the welcome page (phone region, trusted platforms, the demo), in the browser's language.
  browser.runtime.onInstalled.addListener(({ reason }) => reason === 'install' && void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }));
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void guard.forgetTab(tabId);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') void onSyncChanged(changes).catch(() => undefined);
    if (area !== 'local') return;
    pendingShares.changed(changes);
    // Damaged while running: set aside at once too, not at the next write.
    for (const store of damagedByChange(repairable, changes)) void store.repair(now()).catch(() => undefined);
    if (TRUSTED_KEY in changes || SETTINGS_KEY in changes) void guard.refreshAll().catch(() => undefined);
    if (!(SETTINGS_KEY in changes)) return;
    const before = parseSettings(changes[SETTINGS_KEY]?.oldValue).value;
    const after = parseSettings(changes[SETTINGS_KEY]?.newValue).value;
    if (after.retentionDays !== before.retentionDays) void log.applyRetention().catch(() => undefined);
    if (after.syncTrusted && !before.syncTrusted) void mergeOnEnable().catch(() => undefined);
  });
});
