// "A site is a lender, not a page", in real Chromium: a lender's SMS log-in page is not a loan page
// on its own, so a phone number typed there leaves without a question; once the same site's register
// page has been recognised, the log-in page (on another host of the site) warns before the phone
// leaves; "This is not a loan site" from the popup stops the phone prompts there again.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, guardSuite, guardUrl, promptCount, readStorage, received, setStorage, settle, waitForPrompt, waitForTabVerdict, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(async () => {
  ({ harness, page } = suite);
  await setStorage(harness, { siteMemory: { version: 1, sites: [] } });
});

const PHONE = '13800138000';
const REGISTER = (): string => guardUrl(harness, 'lender-register.html', 'www.kuaijie.test');
const LOGIN = (): string => guardUrl(harness, 'lender-sms-login.html', 'm.kuaijie.test');

/** Types the phone on the log-in page and presses its button; the page's verdict as recorded. */
async function logIn(): Promise<{ isLoanPage: boolean; reasons: string[]; tabId: number }> {
  await page.goto(LOGIN());
  const verdict = await waitForTabVerdict(harness, LOGIN());
  await page.fill('#mobile', PHONE);
  await page.click('#login-button', { noWaitAfter: true });
  return { isLoanPage: verdict.loan?.isLoanPage ?? false, reasons: verdict.loan?.reasons.map((r) => r.code) ?? [], tabId: verdict.tabId };
}

describe('site memory', () => {
  it("warns on a lender's SMS log-in once its register page has been seen, and not before", async () => {
    // Alone, the log-in page is no loan page: the phone is not asked about.
    const alone = await logIn();
    expect(alone.isLoanPage).toBe(false);
    await page.waitForURL(/\/api\/login/);
    await expect.poll(() => received(harness, '/api/login').length).toBe(1);
    expect(await promptCount(page)).toBe(0);

    await page.goto(REGISTER());
    expect((await waitForTabVerdict(harness, REGISTER())).loan?.isLoanPage).toBe(true);
    await expect.poll(async () => JSON.stringify(await readStorage(harness, 'siteMemory'))).toContain('"site":"kuaijie.test"');

    harness.server.requests.length = 0;
    const remembered = await logIn();
    expect(remembered.isLoanPage).toBe(true);
    expect(remembered.reasons[0]).toBe('site_memory');
    const prompt = await waitForPrompt(page);
    await answer(prompt, 'cancelled');
    await settle(500);
    expect(received(harness, '/api/login')).toHaveLength(0);
  });

  it('"This is not a loan site" from the popup stops the phone prompts on that site', async () => {
    await page.goto(REGISTER());
    await waitForTabVerdict(harness, REGISTER());
    await page.goto(LOGIN());
    const { tabId } = await waitForTabVerdict(harness, LOGIN());

    const popup = await harness.browser.context.newPage();
    await popup.goto(`chrome-extension://${harness.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.site-memory[data-memory=detected] button.site-memory-not-loan').click();
    await popup.locator('.site-memory[data-memory=user-not-loan]').waitFor();
    await popup.close();
    const stored = (await readStorage(harness, 'siteMemory')) as { sites: { site: string; user?: { loan: boolean } }[] };
    expect(stored.sites).toEqual([expect.objectContaining({ site: 'kuaijie.test', user: expect.objectContaining({ loan: false }) })]);

    harness.server.requests.length = 0;
    // The register page itself, recognised on its own, now goes by the user's word too.
    await page.goto(REGISTER());
    const verdict = await waitForTabVerdict(harness, REGISTER());
    expect(verdict.loan?.isLoanPage).toBe(false);
    expect(verdict.loan?.reasons[0]?.code).toBe('user_marked_not_loan');
    await page.fill('#mobile', PHONE);
    await page.click('#register-button', { noWaitAfter: true });
    await expect.poll(() => received(harness, '/api/register').length).toBe(1);
    expect(new URLSearchParams(received(harness, '/api/register')[0]!.body).get('mobile')).toBe(PHONE);
    expect(await promptCount(page)).toBe(0);
  });
});
