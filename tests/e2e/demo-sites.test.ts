// The demo's sites in real Chromium, by their own *.localhost names (no host mapping): the toolbar
// popup — opened as a click opens it, so `activeTab` applies — names the site of any page, and
// trusting one demo site from it leaves the others asking, naming the tracker that would receive.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, demoSiteUrl, guardSuite, openToolbarPopup, promptCount, promptText, readStorage, received, waitForPrompt, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(() => {
  ({ harness, page } = suite);
});

describe('the toolbar popup', () => {
  it('names the site of any web page, also one without personal-data fields', async () => {
    await page.goto(demoSiteUrl(harness, 'tracker'));
    const popup = await openToolbarPopup(harness, page);
    await expect.poll(() => popup.evaluate<string | null>(`document.querySelector('.site-name')?.textContent ?? null`)).toBe('tracker.localhost');
    expect(await popup.evaluate<boolean>(`document.querySelector('[data-verdict="unchecked"]') !== null`)).toBe(true);
    expect(await popup.evaluate<string>(`document.querySelector('.this-site').textContent`)).not.toMatch(/doesn't check this page/);
    await popup.close();
  });
});

describe('the demo sites', () => {
  it('are separate sites: trusting the bank from the popup leaves the lender asking, and names its tracker', async () => {
    await page.goto(demoSiteUrl(harness, 'bank'));
    const popup = await openToolbarPopup(harness, page);
    await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('.trust[data-trusted="false"] .trust-button') !== null`)).toBe(true);
    await popup.evaluate(`document.querySelector('.trust-button').click()`);
    await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('.trust[data-trusted="true"]') !== null`)).toBe(true);
    await popup.close();
    expect(((await readStorage(harness, 'trustedSites')) as { sites: { site: string }[] }).sites.map((entry) => entry.site)).toEqual(['bank.localhost']);

    // The trusted bank gets the card number without a question.
    await page.fill('#phone', '13800138000');
    await page.fill('#card', '4111 1111 1111 1111');
    await page.click('button[type=submit]');
    await expect.poll(() => received(harness, '/api/signin').map((request) => request.host)).toEqual(['bank.localhost']);
    expect(await promptCount(page)).toBe(0);

    // The lender is another site: it still asks, and names the tracker its script sends to.
    await page.goto(demoSiteUrl(harness, 'kuaidai'));
    await page.fill('#mobile', '13800138000');
    await page.fill('#idcard', '11010519491231002X');
    const prompt = await waitForPrompt(page);
    expect(await promptText(prompt)).toContain('tracker.localhost');
    await answer(prompt, 'cancelled');
    expect(received(harness, '/api/collect')).toHaveLength(0);
  });
});
