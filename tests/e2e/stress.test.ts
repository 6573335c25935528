// Nothing lost under load: many tabs on many loan sites submit at nearly the same time while the
// background service worker is stopped under them (as Chrome stops an idle worker after ~30 s), in
// audit-only mode and with prompts answered. Every submitted item is recorded exactly once, and every
// submission either reached the server exactly once or was recorded as not sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, guardUrl, received, settle, startHarness, waitForPrompt, type Harness } from '../helpers/e2e-harness';

const PHONE = '13800138000';
const ID = '11010519491231002X';

let harness: Harness;
let reader: Page;
beforeAll(async () => {
  harness = await startHarness();
  // An extension page to read the log and write settings from: the worker comes and goes in these tests.
  reader = await harness.browser.context.newPage();
  await reader.goto(`chrome-extension://${harness.browser.extensionId}/options.html`);
});
afterAll(async () => {
  await harness?.close();
});

/** Stops every service worker, the extension's among them, as the browser does when it is idle. */
async function stopWorkers(page: Page): Promise<void> {
  const cdp = await harness.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

interface LoggedEvent {
  id: string;
  decision: string;
  kind: string;
  pageSite: string;
  reason?: string;
}

/** The log's events as stored, read from an extension page (IndexedDB is shared with the worker). */
const readEvents = (): Promise<LoggedEvent[]> =>
  reader.evaluate(
    () =>
      new Promise<LoggedEvent[]>((resolve, reject) => {
        const open = indexedDB.open('loanguard-log');
        // The extension makes the database; an open that would create it is stopped and read as an error.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new Error('log database blocked'));
        open.onsuccess = () => {
          const request = open.result.transaction('events', 'readonly').objectStore('events').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as LoggedEvent[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );

const setSettings = (settings: Record<string, unknown>): Promise<void> =>
  reader.evaluate((value) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ settings: value }), settings);

/** One tab per site, each with the phone and the ID typed in (the page recognised as a loan page). */
async function openAndFill(hosts: string[]): Promise<Page[]> {
  const pages = await Promise.all(hosts.map(() => harness.browser.context.newPage()));
  await Promise.all(
    pages.map(async (page, i) => {
      await page.goto(guardUrl(harness, 'apply.html', hosts[i]));
      await page.fill('#mobile', PHONE);
      await page.fill('#idcard', ID);
    }),
  );
  return pages;
}

const siteOf = (host: string): string => host.replace(/^www\./, '');
const registered = (host: string) => received(harness, '/api/register').filter((request) => request.host === host);

/** Per site: the events recorded, their ids, and whether any id was stored twice. */
async function eventsBySite(hosts: string[]): Promise<Map<string, LoggedEvent[]>> {
  const events = await readEvents();
  return new Map(hosts.map((host) => [host, events.filter((event) => event.pageSite === siteOf(host))]));
}

describe('audit-only: every share is recorded before it leaves, across worker stops', () => {
  const TABS = 12;
  const ROUNDS = 3;
  beforeAll(async () => setSettings({ version: 1, auditOnly: true }));
  afterAll(async () => setSettings({ version: 1 }));

  it.each(Array.from({ length: ROUNDS }, (_, round) => round))(
    `round %i: ${TABS} tabs submit at once to an asleep worker, stopped again mid-way; every item is logged once and every form arrives once`,
    async (round) => {
      const hosts = Array.from({ length: TABS }, (_, i) => `www.audit${round}-${i}.test`);
      const pages = await openAndFill(hosts);
      // The worker is asleep when the forms go (the case that lost events), and stopped again under them.
      await stopWorkers(pages[0]!);
      await Promise.all([
        ...pages.map((page) => page.click('#submit-button', { noWaitAfter: true })),
        settle(150).then(() => stopWorkers(pages[0]!)),
      ]);
      for (const host of hosts) await expect.poll(() => registered(host).length, { timeout: 30_000 }).toBe(1);
      await expect.poll(async () => [...(await eventsBySite(hosts)).values()].reduce((sum, events) => sum + events.length, 0), { timeout: 30_000 }).toBe(TABS * 2);
      const bySite = await eventsBySite(hosts);
      for (const host of hosts) {
        const events = bySite.get(host)!;
        expect(events.map((event) => event.kind).sort()).toEqual(['national-id', 'phone']);
        expect(events.every((event) => event.decision === 'audit-only')).toBe(true);
      }
      // Exactly once: no second request, no event stored twice.
      await settle(500);
      for (const host of hosts) expect(registered(host)).toHaveLength(1);
      const all = await readEvents();
      expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
      await Promise.all(pages.map((page) => page.close()));
    },
  );
});

describe('with prompts: every held submission ends, sent once or recorded as not sent', () => {
  const TABS = 4;

  it('the worker stopped while the prompts are up: each prompt still answers, each form arrives once and is logged once', async () => {
    const hosts = Array.from({ length: TABS }, (_, i) => `www.asked-${i}.test`);
    const pages = await openAndFill(hosts);
    await Promise.all(pages.map((page) => page.click('#submit-button', { noWaitAfter: true })));
    for (const page of pages) await waitForPrompt(page, 20_000);
    await stopWorkers(pages[0]!);
    // Half are sent, half are not; the prompts reconnect to the restarted worker to take the answer.
    for (const [i, page] of pages.entries()) {
      await page.bringToFront();
      await answer(await waitForPrompt(page, 20_000), i % 2 === 0 ? 'sent-once' : 'cancelled');
    }
    for (const [i, host] of hosts.entries()) await expect.poll(() => registered(host).length, { timeout: 20_000 }).toBe(i % 2 === 0 ? 1 : 0);
    await expect.poll(async () => [...(await eventsBySite(hosts)).values()].reduce((sum, events) => sum + events.length, 0), { timeout: 20_000 }).toBe(TABS * 2);
    const bySite = await eventsBySite(hosts);
    for (const [i, host] of hosts.entries()) {
      expect(bySite.get(host)!.map((event) => event.decision)).toEqual(i % 2 === 0 ? ['sent-once', 'sent-once'] : ['cancelled', 'cancelled']);
    }
    await Promise.all(pages.map((page) => page.close()));
  });

  it('the worker stopped right after the answers: no submission is left held, none lost', async () => {
    const hosts = Array.from({ length: TABS }, (_, i) => `www.answered-${i}.test`);
    const pages = await openAndFill(hosts);
    await Promise.all(pages.map((page) => page.click('#submit-button', { noWaitAfter: true })));
    for (const page of pages) {
      await page.bringToFront();
      await answer(await waitForPrompt(page, 20_000), 'sent-once');
    }
    await stopWorkers(pages[0]!);
    for (const host of hosts) await expect.poll(() => registered(host).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => [...(await eventsBySite(hosts)).values()].reduce((sum, events) => sum + events.length, 0), { timeout: 20_000 }).toBe(TABS * 2);
    await Promise.all(pages.map((page) => page.close()));
  });

  it('a page closed with its request held while the worker was stopped: recorded as not sent, never sent', async () => {
    const [host] = ['www.closed-while-asleep.test'];
    const [page] = await openAndFill([host!]);
    await page!.click('#submit-button', { noWaitAfter: true });
    await waitForPrompt(page!, 20_000);
    await stopWorkers(page!);
    await page!.close();
    await expect.poll(async () => (await eventsBySite([host!])).get(host!)!.map((event) => event.decision), { timeout: 20_000 }).toEqual(['cancelled', 'cancelled']);
    expect(registered(host!)).toHaveLength(0);
  });
});
