// An ID-document upload on a lender's page, in real Chromium: picking a picture for a "身份证正面"
// field (which the page uploads with FormData) brings LoanGuard's notice to mark the copy first,
// naming the field; a look-alike (avatar) upload and a trusted site bring none.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { guardSuite, setStorage, settle, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(async () => {
  ({ harness, page } = suite);
  // The passive loan-page notice off, so the only overlay is the one under test.
  await setStorage(harness, { settings: { version: 1, showNotice: false } });
});

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>闪电借款 - 极速放款 额度最高20万</title></head><body>
<h1>闪电借款：秒批放款，额度最高 200000 元</h1><p>借款年利率低至 7.2%，期限 3-24 期，申请借款后 5 分钟内放款到银行卡。网贷新用户首次借款免息。</p>
<p>上传身份证完成实名认证后即可提现。</p>
<form id="f"><label for="front">身份证正面</label><input id="front" name="front" type="file" accept="image/*">
<label for="avatar">上传头像</label><input id="avatar" name="avatar" type="file" accept="image/*"></form>
<script>
  for (const input of document.querySelectorAll('input[type=file]')) input.addEventListener('change', () => {
    const body = new FormData(); body.append(input.name, input.files[0]);
    fetch('/api/upload-' + input.name, { method: 'POST', body });
  });
</script></body></html>`;
const PICTURE = path.join(mkdtempSync(path.join(tmpdir(), 'loanguard-id-')), 'front.png');
writeFileSync(PICTURE, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

/**
 * Picks the file as the browser's file chooser would: through DevTools, so the page gets trusted
 * input and change events (Playwright's setInputFiles dispatches untrusted ones, which LoanGuard ignores).
 */
async function pick(selector: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  await cdp.send('DOM.setFileInputFiles', { nodeId, files: [PICTURE] });
  await cdp.detach();
}

const overlays = () => page.evaluate(() => [...document.querySelectorAll('loanguard-overlay')].filter((el) => getComputedStyle(el).display !== 'none').length);
/** The page's DOM with closed shadow roots opened (the notice lives in one). */
async function piercedHtml(): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: root.nodeId, includeShadowDOM: true } as never);
  await cdp.detach();
  return outerHTML;
}
const open = async (): Promise<void> => {
  harness.server.extraPages.set('/id-upload.html', PAGE);
  await page.goto(`${harness.server.siteOrigin('kuaidai')}/id-upload.html`);
};

describe('an ID-document upload on a lender\'s page', () => {
  it('picking a picture brings the notice to mark the copy first, naming the field', async () => {
    await open();
    await pick('#front');
    await expect.poll(overlays).toBe(1);
    const html = await piercedHtml();
    const notice = /<p>(LoanGuard: [^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(notice).toContain('("身份证正面")');
    expect(notice).toContain('Mark a copy of your ID');
  });

  it('an avatar upload brings no notice', async () => {
    await open();
    await pick('#avatar');
    // The page's own upload of the avatar has gone out: the pick was fully handled.
    await expect.poll(() => harness.server.requests.filter((r) => r.url === '/api/upload-avatar').length).toBe(1);
    await settle(300);
    expect(await overlays()).toBe(0);
  });

  it('on a trusted site no notice', async () => {
    await setStorage(harness, { trustedSites: { version: 1, sites: [{ site: 'kuaidai.localhost', addedAt: 1, note: '' }] } });
    await open();
    await pick('#front');
    await expect.poll(() => harness.server.requests.filter((r) => r.url === '/api/upload-front').length).toBe(1);
    await settle(300);
    expect(await overlays()).toBe(0);
  });
});
