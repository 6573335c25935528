// Marking a copy of an ID in real Chromium (happy-dom has no canvas): in Help after a leak, a picture
// chosen with the site and purpose typed is drawn with the mark; the saved copy is a valid image of
// the same type and size whose pixels differ from the original where the mark runs; a PDF is refused
// with advice. axe finds nothing to fix.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { guardSuite, type Harness } from '../helpers/e2e-harness';
import { axeViolations } from '../helpers/axe';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(() => {
  ({ harness, page } = suite);
});

/** A plain light-grey "card" as PNG or JPEG, made by the browser itself. */
async function cardPicture(type: 'png' | 'jpeg'): Promise<Buffer> {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.setContent('<body style="margin:0;background:#e8e8e8"></body>');
  return page.screenshot({ type, clip: { x: 0, y: 0, width: 640, height: 400 } });
}

/** How many pixels differ between two images (as base64), and their sizes, decoded in the page. */
async function compare(options: Page, original: Buffer, marked: Buffer, type: string) {
  return options.evaluate(
    async ({ a, b, type }) => {
      const decode = async (base64: string) => createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }));
      const [one, two] = await Promise.all([decode(a), decode(b)]);
      const pixels = (image: ImageBitmap) => {
        const canvas = new OffscreenCanvas(image.width, image.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        return ctx.getImageData(0, 0, image.width, image.height).data;
      };
      const p1 = pixels(one);
      const p2 = pixels(two);
      let differing = 0;
      for (let i = 0; i < p1.length; i += 4) if (Math.abs(p1[i]! - p2[i]!) + Math.abs(p1[i + 1]! - p2[i + 1]!) + Math.abs(p1[i + 2]! - p2[i + 2]!) > 30) differing++;
      return { sizes: [one.width, one.height, two.width, two.height], share: differing / (p1.length / 4) };
    },
    { a: original.toString('base64'), b: marked.toString('base64'), type },
  );
}

describe('mark a copy of your ID', () => {
  it.each([
    ['png', 'image/png', [0x89, 0x50, 0x4e, 0x47]],
    ['jpeg', 'image/jpeg', [0xff, 0xd8, 0xff]],
  ] as const)('a %s picture is saved marked, as the same type and size', async (format, mime, magic) => {
    const original = await cardPicture(format);
    const options = await harness.browser.context.newPage();
    await options.goto(`chrome-extension://${harness.browser.extensionId}/options.html#help`);
    await options.fill('#idmark-site', 'kuaidai.example');
    await options.fill('#idmark-purpose', '借款实名认证');
    await options.setInputFiles('#idmark-file', { name: `id-front.${format}`, mimeType: mime, buffer: original });
    await options.locator('canvas.idmark-preview').waitFor();
    const text = (await options.locator('[data-mark-text]').getAttribute('data-mark-text'))!;
    expect(text).toMatch(/^Only for kuaidai\.example · 借款实名认证 · .+ · not valid for any other use$/);
    expect(await options.locator('canvas.idmark-preview').getAttribute('aria-label')).toContain(text);

    const download = options.waitForEvent('download');
    await options.click('.idmark-save');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`id-front-marked.${format === 'jpeg' ? 'jpg' : 'png'}`);
    const chunks: Buffer[] = [];
    for await (const chunk of (await saved.createReadStream())!) chunks.push(chunk as Buffer);
    const marked = Buffer.concat(chunks);
    expect([...marked.subarray(0, magic.length)]).toEqual([...magic]);
    const { sizes, share } = await compare(options, original, marked, mime);
    expect(sizes).toEqual([640, 400, 640, 400]);
    // The mark crosses the picture: a visible share of it changed, most of it did not.
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.6);
    if (format === 'png') expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('refuses a PDF with advice instead of a preview', async () => {
    const options = await harness.browser.context.newPage();
    await options.goto(`chrome-extension://${harness.browser.extensionId}/options.html#help`);
    await options.setInputFiles('#idmark-file', { name: 'ktp.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await options.locator('.id-mark [role=alert]').waitFor();
    expect(await options.locator('.id-mark [role=alert]').innerText()).toContain("A PDF can't be marked here");
    expect(await options.locator('canvas.idmark-preview').count()).toBe(0);
    await options.close();
  });
});
