// The built extension in real headless Chromium against fixture pages served on 127.0.0.1:
// the content script's verdicts, the toolbar badge, and the popup that shows them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, setStorage, startHarness, waitForTabVerdict, type Harness } from '../helpers/e2e-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});
// Every fixture page is served from one origin, which the site memory would rightly treat as one
// site: a loan page seen by one test would make the next test's hospital page a lender's.
beforeEach(async () => {
  await setStorage(harness, { siteMemory: { version: 1, sites: [] } });
});

const pageUrl = (file: string) => `${harness.server.origin}/pages/${file}`;

async function openPage(file: string) {
  const page = await harness.browser.context.newPage();
  await page.goto(pageUrl(file));
  return page;
}

describe('content script verdicts in real Chromium', () => {
  it('recognises a Mexican loan application, with its ID and phone fields, and marks the badge', async () => {
    const page = await openPage('es-mx-loan-application.html');
    const verdict = await waitForTabVerdict(harness, page.url());
    expect(verdict.loan?.isLoanPage).toBe(true);
    expect(verdict.loan?.reasons.length).toBeGreaterThan(0);
    const kinds = verdict.fields.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['national-id', 'phone']));
    expect(verdict.fields.find((f) => f.kind === 'national-id')?.country).toBe('MX');
    // Each reported selector finds a real input on the live page.
    for (const field of verdict.fields) {
      if (!field.selector.includes('>>>')) expect(await page.locator(field.selector).count(), field.selector).toBe(1);
    }
    expect(await badgeText(harness, verdict.tabId)).toBe('!');
    await page.close();
  });

  it('does not call a hospital appointment form a loan page, though it asks for CURP and phone', async () => {
    const page = await openPage('es-mx-hospital-appointment.html');
    const verdict = await waitForTabVerdict(harness, page.url());
    expect(verdict.loan?.isLoanPage).toBe(false);
    expect(verdict.fields.map((f) => f.kind)).toContain('national-id');
    expect(await badgeText(harness, verdict.tabId)).toBe('');
    await page.close();
  });

  it('stays silent on a page without inputs, and speaks once a single-page app adds a phone field', async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}/`);
    await expect(waitForTabVerdict(harness, page.url(), 1500)).rejects.toThrow(/no verdict/);
    await page.evaluate(() => {
      const label = document.createElement('label');
      label.textContent = 'Número de celular';
      const input = document.createElement('input');
      input.type = 'tel';
      input.name = 'celular';
      label.appendChild(input);
      document.body.appendChild(label);
    });
    const verdict = await waitForTabVerdict(harness, page.url());
    expect(verdict.fields.map((f) => f.kind)).toEqual(['phone']);
    await page.close();
  });
});

describe('popup', () => {
  it('shows the verdict, what the page asks for, and its reasons behind "Why?"', async () => {
    const page = await openPage('es-mx-loan-application.html');
    const verdict = await waitForTabVerdict(harness, page.url());
    const popup = await harness.browser.context.newPage();
    await popup.goto(`chrome-extension://${harness.browser.extensionId}/popup.html?tab=${verdict.tabId}`);
    const status = popup.locator('[data-verdict]');
    await expect.poll(() => status.getAttribute('data-verdict')).toBe('loan');
    await expect.poll(() => status.innerText()).toMatch(/online-loan sign-up or application page/);
    // The reasons wait behind "Why?", in the locale's words, not as raw codes; no raw score is shown.
    expect(await popup.locator('ul.reasons').isVisible()).toBe(false);
    await popup.locator('details.why summary').click();
    await popup.locator('ul.reasons').waitFor();
    const reasonItems = await popup.locator('ul.reasons li').allInnerTexts();
    expect(reasonItems.length).toBeGreaterThan(0);
    expect(reasonItems.some((text) => /^[a-z_]+: /.test(text))).toBe(false);
    const fieldsText = await popup.locator('main').innerText();
    expect(fieldsText).toMatch(/This page asks for: .*ID number.*Phone number/i);
    expect(fieldsText).not.toMatch(/score \d/);
    await popup.close();
    await page.close();
  });

  it('says plainly when the tab has nothing to report', async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(`${harness.server.origin}/`);
    const popup = await harness.browser.context.newPage();
    // A tab that isn't a web page LoanGuard checked: the popup must explain rather than show an empty box.
    await popup.goto(`chrome-extension://${harness.browser.extensionId}/popup.html?tab=999999`);
    await expect.poll(() => popup.locator('section[aria-labelledby=this-site-heading]').innerText()).toMatch(/doesn't check this page/);
    await popup.close();
    await page.close();
  });
});
