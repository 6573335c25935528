// Firefox end-to-end harness: the built Firefox add-on in headless Firefox (puppeteer-core over
// WebDriver BiDi), the demo server as the browser's proxy, and helpers that reach into the prompt
// frame (a moz-extension:// frame puppeteer's own frame list reports as about:blank) through raw
// BiDi, and into the extension's storage through one of its own pages.
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxExtensionBrowser } from '../../scripts/firefox';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server';

export interface FirefoxHarness {
  firefox: FirefoxExtensionBrowser;
  server: DemoServer;
  /** An extension page (options.html) kept open to read and write the extension's storage. */
  extPage: Page;
  close(): Promise<void>;
}

export async function startFirefoxHarness(): Promise<FirefoxHarness> {
  const server = await startDemoServer();
  let firefox: FirefoxExtensionBrowser;
  try {
    firefox = await launchFirefoxWithExtension({ proxyPort: server.port });
  } catch (error) {
    await server.close();
    throw error;
  }
  const extPage = await openExtensionPage(firefox, 'options.html');
  await extPage.waitForSelector('h1', { timeout: 15_000 });
  return {
    firefox,
    server,
    extPage,
    close: async () => {
      await firefox.close();
      await server.close();
    },
  };
}

/** A page of the guard fixtures under a real-looking host name (the demo server is the proxy). */
export const ffGuardUrl = (harness: FirefoxHarness, file: string, host = 'www.shandianjie.test'): string => `http://${host}:${harness.server.port}/guard/${file}`;

export const received = (harness: FirefoxHarness, prefix: string) => harness.server.requests.filter((r) => r.url.startsWith(prefix));

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }>;
}

function bidi(harness: FirefoxHarness): BidiConnection {
  // puppeteer-core's BiDi browser exposes its connection; used for what its Frame API can't reach.
  return (harness.firefox.browser as unknown as { connection: BidiConnection }).connection;
}

interface ContextInfo {
  context: string;
  url: string;
  children?: ContextInfo[];
}

/** The browsing context id of LoanGuard's prompt frame inside `page`, or undefined. */
async function promptContext(harness: FirefoxHarness, page: Page): Promise<string | undefined> {
  const { contexts } = (await bidi(harness).send('browsingContext.getTree', {})).result as { contexts: ContextInfo[] };
  const top = contexts.find((context) => context.url === page.url());
  const find = (list: ContextInfo[]): string | undefined => {
    for (const context of list) {
      if (/^moz-extension:\/\/[^/]+\/prompt\.html#[0-9a-f]{32}$/.test(context.url)) return context.context;
      const inner = find(context.children ?? []);
      if (inner) return inner;
    }
    return undefined;
  };
  return top ? find(top.children ?? []) : undefined;
}

/** Runs `expression` in a browsing context (the prompt frame) and returns its JSON-able value. */
async function evaluateIn<T>(harness: FirefoxHarness, context: string, expression: string): Promise<T> {
  const reply = (await bidi(harness).send('script.evaluate', { expression: `JSON.stringify(${expression})`, target: { context }, awaitPromise: true })).result as {
    type: string;
    result?: { value?: string };
  };
  if (reply.type !== 'success' || typeof reply.result?.value !== 'string') throw new Error(`evaluation failed in ${context}`);
  return JSON.parse(reply.result.value) as T;
}

export interface FirefoxPrompt {
  context: string;
  text: string;
}

/** The prompt once it shows a question and its send buttons have unlocked (polled, no timing assumed). */
export async function waitForFirefoxPrompt(harness: FirefoxHarness, page: Page, timeoutMs = 15_000): Promise<FirefoxPrompt> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const context = await promptContext(harness, page).catch(() => undefined);
    if (context) {
      const state = await evaluateIn<{ shown: boolean; unlocked: boolean; text: string }>(
        harness,
        context,
        `({ shown: document.querySelector('[role="alertdialog"]') !== null, unlocked: document.querySelector('button[data-decision="sent-once"]')?.disabled === false, text: document.body.innerText })`,
      ).catch(() => undefined);
      if (state?.shown && state.unlocked) return { context, text: state.text };
    }
    await settle(100);
  }
  throw new Error('no LoanGuard prompt appeared');
}

/** Whether a prompt is showing a question in `page` now. */
export async function promptShown(harness: FirefoxHarness, page: Page): Promise<boolean> {
  const context = await promptContext(harness, page).catch(() => undefined);
  if (!context) return false;
  return evaluateIn<boolean>(harness, context, `document.querySelector('[role="alertdialog"]') !== null`).catch(() => false);
}

/** What the prompt frame measures about itself: its size and its text's computed size, in its own CSS px. */
export const promptMetrics = (harness: FirefoxHarness, prompt: FirefoxPrompt) =>
  evaluateIn<{ width: number; height: number; fontSize: number; buttonHeight: number }>(
    harness,
    prompt.context,
    `({ width: innerWidth, height: innerHeight, fontSize: parseFloat(getComputedStyle(document.querySelector('.prompt')).fontSize), buttonHeight: document.querySelector('button[data-decision="cancelled"]').getBoundingClientRect().height })`,
  );

/**
 * Presses a prompt button with the real (BiDi) mouse, as a person does. Where the frame sits is
 * computed from the host's layout rule (12 px from the top right, or a bottom sheet below 560 px;
 * lib/prompt/host/prompt-host.ts): the page can't see into the closed shadow root that holds it.
 */
export async function answerFirefox(harness: FirefoxHarness, page: Page, prompt: FirefoxPrompt, decision: 'cancelled' | 'sent-once' | 'trusted'): Promise<void> {
  const inFrame = await evaluateIn<{ width: number; height: number; x: number; y: number }>(
    harness,
    prompt.context,
    `(() => { const r = document.querySelector('button[data-decision="${decision}"]').getBoundingClientRect(); return { width: innerWidth, height: innerHeight, x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
  );
  const viewport = await page.evaluate(() => ({ width: visualViewport?.width ?? innerWidth, height: visualViewport?.height ?? innerHeight }));
  const sheet = viewport.width < 560;
  const left = sheet ? 12 : viewport.width - 12 - inFrame.width;
  const top = sheet ? viewport.height - 12 - inFrame.height : 12;
  await page.mouse.click(left + inFrame.x, top + inFrame.y);
}

/** The extension's storage.local, read through its own options page. */
export async function readStorage(harness: FirefoxHarness, key: string): Promise<unknown> {
  return harness.extPage.evaluate(async (k) => (await (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).browser.storage.local.get(k))[k], key);
}

export async function setStorage(harness: FirefoxHarness, items: Record<string, unknown>): Promise<void> {
  await harness.extPage.evaluate(
    (values) => (globalThis as unknown as { browser: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } } }).browser.storage.local.set(values),
    items,
  );
}

/** The id of the tab showing `url` (for popup.html?tab=<id>, as the toolbar popup is about that tab). */
export async function tabIdOf(harness: FirefoxHarness, url: string): Promise<number> {
  const id = await harness.extPage.evaluate(
    async (u) => (await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser.tabs.query({})).find((tab) => tab.url === u)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}
