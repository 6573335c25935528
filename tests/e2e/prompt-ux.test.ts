// The prompt as a person meets it, in real Chromium: a page that beacons every keystroke brings one
// question and never loses a character; the prompt fits its content in every UI language at phone and
// desktop widths (screenshots kept in .test-artifacts/prompt/); after the answer a confirmation in the
// page's corner (Undo after Trust), focus back where it was, and the loan notice out of the way.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { answer, guardUrl, promptCount, readLog, readStorage, received, settle, startHarness, waitForPrompt, type Harness } from '../helpers/e2e-harness';

/** A valid CURP (its check digit holds): only whole values enter the log. */
const CURP = 'GOMA850101HDFRRN00';
const SCREENS = '.test-artifacts/prompt';

interface DomNode {
  nodeType: number;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The page's text with closed shadow roots opened (CDP pierces them; page scripts and Playwright can't). */
async function piercedText(cdp: CDPSession): Promise<string> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const texts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) texts.push(node.nodeValue);
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
  };
  walk(root);
  return texts.join(' ');
}

describe('one action, one question (English)', () => {
  let harness: Harness;
  let page: Page;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('typing an ID into a page that beacons every keystroke: at most one prompt, every character kept, nothing sent, one log item', async () => {
    page = await harness.browser.context.newPage();
    await page.goto(guardUrl(harness, 'typing.html', 'www.prestaya.test'));
    await page.click('#curp');
    let most = 0;
    for (const char of CURP) {
      await page.keyboard.type(char);
      most = Math.max(most, await promptCount(page));
    }
    await settle(800);
    most = Math.max(most, await promptCount(page));
    expect(most).toBe(1);
    // The prompt did not take the keyboard while the user typed: the field holds exactly what was typed.
    expect(await page.inputValue('#curp')).toBe(CURP);
    const carried = () => received(harness, '/api/').filter((request) => decodeURIComponent(request.url + request.body).includes(CURP));
    expect(carried()).toEqual([]);
    await answer(await waitForPrompt(page), 'cancelled');
    await settle(600);
    expect(carried()).toEqual([]);
    await expect.poll(async () => (await readLog(harness)).filter((event) => event.kind === 'national-id').length, { timeout: 10_000 }).toBe(1);
    await settle(500);
    expect((await readLog(harness)).filter((event) => event.kind === 'national-id')).toHaveLength(1);
    await page.close();
  });

  it("after Don't send: the stopped confirmation, focus back on the button the user pressed, the notice gone", async () => {
    page = await harness.browser.context.newPage();
    const cdp = await harness.browser.context.newCDPSession(page);
    await page.goto(guardUrl(harness, 'apply.html'));
    await expect.poll(async () => (await piercedText(cdp)).includes('this looks like an online-loan sign-up page')).toBe(true);
    await page.fill('#mobile', '13800138000');
    await page.fill('#idcard', '11010519491231002X');
    await page.focus('#send-fetch-json');
    await page.keyboard.press('Enter');
    const prompt = await waitForPrompt(page);
    // The notice steps aside while the question is up, and does not come back after it.
    expect(await piercedText(cdp)).not.toContain('this looks like an online-loan sign-up page');
    await answer(prompt, 'cancelled');
    await expect.poll(async () => (await piercedText(cdp)).includes('Stopped. Nothing was sent to shandianjie.test.')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('send-fetch-json');
    expect(await piercedText(cdp)).not.toContain('this looks like an online-loan sign-up page');
    await page.close();
  });

  it('the prompt page has no accessibility violations, in light and dark', async () => {
    page = await harness.browser.context.newPage();
    await page.goto(guardUrl(harness, 'apply.html', 'www.axe-prompt.test'));
    await page.fill('#idcard', '11010519491231002X');
    await page.click('#send-fetch-json');
    const prompt = await waitForPrompt(page);
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await settle(200);
      found.push(...(await axeViolations(prompt)).map((line) => `${colorScheme}: ${line}`));
    }
    expect(found).toEqual([]);
    await answer(prompt, 'cancelled');
    await page.close();
  });

  it('after Trust this site: the confirmation offers Undo, and Undo takes the site off the trusted list', async () => {
    page = await harness.browser.context.newPage();
    const cdp = await harness.browser.context.newCDPSession(page);
    await page.goto(guardUrl(harness, 'apply.html', 'www.undo-lender.test'));
    await page.fill('#mobile', '13800138000');
    await page.click('#send-fetch-json');
    await answer(await waitForPrompt(page), 'trusted');
    const trustedSites = async () => ((await readStorage(harness, 'trustedSites')) as { sites: { site: string }[] } | undefined)?.sites.map((entry) => entry.site) ?? [];
    await expect.poll(trustedSites).toContain('undo-lender.test');
    await expect.poll(async () => (await piercedText(cdp)).includes('undo-lender.test is now on your trusted list.')).toBe(true);
    // Press Undo with the real mouse, where the browser lays it out inside the closed shadow root.
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { nodeId: number } };
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'loanguard-overlay' })) as { nodeIds: number[] };
    let undoAt: { x: number; y: number } | undefined;
    for (const host of nodeIds) {
      const { node } = (await cdp.send('DOM.describeNode', { nodeId: host, depth: -1, pierce: true })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
      for (const shadow of node.shadowRoots ?? []) {
        const { nodeIds: pushed } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [shadow.backendNodeId] })) as { nodeIds: number[] };
        const { nodeIds: buttons } = (await cdp.send('DOM.querySelectorAll', { nodeId: pushed[0]!, selector: 'button' })) as { nodeIds: number[] };
        for (const button of buttons) {
          const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: button })) as { outerHTML: string };
          if (!outerHTML.includes('>Undo<')) continue;
          const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button })) as { model: { content: number[] } };
          const [x1, y1, , , x3, y3] = model.content;
          undoAt = { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
        }
      }
    }
    expect(undoAt).toBeDefined();
    await page.mouse.click(undoAt!.x, undoAt!.y);
    await expect.poll(trustedSites).not.toContain('undo-lender.test');
    await page.close();
  });
});

