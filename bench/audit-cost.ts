// What audit-only mode costs a form submission (issue 11): the user's submit click → the form's
// request reaching the server, in audit-only mode with the background running, with it stopped just
// before the click (as Chrome stops an idle worker after ~30 s), and without LoanGuard. In audit-only
// mode the submission waits until the background has the record (or the frame's safety copy is stored).
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension, launchWithoutExtension } from '../scripts/browser';
import { startDemoServer, type DemoServer } from '../scripts/demo-server';

export interface AuditCost {
  warm: number[];
  asleep: number[];
  without: number[];
  /** Why the runs stopped early, if they did. */
  error?: string;
}

/** One submission on `host`: ms from the click event (the page's clock) to the server receiving the form. */
async function submitOnce(context: BrowserContext, server: DemoServer, host: string, beforeClick?: (page: Page) => Promise<void>): Promise<number> {
  const port = new URL(server.origin).port;
  const page = await context.newPage();
  let clickAt: number | undefined;
  await page.exposeFunction('benchNoteClick', (at: number) => void (clickAt = at));
  await page.goto(`http://${host}:${port}/guard/apply.html`);
  await page.fill('#mobile', '13800138000');
  await page.fill('#idcard', '11010519491231002X');
  await page.waitForTimeout(800); // a person takes a moment between typing and clicking
  await page.evaluate(() =>
    addEventListener('click', (e) => void (window as unknown as { benchNoteClick(at: number): void }).benchNoteClick(performance.timeOrigin + e.timeStamp), true),
  );
  await beforeClick?.(page);
  await page.click('#submit-button', { noWaitAfter: true });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const arrived = server.requests.find((request) => request.host === host && request.url.startsWith('/api/register'))?.at;
    if (arrived !== undefined && clickAt !== undefined) {
      // Not awaited: closing a page whose form submission is still navigating can hang in headless
      // Chromium (seen here without the extension: page.close() never returned, for minutes).
      void page.close().catch(() => undefined);
      return arrived - clickAt;
    }
    if (Date.now() > deadline) throw new Error(`the form from ${host} did not arrive within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Stops every service worker (the extension's among them), as the browser does when it is idle. */
async function stopWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export async function auditCostFigures(runs = 11): Promise<AuditCost> {
  const server = await startDemoServer();
  // The e2e suites' launch (their worker-stopping runs open new tabs after every stop).
  const withExtension = await launchWithExtension({ headless: true, extensionDebugging: true });
  // An extension page stays open throughout: it sets audit-only mode, and a browser whose only
  // pages were closed may refuse a new tab right after its workers were stopped.
  const holder = await withExtension.context.newPage();
  await holder.goto(`chrome-extension://${withExtension.extensionId}/options.html`);
  await holder.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { version: 1, auditOnly: true } }));
  const plain = await launchWithoutExtension({ headless: true });
  const plainContext = plain.context;
  const cost: AuditCost = { warm: [], asleep: [], without: [] };
  try {
    for (let i = 0; i < runs; i++) {
      cost.warm.push(await submitOnce(withExtension.context, server, `www.audit-warm-${i}.test`));
      cost.asleep.push(await submitOnce(withExtension.context, server, `www.audit-asleep-${i}.test`, () => stopWorkers(withExtension.context, holder)));
      cost.without.push(await submitOnce(plainContext, server, `www.audit-plain-${i}.test`));
    }
  } catch (error) {
    // The figures keep the runs made, and say why the others were not.
    cost.error = String(error).split('\n')[0];
  } finally {
    await withExtension.close().catch(() => undefined);
    await plain.close();
    await server.close();
  }
  return cost;
}
