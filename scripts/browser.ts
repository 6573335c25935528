// Launches Chromium (or CHROME_PATH) with the built extension loaded unpacked. Shared by `npm start`,
// the end-to-end tests and the benchmarks; scripts/find-browser.ts says where browsers are.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findBrowser } from './find-browser';

export const CHROME_BUILD_DIR = path.resolve(import.meta.dirname, '../.output/chrome-mv3');

/** Branded Google Chrome ignores --load-extension since v137, so only Chromium builds are looked for. */
export function findChromium(): string | undefined {
  const found = findBrowser({ platform: process.platform, env: process.env, exists: existsSync, home: homedir() }, ['chromium']);
  return 'path' in found ? found.path : undefined;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless: boolean;
  extensionDir?: string;
  /** The browser's UI language (what chrome.i18n speaks), en-US unless given. */
  lang?: string;
  /** Keep the welcome tab LoanGuard opens on install (`npm start`); otherwise it is closed once it has opened. */
  keepWelcome?: boolean;
  /** Let tests press the toolbar button over CDP (Extensions.triggerAction), as a click would. */
  extensionDebugging?: boolean;
}

/** A Chromium profile in a temporary folder, with the extension loaded when `extensionDir` is given. */
async function launchChromium(options: Omit<LaunchOptions, 'keepWelcome'>): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('Chromium not found: install it (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROME_PATH.');
  }
  const { extensionDir } = options;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'loanguard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    // Chromium on Linux takes its UI language from the environment as well as --lang.
    env: { ...process.env, LANGUAGE: (options.lang ?? 'en-US').replace('-', '_') },
    headless: options.headless,
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--lang=${options.lang ?? 'en-US'}`,
      // Test and demo sites get real-looking names (www.prestaya.test, collector.leadsfast.test)
      // that all resolve to this machine, so "which site receives the data" can be tested for real.
      '--host-resolver-rules=MAP *.test 127.0.0.1',
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The same browser without LoanGuard: the control that shows a test page really does what it claims. */
export const launchWithoutExtension = (options: { headless: boolean }) => launchChromium(options);

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npm run build\` first.`);
  }
  const { context, close } = await launchChromium({ ...options, extensionDir });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  if (!options.keepWelcome) {
    // A fresh profile is a fresh install: LoanGuard opens its welcome page once. Wait for it, so it
    // can't open in the middle of what comes next, and close it.
    const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const welcome = context.pages().find((page) => page.url() === welcomeUrl);
      if (welcome) {
        // Closed only once loaded: a page closed while the browser is still reading the extension's
        // messages leaves the other extension pages of that process without any (every text blank).
        await welcome.waitForLoadState('load');
        await welcome.locator('h1').waitFor();
        await welcome.close();
        break;
      }
      if (Date.now() > deadline) throw new Error('LoanGuard did not open its welcome page on install.');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { context, serviceWorker, extensionId, close };
}
