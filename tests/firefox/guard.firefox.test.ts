// The guard in real Firefox (headless firefox-esr, the built Firefox MV3 add-on as a temporary
// add-on): the prompt appears with its buttons inside a web page, Don't send / Send once / Trust do
// what they say for form, fetch, XHR and beacon routes, the popup shows the log, the other extension
// pages render, and at phone size on a page without a viewport tag the prompt is a readable bottom
// sheet a person can answer; an image URL carrying the ID is cancelled by the browser-level backstop.
// One browser for the whole file: a Firefox launch costs seconds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openExtensionPage } from '../../scripts/firefox';
import {
  answerFirefox,
  ffGuardUrl,
  promptMetrics,
  promptShown,
  readStorage,
  received,
  setStorage,
  settle,
  startFirefoxHarness,
  tabIdOf,
  waitForFirefoxPrompt,
  type FirefoxHarness,
} from '../helpers/firefox-harness';

const PHONE = '13800138000';
const ID = '11010519491231002X';

let harness: FirefoxHarness;
let page: Page;

beforeAll(async () => {
  harness = await startFirefoxHarness();
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(async () => {
  await setStorage(harness, { trustedSites: { version: 1, sites: [] } });
  harness.server.requests.length = 0;
  await page?.close();
  page = await harness.firefox.browser.newPage();
});

async function fillApplication(host?: string): Promise<string> {
  const url = ffGuardUrl(harness, 'apply.html', host);
  await page.goto(url);
  await page.type('#mobile', PHONE);
  await page.type('#idcard', ID);
  return url;
}

describe('Firefox: the guard holds, and the prompt answers', () => {
  it("holds a native form submission; Don't send keeps it from the server and the page stays", async () => {
    await fillApplication();
    await page.click('#submit-button');
    const prompt = await waitForFirefoxPrompt(harness, page);
    expect(prompt.text).toContain('shandianjie.test');
    expect(prompt.text).toContain('138****8000');
    await answerFirefox(harness, page, prompt, 'cancelled');
    await expect.poll(() => promptShown(harness, page)).toBe(false);
    await settle(400);
    expect(received(harness, '/api/register')).toHaveLength(0);
    expect(page.url()).toContain('/guard/apply.html');
  });

  it.each([
    ['#send-xhr-form', '/api/xhr-form'],
    ['#send-beacon', '/api/beacon'],
  ])("%s: held, and Don't send keeps %s from the server", async (button, path) => {
    await fillApplication();
    await page.click(button);
    await answerFirefox(harness, page, await waitForFirefoxPrompt(harness, page), 'cancelled');
    await expect.poll(() => promptShown(harness, page)).toBe(false);
    await settle(400);
    expect(received(harness, path)).toHaveLength(0);
  });

  it('Send once releases a held fetch exactly once, intact, and the page gets the real response', async () => {
    await fillApplication();
    await page.click('#send-fetch-json');
    await answerFirefox(harness, page, await waitForFirefoxPrompt(harness, page), 'sent-once');
    await expect.poll(() => page.$eval('#log', (log) => log.textContent)).toContain('fetch /api/fetch-json → 200');
    const requests = received(harness, '/api/fetch-json');
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]!.body)).toMatchObject({ mobile: PHONE, idcard: ID });
  });

  it('Trust this site adds it to the list, and the next send goes without a question', async () => {
    await fillApplication('www.prestaya.test');
    await page.click('#send-fetch-json');
    await answerFirefox(harness, page, await waitForFirefoxPrompt(harness, page), 'trusted');
    await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(1);
    await expect.poll(async () => ((await readStorage(harness, 'trustedSites')) as { sites: { site: string }[] }).sites.map((s) => s.site)).toEqual(['prestaya.test']);
    await page.click('#send-xhr-form');
    await expect.poll(() => received(harness, '/api/xhr-form').length).toBe(1);
    expect(await promptShown(harness, page)).toBe(false);
  });
});