// Each UI language in its own browser (chrome.i18n follows the browser's language).
describe.each([
  ['en', 'en-US'],
  ['zh_CN', 'zh-CN'],
  ['es', 'es'],
  ['id', 'id'],
])('the prompt fits its content (%s)', (catalog, lang) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(lang);
    mkdirSync(SCREENS, { recursive: true });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it.each([320, 390, 1280])('at %i px wide: nothing clipped, no empty gap, every button inside the window', async (width) => {
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({ width, height: 760 });
    await page.goto(guardUrl(harness, 'apply.html', `www.fit-${catalog.toLowerCase()}-${width}.test`));
    await page.fill('#mobile', '13800138000');
    await page.fill('#idcard', '11010519491231002X');
    await page.fill('#card', '4111 1111 1111 1111');
    await page.click('#send-fetch-json');
    const prompt = await waitForPrompt(page);
    // The prompt speaks the catalog under test (its document language is the UI language).
    expect((await prompt.evaluate(() => document.documentElement.lang)).replace('-', '_').toLowerCase()).toContain(catalog.slice(0, 2).toLowerCase());
    await settle(300); // the host sizes the frame to what the prompt page reports
    const fit = await prompt.evaluate(() => {
      // The lowest thing drawn (scrolled content included).
      const lowest = Math.max(...[...document.body.querySelectorAll('*')].map((element) => element.getBoundingClientRect().bottom)) + scrollY;
      const buttons = [...document.querySelectorAll('button')].map((button) => button.getBoundingClientRect());
      return {
        frame: { width: innerWidth, height: innerHeight },
        content: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
        lowest,
        buttonsInside: buttons.every((box) => box.width > 0 && box.left >= 0 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5),
      };
    });
    const viewport = page.viewportSize()!;
    await page.screenshot({ path: `${SCREENS}/${catalog}-${width}.png` });
    // Not clipped: the content fits the frame (or the frame is as tall as the window allows and scrolls).
    expect(fit.content.width).toBeLessThanOrEqual(fit.frame.width + 1);
    if (fit.content.height > fit.frame.height + 1) expect(fit.frame.height).toBeGreaterThanOrEqual(viewport.height - 2 * 12 - 2);
    else expect(fit.buttonsInside).toBe(true);
    // No empty gap below the question (the dialog's own padding aside).
    expect(fit.frame.height - fit.lowest).toBeLessThanOrEqual(32);
    // The frame stays inside the window.
    expect(fit.frame.width).toBeLessThanOrEqual(viewport.width - 2 * 12 + 1);
    await answer(prompt, 'cancelled');
    await page.close();
  });
});
