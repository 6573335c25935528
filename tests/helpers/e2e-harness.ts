// End-to-end harness: the built extension in real Chromium, the demo server on 127.0.0.1, and
// helpers that read what the extension itself recorded (storage.session, badge) through its service worker.
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { startDemoServer, type DemoServer, type DemoSite } from '../../scripts/demo-server';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** The slice of the `chrome` API these helpers call inside the extension's service worker. */
declare global {
  // eslint-disable-next-line no-var
  var chrome: ChromeSlice;
}

interface ChromeSlice {
  storage: {
    session: { get(keys: null): Promise<Record<string, unknown>> };
    local: { set(items: Record<string, unknown>): Promise<void>; get(keys: string | null): Promise<Record<string, unknown>> };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

export interface Harness {
  browser: ExtensionBrowser;
  server: DemoServer;
  close(): Promise<void>;
}

/**
 * Hooks for a guard suite: one browser and demo server for the file; before each test an empty
 * trusted list, a cleared request record and a fresh page. Read `harness` and `page` from the
 * returned object inside tests (they change per test).
 */
export function guardSuite(): { harness: Harness; page: Page } {
  const state = {} as { harness: Harness; page: Page };
  beforeAll(async () => {
    state.harness = await startHarness();
  });
  afterAll(async () => {
    await state.harness?.close();
  });
  beforeEach(async () => {
    await setStorage(state.harness, { trustedSites: { version: 1, sites: [] } });
    state.harness.server.requests.length = 0;
    await state.page?.close();
    state.page = await state.harness.browser.context.newPage();
  });
  return state;
}

/** `keepWelcome`: leave the welcome page a fresh install opens (otherwise it is closed once loaded). */
export async function startHarness(lang?: string, options: { keepWelcome?: boolean } = {}): Promise<Harness> {
  const server = await startDemoServer();
  // extensionDebugging: openToolbarPopup presses the toolbar button over CDP.
  const browser = await launchWithExtension({ headless: true, lang, extensionDebugging: true, keepWelcome: options.keepWelcome });
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

/** A page of the guard fixtures served under a (mapped) host name, e.g. www.prestaya.test. */
export function guardUrl(harness: Harness, file: string, host = 'www.shandianjie.test'): string {
  return `http://${host}:${new URL(harness.server.origin).port}/guard/${file}`;
}

/**
 * The LoanGuard prompt frame inside `page`, once it is there and its send buttons are unlocked.
 * Polls with evaluate: after the guard cancels a form navigation, Playwright's own waiting
 * helpers keep waiting for that navigation to finish.
 */
export async function waitForPrompt(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [frame] = await shownPrompts(page);
    const unlocked = await frame
      ?.evaluate(() => document.querySelector<HTMLButtonElement>('button[data-decision="sent-once"]')?.disabled === false)
      .catch(() => false);
    if (frame && unlocked) return frame;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no LoanGuard prompt appeared');
}

/** The prompt frame once it shows a question, locked or not. */
export async function waitForShownPrompt(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [frame] = await shownPrompts(page);
    if (frame) return frame;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no LoanGuard prompt appeared');
}

/** Where a prompt button's centre is on the page (for real mouse input). */
export async function buttonPoint(prompt: Frame, decision: 'cancelled' | 'sent-once' | 'trusted'): Promise<{ x: number; y: number }> {
  const frameBox = await promptBox(prompt);
  const button = await prompt.evaluate((d) => {
    const rect = document.querySelector(`button[data-decision="${d}"]`)!.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, decision);
  return { x: frameBox.x + button.x, y: frameBox.y + button.y };
}

const isPromptFrame = (frame: Frame): boolean => /\/prompt\.html#[0-9a-f]{32}$/.test(frame.url());

/** Prompt frames showing a question (one loaded ahead of time shows nothing). */
async function shownPrompts(page: Page): Promise<Frame[]> {
  const shown: Frame[] = [];
  for (const frame of page.frames().filter(isPromptFrame)) {
    if (await frame.evaluate(() => document.querySelector('[role="alertdialog"]') !== null).catch(() => false)) shown.push(frame);
  }
  return shown;
}

export async function promptCount(page: Page): Promise<number> {
  return (await shownPrompts(page)).length;
}

/** Answer the prompt with a real mouse click (a trusted event, as a person's click is). */
export async function answer(prompt: Frame, decision: 'cancelled' | 'sent-once' | 'trusted'): Promise<void> {
  const { x, y } = await buttonPoint(prompt, decision);
  const mouse = prompt.page().mouse;
  // A person's pointer reaches the button before pressing it. Chromium can route the first mouse
  // event over a just-shown out-of-process frame to the page around it (seen: a page's first click
  // landing on the overlay's host, not in the prompt), so the pointer moves until the button is hovered.
  for (let attempt = 0; attempt < 20; attempt++) {
    await mouse.move(x + (attempt % 2), y);
    const hovered = await prompt
      .evaluate((d) => document.querySelector(`button[data-decision="${d}"]`)?.matches(':hover') === true, decision)
      .catch(() => false);
    if (hovered) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await mouse.click(x, y);
}

/** The prompt's text (evaluate, not textContent(): see waitForPrompt on Playwright's navigation wait). */
export const promptText = (prompt: Frame): Promise<string> => prompt.evaluate(() => document.body.textContent ?? '');

/**
 * Where the prompt sits on the page: 12 px from the top right corner, or a sheet 12 px from the
 * bottom on a narrow window (lib/prompt/host/prompt-host.ts). Computed rather than asked of
 * Playwright, whose frameElement() can't reach into the closed shadow root that hosts the prompt.
 */
export async function promptBox(prompt: Frame): Promise<{ x: number; y: number; width: number; height: number }> {
  const size = await prompt.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  // A hostile page may have broken the driver's own evaluate there (replaced built-ins): fall back to the window's size.
  const measured = await prompt
    .page()
    .evaluate(() => ({ width: visualViewport?.width ?? innerWidth, height: visualViewport?.height ?? innerHeight }))
    .catch(() => undefined);
  const viewport = measured && Number.isFinite(measured.width) && Number.isFinite(measured.height) ? measured : prompt.page().viewportSize()!;
  const sheet = viewport.width < 560;
  return { x: sheet ? 12 : viewport.width - 12 - size.width, y: sheet ? viewport.height - 12 - size.height : 12, ...size };
}

/** Requests the demo server received whose path starts with `prefix`. */
export function received(harness: Harness, prefix: string) {
  return harness.server.requests.filter((r) => r.url.startsWith(prefix));
}

/** Set the extension's stored settings / trusted list directly, as the options page would. */
export async function setStorage(harness: Harness, items: Record<string, unknown>): Promise<void> {
  await harness.browser.serviceWorker.evaluate((values) => chrome.storage.local.set(values), items);
}

export async function readStorage(harness: Harness, key: string): Promise<unknown> {
  const items = await harness.browser.serviceWorker.evaluate((k) => chrome.storage.local.get(k), key);
  return items[key];
}

/** The private log's events as stored (IndexedDB `loanguard-log`, read inside the service worker). */
export async function readLog(harness: Harness): Promise<Record<string, unknown>[]> {
  return (await logOperation(harness, 'read')) as Record<string, unknown>[];
}

/** Empties the private log (events and summary; the writer rebuilds the summary on its next write). */
export async function clearLog(harness: Harness): Promise<void> {
  await logOperation(harness, 'clear');
}

function logOperation(harness: Harness, operation: 'read' | 'clear'): Promise<unknown> {
  return harness.browser.serviceWorker.evaluate(
    (op) =>
      new Promise((resolve, reject) => {
        // No version: open whatever version the extension made.
        const open = indexedDB.open('loanguard-log');
        // The extension creates the database; never create an empty one under its name here.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const tx = open.result.transaction(['events', 'meta', 'pairs'], op === 'read' ? 'readonly' : 'readwrite');
          const events = tx.objectStore('events');
          const request = op === 'read' ? events.getAll() : (tx.objectStore('meta').clear(), tx.objectStore('pairs').clear(), events.clear());
          tx.oncomplete = () => {
            open.result.close();
            resolve(request.result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    operation,
  );
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function badgeText(harness: Harness, tabId: number): Promise<string> {
  return harness.browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** What a popup opened from the toolbar shows, read through its own CDP session. */
export interface ToolbarPopup {
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * Presses LoanGuard's toolbar button on `page`'s tab, as a click would (Extensions.triggerAction):
 * the browser grants `activeTab` for that tab and opens the real popup, which Playwright does not
 * list as a page, so it is read over its own CDP session.
 */
export async function openToolbarPopup(harness: Harness, page: Page): Promise<ToolbarPopup> {
  const browser = harness.browser.context.browser();
  if (!browser) throw new Error('no browser-level CDP session for this context');
  const cdp = await browser.newBrowserCDPSession();
  await page.bringToFront();
  const { targetInfos: tabs } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
  const tab = tabs.find((target) => target.type === 'tab' && target.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction' as never, { id: harness.browser.extensionId, targetId: tab.targetId } as never);
  const popupUrl = `chrome-extension://${harness.browser.extensionId}/popup.html`;
  let popup: { targetId: string } | undefined;
  for (const deadline = Date.now() + 10_000; !popup && Date.now() < deadline; ) {
    popup = (await cdp.send('Target.getTargets')).targetInfos.find((target) => target.type === 'page' && target.url === popupUrl);
    if (!popup) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!popup) throw new Error('the toolbar popup did not open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });
  let lastId = 0;
  const evaluate = <T,>(expression: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      const onMessage = (event: { sessionId: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: { result: { value: T } }; error?: { message: string } };
        if (event.sessionId !== sessionId || reply.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget' as never, onMessage as never);
        if (reply.error) reject(new Error(reply.error.message));
        else resolve(reply.result!.result.value);
      };
      cdp.on('Target.receivedMessageFromTarget' as never, onMessage as never);
      void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }) } as never);
    });
  return {
    evaluate,
    close: async () => {
      await cdp.send('Target.closeTarget', { targetId: popup!.targetId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}

/** A page of one of the demo's separate sites (kuaidai.localhost…), as a person opens it. */
export const demoSiteUrl = (harness: Harness, site: DemoSite, path = '/'): string => `${harness.server.siteOrigin(site)}${path}`;
