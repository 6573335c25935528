// Contacts, camera, location and clipboard on a lender's page, in real Chromium: a loan page (a secure
// *.localhost site) calling getUserMedia or geolocation gets LoanGuard's prompt before the browser
// is asked; "Don't allow" fails the call as a refused permission and is logged; on a trusted site,
// or a page that is not a lender's, the call goes straight to the browser. (The Contact Picker
// exists only on Android: its wrapper is tested in tests/lib/guard/page/access-wrappers.test.ts.)
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, clearLog, guardSuite, promptCount, promptText, readLog, setStorage, waitForPrompt, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(() => {
  ({ harness, page } = suite);
});

const OURS = 'LoanGuard: not allowed by you';
const SCRIPT = `
  window.outcome = 'pending';
  document.getElementById('camera').onclick = () => navigator.mediaDevices.getUserMedia({ video: true }).then(
    () => { window.outcome = 'stream'; },
    (error) => { window.outcome = error.name + ': ' + error.message; });
  document.getElementById('where').onclick = () => navigator.geolocation.getCurrentPosition(
    () => { window.outcome = 'position'; },
    (error) => { window.outcome = 'geo ' + error.code + ': ' + error.message; });
`;
const LOAN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>闪电借款 - 极速放款 额度最高20万</title></head><body>
<h1>闪电借款：秒批放款，额度最高 200000 元</h1><p>借款年利率低至 7.2%，期限 3-24 期，申请借款后 5 分钟内放款到银行卡。网贷新用户首次借款免息。</p>
<p>完成人脸识别认证和通讯录授权后即可提现。</p>
<button id="camera">人脸识别认证</button><button id="where">获取位置</button>
<script>${SCRIPT}</script></body></html>`;
const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Video call</title></head><body>
<h1>Team video call</h1><p>Join the weekly meeting.</p><button id="camera">Start camera</button><button id="where">Share location</button>
<script>${SCRIPT}</script></body></html>`;

/** `html` under `path` on a demo site: the lender's pages on kuaidai; the plain page on another site
 * (the site memory rightly counts every page of a site seen lending as a lender's). */
function serve(path: string, html: string, site: 'kuaidai' | 'tracker' = 'kuaidai'): string {
  harness.server.extraPages.set(path, html);
  return `${harness.server.siteOrigin(site)}${path}`;
}
const outcome = (): Promise<string> => page.evaluate(() => (window as unknown as { outcome: string }).outcome);

describe('access on a lender\'s page', () => {
  it('getUserMedia is held with the prompt first; "Don\'t allow" refuses it and is logged', async () => {
    await clearLog(harness);
    await page.goto(serve('/access-loan.html', LOAN_PAGE));
    await page.click('#camera');
    const prompt = await waitForPrompt(page);
    const text = await promptText(prompt);
    expect(text).toContain('Camera or microphone');
    expect(text).toContain('face verification');
    expect(text).toContain('kuaidai.localhost');
    expect(await outcome()).toBe('pending');
    await answer(prompt, 'cancelled');
    await expect.poll(outcome).toBe(`NotAllowedError: ${OURS}`);
    await expect.poll(async () => (await readLog(harness)).map((event) => [event.kind, event.decision, event.route])).toEqual([['camera', 'cancelled', 'permission']]);
  });

  it('geolocation is held too; "Allow once" hands the call to the browser', async () => {
    await page.goto(serve('/access-loan.html', LOAN_PAGE));
    await page.click('#where');
    const prompt = await waitForPrompt(page);
    expect(await promptText(prompt)).toContain('Location');
    await answer(prompt, 'sent-once');
    // The browser's own answer (headless Chromium has no location to give), not LoanGuard's.
    await expect.poll(outcome).toMatch(/^(position|geo [123]: )/);
    expect(await outcome()).not.toContain(OURS);
  });

  it('on a trusted site the call goes straight to the browser', async () => {
    await setStorage(harness, { trustedSites: { version: 1, sites: [{ site: 'kuaidai.localhost', addedAt: 1, note: '' }] } });
    await page.goto(serve('/access-loan.html', LOAN_PAGE));
    await page.click('#where');
    await expect.poll(outcome).not.toBe('pending');
    expect(await outcome()).not.toContain(OURS);
    expect(await promptCount(page)).toBe(0);
  });

  it('on a page that is not a lender\'s the call goes straight to the browser', async () => {
    await page.goto(serve('/access-plain.html', PLAIN_PAGE, 'tracker'));
    await page.click('#where');
    await expect.poll(outcome).not.toBe('pending');
    expect(await outcome()).not.toContain(OURS);
    expect(await promptCount(page)).toBe(0);
  });
});