describe('Firefox: the popup', () => {
  it('shows where the data went, from the log', async () => {
    const url = await fillApplication();
    await page.click('#send-fetch-json');
    await answerFirefox(harness, page, await waitForFirefoxPrompt(harness, page), 'sent-once');
    await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(1);
    const tabId = await tabIdOf(harness, url);
    const popup = await openExtensionPage(harness.firefox, `popup.html?tab=${tabId}`);
    await popup.waitForSelector('li.group li.row[data-site="shandianjie.test"]', { timeout: 10_000 });
    const text = await popup.$eval('main', (main) => (main as HTMLElement).innerText);
    expect(text).toContain('138****8000');
    await popup.close();
  });
});

describe('Firefox: the extension pages', () => {
  it('options (About with the privacy policy), welcome and the evidence report render with their texts', async () => {
    const pages: [string, string][] = [
      ['options.html#about', '#about:not([hidden]) details.about-privacy-policy summary'],
      ['welcome.html', '#welcome-region'],
      ['report.html', 'h1'],
    ];
    for (const [file, ready] of pages) {
      const tab = await openExtensionPage(harness.firefox, file);
      await tab.waitForSelector(ready, { timeout: 10_000 });
      // Every text comes from browser.i18n: an empty one means the messages did not load.
      const text = await tab.$eval(ready, (element) => element.textContent?.trim() ?? '');
      expect(text.length, file).toBeGreaterThan(3);
      await tab.close();
    }
  });
});

describe('Firefox: phone size', () => {
  it('on a page without a viewport tag, the prompt is a readable bottom sheet a tap answers', async () => {
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 3 });
    // The fixture has no <meta name="viewport">: on a phone it would be laid out wide and zoomed out.
    expect(await page.goto(ffGuardUrl(harness, 'apply.html')).then(() => page.$('meta[name="viewport"]'))).toBeNull();
    await page.type('#mobile', PHONE);
    await page.type('#idcard', ID);
    // Enter in the ID field submits the form (the buttons are further down, under the loan notice).
    await page.keyboard.press('Enter');
    const prompt = await waitForFirefoxPrompt(harness, page);
    const metrics = await promptMetrics(harness, prompt);
    // A sheet across the screen (12 px margins; the screen less the page's scrollbar, if any), text and buttons at phone sizes.
    const screenWidth = await page.evaluate(() => visualViewport!.width);
    expect(screenWidth).toBeGreaterThan(360);
    expect(metrics.width).toBe(screenWidth - 24);
    expect(metrics.fontSize).toBeGreaterThanOrEqual(15);
    expect(metrics.buttonHeight).toBeGreaterThanOrEqual(44);
    await answerFirefox(harness, page, prompt, 'sent-once');
    await expect.poll(() => received(harness, '/api/register').length).toBe(1);
    expect(new URLSearchParams(received(harness, '/api/register')[0]!.body).get('idcard')).toBe(ID);
  });
});

describe('Firefox: the browser-level backstop', () => {
  it('cancels a request the page’s code never made itself (an image whose URL carries the ID) and logs it as stopped; an image without it loads', async () => {
    await fillApplication();
    // Typed at a person's pace: the watched values have reached the background a moment later.
    await settle(1_000);
    const collector = `http://collector.test:${harness.server.port}`;
    // Image loads are not wrapped in the page: only the browser-level backstop (blocking webRequest) sees them.
    // The demo server's collector (/x/) records whatever reaches it.
    await page.evaluate((origin) => void (new Image().src = `${origin}/x/img/plain?city=beijing`), collector);
    await expect.poll(() => received(harness, '/x/img/plain').length).toBe(1);
    await page.evaluate((origin, id) => void (new Image().src = `${origin}/x/img/u?id=${id}`), collector, ID);
    const blocked = () =>
      harness.extPage.evaluate(
        () =>
          new Promise<{ decision: string; kind: string; destinationSites: string[] }[]>((resolve, reject) => {
            const open = indexedDB.open('loanguard-log');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('events', 'readonly').objectStore('events').getAll();
              request.onsuccess = () => {
                open.result.close();
                resolve((request.result as { decision: string; kind: string; destinationSites: string[] }[]).filter((event) => event.decision === 'blocked'));
              };
              request.onerror = () => reject(request.error);
            };
          }),
      );
    await expect.poll(async () => (await blocked()).map((event) => [event.kind, event.destinationSites[0]]), { timeout: 10_000 }).toContainEqual(['national-id', 'collector.test']);
    expect(received(harness, '/x/img/u')).toHaveLength(0);
  });
});
