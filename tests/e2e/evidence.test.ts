// Evidence in one click, in real Chromium: after a lender's page received a phone number, "Save
// evidence of this page" in the real toolbar popup captures the tab (host access allows
// captureVisibleTab without activeTab); the report shows the screenshot in that site's section next
// to its rows, with the SHA-256 of exactly the image it shows (axe-clean); deleting it removes it.
// And the complaint letter for that site in the options page, copied as shown.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, clearLog, guardSuite, guardUrl, openToolbarPopup, received, waitForPrompt, type Harness } from '../helpers/e2e-harness';
import { axeViolations } from '../helpers/axe';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(() => {
  ({ harness, page } = suite);
});

describe('save evidence of this page', () => {
  it('stores a screenshot with its hash and shows it beside the site\'s rows in the report', async () => {
    await clearLog(harness);
    await page.goto(guardUrl(harness, 'apply.html', 'www.prestaya.test') + '?ref=13800138000');
    await page.fill('#mobile', '13800138000');
    await page.click('#send-fetch-json');
    await answer(await waitForPrompt(page), 'sent-once');
    await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(1);

    const popup = await openToolbarPopup(harness, page);
    await expect.poll(() => popup.evaluate<boolean>(`document.querySelector('button.evidence-save') !== null`)).toBe(true);
    await popup.evaluate(`document.querySelector('button.evidence-save').click()`);
    await expect.poll(() => popup.evaluate<string | null>(`document.querySelector('.evidence-saved')?.dataset.sha256 ?? document.querySelector('.evidence-error')?.textContent ?? null`)).toMatch(/^[0-9a-f]{64}$/);
    const hash = await popup.evaluate<string>(`document.querySelector('.evidence-saved').dataset.sha256`);
    await popup.close();

    const report = await harness.browser.context.newPage();
    await report.goto(`chrome-extension://${harness.browser.extensionId}/report.html?site=prestaya.test`);
    const section = report.locator('section[data-site="prestaya.test"]');
    await section.locator('tr[data-event-id]').first().waitFor();
    const entry = section.locator(`.evidence-entry[data-sha256="${hash}"]`);
    await entry.waitFor();
    // The page address is kept without its query (it may carry the data itself).
    expect(await entry.innerText()).toContain('/guard/apply.html');
    expect(await entry.innerText()).not.toContain('13800138000');
    expect(await entry.innerText()).toContain(hash);
    // The hash is of the very image the report shows (and "Download image" saves).
    const src = (await entry.locator('img').getAttribute('src'))!;
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(src.split(',')[1]!, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(await report.locator('.report-provenance').innerText()).toContain(hash);
    expect(await axeViolations(report)).toEqual([]);

    await entry.locator('.evidence-delete').click();
    await entry.locator('[data-confirm-yes]').click();
    await entry.waitFor({ state: 'detached' });
    await report.reload();
    await section.locator('tr[data-event-id]').first().waitFor();
    expect(await report.locator('.evidence-entry').count()).toBe(0);
    await report.close();

    // The complaint letter for the same site: filled from the log, addressed to the platform or an office.
    const options = await harness.browser.context.newPage();
    await options.goto(`chrome-extension://${harness.browser.extensionId}/options.html?site=prestaya.test#help`);
    const letter = options.locator('textarea#letter-text');
    await expect.poll(() => letter.inputValue()).toContain('To: the operator of prestaya.test');
    const text = await letter.inputValue();
    expect(text).toContain('/guard/apply.html');
    expect(text).toContain('Phone number 138****8000: 1 time(s)');
    expect(text).toContain('sent (I allowed it once)');
    await options.selectOption('#leak-country', 'MX');
    await options.selectOption('#letter-recipient', 'mx-condusef');
    await expect.poll(() => letter.inputValue()).toMatch(/^To: Comisión Nacional para la Protección/);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});
