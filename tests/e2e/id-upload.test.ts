// An ID-document upload on a lender's page, in real Chromium: picking a picture for a "身份证正面"
// field (which the page uploads with FormData as soon as it changes) is held before the page sees it,
// and LoanGuard offers to mark it. "Add a mark" gives the page a marked copy of the same size (the
// page itself measures the pixels it got); "Don't attach" gives it nothing; each choice is logged
// (never the picture). A look-alike (avatar) upload and a trusted site go straight through.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { guardSuite, readLog, setStorage, settle, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(async () => {
  ({ harness, page } = suite);
  // The passive loan-page notice off, so the only overlay is the one under test.
  await setStorage(harness, { settings: { version: 1, showNotice: false } });
});

// The page uploads what the field holds, with what it could see in the picture: its size and how
// many pixels are not the plain background colour (#ddeeff) the test picture is filled with.
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>闪电借款 - 极速放款 额度最高20万</title></head><body>
<h1>闪电借款：秒批放款，额度最高 200000 元</h1><p>借款年利率低至 7.2%，期限 3-24 期，申请借款后 5 分钟内放款到银行卡。网贷新用户首次借款免息。</p>
<p>上传身份证完成实名认证后即可提现。</p>
<form id="f"><label for="mobile">手机号</label><input id="mobile" name="mobile">
<label for="front">身份证正面</label><input id="front" name="front" type="file" accept="image/*">
<label for="avatar">上传头像</label><input id="avatar" name="avatar" type="file" accept="image/*"></form>
<script>
  for (const input of document.querySelectorAll('input[type=file]')) input.addEventListener('change', async () => {
    const body = new FormData();
    body.append('count', String(input.files.length));
    const file = input.files[0];
    if (file) {
      body.append('name', file.name);
      const picture = await createImageBitmap(file);
      const canvas = new OffscreenCanvas(picture.width, picture.height);
      const context = canvas.getContext('2d');
      context.drawImage(picture, 0, 0);
      const pixels = context.getImageData(0, 0, picture.width, picture.height).data;
      let changed = 0;
      for (let i = 0; i < pixels.length; i += 4) if (Math.abs(pixels[i] - 0xdd) + Math.abs(pixels[i + 1] - 0xee) + Math.abs(pixels[i + 2] - 0xff) > 24) changed++;
      body.append('size', picture.width + 'x' + picture.height);
      body.append('changed', String(changed));
    }
    fetch('/api/upload-' + input.name, { method: 'POST', body });
  });
</script></body></html>`;
const PICTURE = path.join(mkdtempSync(path.join(tmpdir(), 'loanguard-id-')), 'front.png');

/** A 240×150 picture in one plain colour, drawn by the browser (written once). */
async function makePicture(): Promise<void> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 150;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ddeeff';
    context.fillRect(0, 0, 240, 150);
    return canvas.toDataURL('image/png');
  });
  writeFileSync(PICTURE, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
}

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

/** The page's DOM with closed shadow roots opened (the offer lives in one). */
async function piercedHtml(): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: root.nodeId, includeShadowDOM: true } as never);
  await cdp.detach();
  return outerHTML;
}
/** Clicks one of the offer's buttons with the real mouse (found through DevTools: it is in a closed shadow root). */
async function choose(choice: 'marked' | 'as-is' | 'not-attached'): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { searchId, resultCount } = await cdp.send('DOM.performSearch', { query: `button[data-id-offer="${choice}"]`, includeUserAgentShadowDOM: true });
  const { nodeIds } = await cdp.send('DOM.getSearchResults', { searchId, fromIndex: 0, toIndex: resultCount });
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId: nodeIds[0]! });
  await cdp.detach();
  const [x1, y1, , , x3, y3] = model.content;
  const x = (x1! + x3!) / 2;
  const y = (y1! + y3!) / 2;
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}
const offerShown = async (): Promise<boolean> => (await piercedHtml()).includes('data-id-offer="marked"');
const uploads = (name: string) => harness.server.requests.filter((r) => r.url === `/api/upload-${name}`);
/** A text part of the multipart body the page uploaded. */
const part = (body: string, name: string): string | undefined => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)`).exec(body)?.[1];

