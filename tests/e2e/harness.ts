// End-to-end harness: the built extension in real Chromium, the demo server on 127.0.0.1, and
// helpers that read what the extension itself recorded (storage.session, badge) through its service worker.
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server';
import type { TabVerdict } from '../../lib/messages';

/** The slice of the `chrome` API these helpers call inside the extension's service worker. */
declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

export interface Harness {
  browser: ExtensionBrowser;
  server: DemoServer;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startDemoServer();
  const browser = await launchWithExtension({ headless: true });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the extension has recorded a top-frame verdict for `url` and returns it. */
export async function waitForTabVerdict(harness: Harness, url: string, timeoutMs = 10_000): Promise<TabVerdict> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const all = (await harness.browser.serviceWorker.evaluate(() => chrome.storage.session.get(null))) as Record<string, TabVerdict>;
    const found = Object.values(all).find((v) => v.url === url && v.loan !== null);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no verdict recorded for ${url} within ${timeoutMs} ms`);
}

export async function badgeText(harness: Harness, tabId: number): Promise<string> {
  return harness.browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}
