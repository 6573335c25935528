// Launches Firefox (FIREFOX_PATH, else Debian's firefox-esr or firefox) headless with the built
// Firefox extension installed as a temporary add-on, over WebDriver BiDi (puppeteer-core). Used by
// the Firefox end-to-end tests; scripts/browser.ts is the Chromium counterpart.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_BUILD_DIR = path.resolve(import.meta.dirname, '../.output/firefox-mv3');
/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'loanguard@loanguard.invalid';

export function findFirefox(): string | undefined {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** moz-extension://<uuid> — fixed through a pref so tests can open the extension's pages. */
  extensionOrigin: string;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  /**
   * Every http request goes to this local server as a proxy: test pages get real-looking names
   * (www.shandianjie.test, collector.leadsfast.test) that all reach the demo server, as Chromium's
   * --host-resolver-rules does (Firefox has no such switch).
   */
  proxyPort: number;
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxExtensionBrowser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: install it (Debian: `apt-get install -y firefox-esr`) or set FIREFOX_PATH.');
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No Firefox build at ${extensionDir}: run \`npm run build:firefox\` first.`);
  const uuid = randomUUID();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'loanguard-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir,
    // Lets the test open moz-extension:// pages (popup, options) over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  const close = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const before = await browser.pages();
    await browser.installExtension(extensionDir);
    const extensionOrigin = `moz-extension://${uuid}`;
    await closeWelcome(browser, before);
    return { browser, extensionOrigin, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A fresh install opens the welcome page once: wait for that tab so it can't open mid-test, then
 * close it. (BiDi may still report a moz-extension:// tab as about:blank, so it is found by count.)
 */
async function closeWelcome(browser: Browser, before: readonly Page[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const opened = (await browser.pages()).filter((page) => !before.includes(page));
    if (opened.length > 0) {
      for (const page of opened) await page.close();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('LoanGuard did not open its welcome page on install.');
}

/**
 * Opens one of the extension's own pages. The load event of a moz-extension:// page may never reach
 * BiDi, so the navigation is not awaited to completion; the caller waits for a selector.
 */
export async function openExtensionPage(target: FirefoxExtensionBrowser, file: string, page?: Page): Promise<Page> {
  const tab = page ?? (await target.browser.newPage());
  await tab.goto(`${target.extensionOrigin}/${file}`, { timeout: 3_000 }).catch(() => undefined);
  return tab;
}
