// The private log in real Chromium: data shared on two local sites appears under one item in the
// popup; trusting a site from the popup stops the warning there; a bad trust-list import changes
// nothing; the evidence report lists exactly the logged rows; an .apk download from a lender warns.
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, clearLog, guardSuite, guardUrl, promptCount, readLog, readStorage, received, setStorage, settle, startHarness, waitForPrompt, waitForTabVerdict, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(() => {
  ({ harness, page } = suite);
});

const extensionPage = (file: string): string => `chrome-extension://${harness.browser.extensionId}/${file}`;

/** Types the phone (as given), an ID and a card on `host`'s application page and sends them by fetch. */
async function shareOn(host: string, phone: string, decision: 'sent-once' | 'cancelled'): Promise<number> {
  const url = guardUrl(harness, 'apply.html', host);
  await page.goto(url);
  await page.fill('#mobile', phone);
  await page.fill('#idcard', '11010519491231002X');
  await page.click('#send-fetch-json');
  await answer(await waitForPrompt(page), decision);
  return (await waitForTabVerdict(harness, url)).tabId;
}

describe('where my data went', () => {
  it('shows the same phone, shared on two sites in two spellings, as one item listing both sites', async () => {
    await clearLog(harness);
    await shareOn('www.shandianjie.test', '13800138000', 'sent-once');
    await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(1);
    const tabId = await shareOn('www.prestaya.test', '138 0013 8000', 'sent-once');
    await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(2);
    await expect.poll(async () => (await readLog(harness)).length).toBe(4);
    // One fingerprint for the phone, whatever the spelling; never the value itself.
    const phones = (await readLog(harness)).filter((event) => event.kind === 'phone');
    expect(new Set(phones.map((event) => event.fingerprint)).size).toBe(1);

    const popup = await harness.browser.context.newPage();
    await popup.goto(extensionPage(`popup.html?tab=${tabId}`));
    const phoneItems = popup.locator('#where-panel-item li.group', { has: popup.locator('.masked', { hasText: '138****8000' }) });
    await expect.poll(() => phoneItems.count()).toBe(1);
    const sites = await phoneItems.first().locator('li.row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-site')));
    expect(sites.sort()).toEqual(['prestaya.test', 'shandianjie.test']);
    // "This site" lists what the tab's own site received (drawn once the summary is on screen).
    await expect.poll(() => popup.locator('section.this-site').innerText()).toContain('138****8000');
    await popup.close();
  });

  it('trusting the site from the popup stops the warning there', async () => {
    const tabId = await shareOn('www.prestaya.test', '13800138000', 'cancelled');
    const popup = await harness.browser.context.newPage();
    await popup.goto(extensionPage(`popup.html?tab=${tabId}`));
    await popup.locator('.trust[data-trusted=false] .trust-button').click();
    await popup.locator('.trust[data-trusted=true]').waitFor();
    await popup.close();
    const stored = (await readStorage(harness, 'trustedSites')) as { sites: { site: string }[] };
    expect(stored.sites.map((entry) => entry.site)).toEqual(['prestaya.test']);

    await page.goto(guardUrl(harness, 'apply.html', 'www.prestaya.test'));
    await page.fill('#mobile', '13800138000');
    await page.click('#send-fetch-json');
    await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(1);
    expect(await promptCount(page)).toBe(0);
  });
});

describe('options page', () => {
  it('a malformed trust-list import shows what is wrong and changes nothing', async () => {
    const before = { version: 1, sites: [{ site: 'mybank.example', addedAt: 1, note: 'salary account' }] };
    await setStorage(harness, { trustedSites: before });
    const options = await harness.browser.context.newPage();
    await options.goto(extensionPage('options.html'));
    await options.fill('#trusted-import-text', 'good-lender.example\nthis is not a domain!\n');
    await options.click('#trusted-import-button');
    const alert = options.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/line 2/i);
    await settle(300);
    expect(await readStorage(harness, 'trustedSites')).toEqual(before);
    await options.close();
  });
});

