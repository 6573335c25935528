// Hostile pages against the guard in real Chromium: the data must not leave without a real user
// choice, whatever the page does to the wrappers, the prompt or the events.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, guardSuite, guardUrl, promptBox, promptCount, received, settle, waitForPrompt, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(async () => {
  ({ harness, page } = suite);
  await page.goto(guardUrl(harness, 'hostile.html', 'www.sudaitong.test'));
  await page.fill('#mobile', '13800138000');
  await page.fill('#idcard', '11010519491231002X');
});

const leaked = () => harness.server.requests.filter((r) => r.body.includes('11010519491231002X'));

describe('a page that attacks the wrappers', () => {
  it.each([
    ['replaces fetch after load', 'overwriteFetch'],
    ['takes a clean fetch from a fresh iframe', 'cleanFetchFromIframe'],
    ['takes a clean fetch from an innerHTML iframe through window.frames', 'cleanFetchFromFrames'],
    ['floods the page with 3,000 decoy forms first', 'flood'],
  ])('%s: still held until the user answers', async (_, trick) => {
    void page.evaluate((name) => (window as unknown as { hostile: Record<string, () => unknown> }).hostile[name]!(), trick);
    const prompt = await waitForPrompt(page);
    expect(leaked()).toHaveLength(0);
    await answer(prompt, 'cancelled');
    await settle(400);
    expect(leaked()).toHaveLength(0);
  });
});

describe('a page that attacks the prompt', () => {
  it('synthetic key and mouse events, then hiding, removing and covering the prompt, never send the data', async () => {
    await page.evaluate(() => (window as unknown as { hostile: { syntheticEvents(): void } }).hostile.syntheticEvents());
    await waitForPrompt(page);
    const attacked = await page.evaluate(() => (window as unknown as { hostile: { attackPrompt(): number } }).hostile.attackPrompt());
    expect(attacked).toBeGreaterThan(0);
    await settle(800);
    expect(leaked()).toHaveLength(0);
    // The prompt is back, unlocked and answerable by the real user.
    const prompt = await waitForPrompt(page);
    expect(await promptCount(page)).toBe(1);
    await answer(prompt, 'cancelled');
    await settle(400);
    expect(leaked()).toHaveLength(0);
  });

  it('a page popover opened over the prompt locks it, and the prompt comes back on top', async () => {
    await page.click('#send');
    const prompt = await waitForPrompt(page);
    const box = await promptBox(prompt);
    const topmostAtPrompt = () =>
      page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.localName, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(await topmostAtPrompt()).toBe('loanguard-overlay');
    await page.evaluate(() => (window as unknown as { hostile: { coverWithPopover(): void } }).hostile.coverWithPopover());
    // Covered, the prompt reports it (IntersectionObserver v2) and the guard raises it above the page's popover.
    await expect.poll(topmostAtPrompt, { timeout: 5_000 }).toBe('loanguard-overlay');
    await settle(700); // the send buttons unlock only after the prompt has been visible again for a while
    await answer(await waitForPrompt(page), 'sent-once');
    await expect.poll(() => received(harness, '/api/hostile-send').length).toBe(1);
  });

  it('the page cannot reach the extension or its storage', async () => {
    expect(await page.evaluate(() => (window as unknown as { hostile: { askExtension(): string } }).hostile.askExtension())).toBe('absent');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('loanguard-overlay');
      return host ? host.shadowRoot : 'no-host';
    });
    // The notice host may or may not exist; if it does, its shadow root is closed to the page.
    expect(seen === null || seen === 'no-host').toBe(true);
  });
});
