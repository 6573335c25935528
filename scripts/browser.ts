// Launches Debian/Ubuntu Chromium (or CHROME_PATH) with the built extension loaded unpacked.
// Shared by `npm start`, the end-to-end tests and the benchmarks.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROME_BUILD_DIR = path.resolve(import.meta.dirname, '../.output/chrome-mv3');

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Branded Google Chrome ignores --load-extension since v137, so only Chromium builds are looked for. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** A Chromium profile in a temporary folder, with the extension loaded when `extensionDir` is given. */
async function launchChromium(options: { headless: boolean; extensionDir?: string; lang?: string }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
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

/** `lang`: the browser's UI language (what chrome.i18n speaks), en-US unless given. */
export async function launchWithExtension(options: { headless: boolean; extensionDir?: string; lang?: string }): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npm run build\` first.`);
  }
  const { context, close } = await launchChromium({ ...options, extensionDir });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    serviceWorker,
    extensionId: new URL(serviceWorker.url()).host,
    close,
  };
}