describe('evidence report', () => {
  it('has one row per logged event for the site, masked, and says what was not sent', async () => {
    await clearLog(harness);
    await shareOn('www.shandianjie.test', '13800138000', 'sent-once');
    await shareOn('www.shandianjie.test', '13900139000', 'cancelled');
    await expect.poll(async () => (await readLog(harness)).length).toBe(4);
    const logged = await readLog(harness);

    const report = await harness.browser.context.newPage();
    await report.goto(extensionPage('report.html?site=shandianjie.test'));
    const rows = report.locator('tr[data-event-id]');
    await expect.poll(() => rows.count()).toBe(4);
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')));
    expect(ids.sort()).toEqual(logged.map((event) => event.id).sort());
    const text = await report.locator('body').innerText();
    expect(text).toContain('138****8000');
    expect(text).toContain('139****9000');
    expect(text).toMatch(/not sent/i);
    for (const raw of ['13800138000', '13900139000', '11010519491231002X']) expect(text).not.toContain(raw);
    await report.close();
  });
});

describe('Android app downloads', () => {
  const overlays = (p: Page) => p.evaluate(() => document.querySelectorAll('loanguard-overlay').length);

  it('warns before a lender page downloads an .apk; only the user can let it through', async () => {
    await page.goto(guardUrl(harness, 'app-download.html'));
    expect(await overlays(page)).toBe(0);
    await page.click('#apk-link', { noWaitAfter: true });
    await expect.poll(() => overlays(page)).toBe(1);
    await settle(300);
    expect(received(harness, '/downloads/')).toHaveLength(0);
    // Escape (a real key press) cancels; nothing is downloaded.
    await page.keyboard.press('Escape');
    await expect.poll(() => overlays(page)).toBe(0);
    expect(received(harness, '/downloads/')).toHaveLength(0);
    // A scripted download warns too; Tab to "Download anyway" and Enter lets it through, once.
    await page.click('#apk-script', { noWaitAfter: true });
    await expect.poll(() => overlays(page)).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => received(harness, '/downloads/').map((request) => request.url)).toEqual(['/downloads/shandianjie-v2.apk']);
  });

  it('lets an .apk download from a page that is not a lender go without a word', async () => {
    await page.goto(guardUrl(harness, 'app-download-quiet.html', 'www.gardenclub.test'));
    await page.click('#apk-link', { noWaitAfter: true });
    await expect.poll(() => received(harness, '/downloads/').length).toBe(1);
    expect(await overlays(page)).toBe(0);
  });
});

describe.each([
  ['zh-CN', 'zh_CN'],
  ['es', 'es'],
])('from the popup alone, in %s', (lang, catalog) => {
  const messages = JSON.parse(readFileSync(`public/_locales/${catalog}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  const message = (key: string): string => messages[key]!.message;
  let own: Harness;
  afterAll(async () => {
    await own?.close();
  });

  it('answers "which sites have my phone number?" and opens the evidence report', async () => {
    own = await startHarness(lang);
    const tab = await own.browser.context.newPage();
    const url = guardUrl(own, 'apply.html');
    await tab.goto(url);
    await tab.fill('#mobile', '13800138000');
    await tab.click('#send-fetch-json');
    await answer(await waitForPrompt(tab), 'sent-once');
    const { tabId } = await waitForTabVerdict(own, url);

    const popup = await own.browser.context.newPage();
    await popup.goto(`chrome-extension://${own.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('#where-heading').waitFor();
    expect(await popup.locator('#where-heading').innerText()).toBe(message('popup_whereHeading'));
    const phone = popup.locator('#where-panel-item li.group', { has: popup.locator('.masked', { hasText: '138****8000' }) });
    await expect.poll(() => phone.locator('li.row[data-site="shandianjie.test"]').count()).toBe(1);

    const [report] = await Promise.all([own.browser.context.waitForEvent('page'), popup.locator('a.report-all').click()]);
    await report!.locator('tr[data-event-id]').first().waitFor();
    expect(await report!.locator('h1').innerText()).toBe(message('report_title'));
    expect(await report!.locator('tr[data-event-id]').count()).toBe(1);
  });
});