/** For people to look at (.test-artifacts/id-offer/, ignored by git). */
async function screenshot(name: string): Promise<void> {
  const shots = path.resolve(import.meta.dirname, '../../.test-artifacts/id-offer');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

const open = async (): Promise<void> => {
  harness.server.extraPages.set('/id-upload.html', PAGE);
  await page.goto(`${harness.server.siteOrigin('kuaidai')}/id-upload.html`);
  await makePicture();
  // The page is known as a lender's (the background's verdict) before the user gets to the upload.
  await page.fill('#mobile', '13800138000');
  await settle(300);
};

describe("an ID-document upload on a lender's page", () => {
  it('is held before the page sees it; "Add a mark" gives the page a marked copy of the same size, and is logged', async () => {
    await open();
    await pick('#front');
    await expect.poll(offerShown).toBe(true);
    expect(await piercedHtml()).toContain('身份证正面');
    await screenshot('offer-1280');
    // The page has had nothing: no change event, an empty field.
    expect(uploads('front')).toHaveLength(0);
    expect(await page.evaluate(() => (document.getElementById('front') as HTMLInputElement).files!.length)).toBe(0);
    await choose('marked');
    await expect.poll(() => uploads('front').length).toBe(1);
    const body = uploads('front')[0]!.body;
    expect(part(body, 'count')).toBe('1');
    expect(part(body, 'name')).toBe('front-marked.png');
    expect(part(body, 'size')).toBe('240x150');
    // The endorsement is drawn across the picture: a good share of its pixels are no longer the background.
    expect(Number(part(body, 'changed'))).toBeGreaterThan(240 * 150 * 0.03);
    await expect.poll(async () => (await readLog(harness)).filter((event) => event.kind === 'id-photo').map((event) => [event.decision, event.masked])).toEqual([['sent-once', 'marked']]);
  });

  it('fits a phone-sized window, whole and answerable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open();
    await pick('#front');
    await expect.poll(offerShown).toBe(true);
    await screenshot('offer-390');
    // Nothing of the offer is outside the window.
    const box = await page.evaluate(() => {
      const host = [...document.querySelectorAll('loanguard-overlay')].map((el) => el.getBoundingClientRect()).find((rect) => rect.height > 100);
      return host ? { left: host.left, right: host.right, bottom: host.bottom } : null;
    });
    expect(box).not.toBeNull();
    expect(box!.left).toBeGreaterThanOrEqual(0);
    expect(box!.right).toBeLessThanOrEqual(390);
    expect(box!.bottom).toBeLessThanOrEqual(844);
    await choose('marked');
    await expect.poll(() => uploads('front').length).toBe(1);
    expect(part(uploads('front')[0]!.body, 'name')).toBe('front-marked.png');
  });

  it('"Don\'t attach" gives the page an empty field', async () => {
    await open();
    await pick('#front');
    await expect.poll(offerShown).toBe(true);
    await choose('not-attached');
    await expect.poll(() => uploads('front').length).toBe(1);
    expect(part(uploads('front')[0]!.body, 'count')).toBe('0');
    await expect.poll(async () => (await readLog(harness)).filter((event) => event.kind === 'id-photo').some((event) => event.decision === 'cancelled' && event.masked === 'not attached')).toBe(true);
  });

  it('an avatar upload goes straight to the page, unchanged', async () => {
    await open();
    await pick('#avatar');
    await expect.poll(() => uploads('avatar').length).toBe(1);
    expect(part(uploads('avatar')[0]!.body, 'name')).toBe('front.png');
    expect(part(uploads('avatar')[0]!.body, 'changed')).toBe('0');
    expect(await offerShown()).toBe(false);
  });

  it('on a trusted site no offer: the page gets the picture as picked', async () => {
    await setStorage(harness, { trustedSites: { version: 1, sites: [{ site: 'kuaidai.localhost', addedAt: 1, note: '' }] } });
    await open();
    await pick('#front');
    await expect.poll(() => uploads('front').length).toBe(1);
    expect(part(uploads('front')[0]!.body, 'name')).toBe('front.png');
    await settle(300);
    expect(await offerShown()).toBe(false);
  });
});
