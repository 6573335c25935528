// The attack suite: one hostile page per class of attack (tests/fixtures/attacks/), each trying to
// get an ID number typed with the real keyboard out of the page without a genuine user choice.
// Every case runs twice in real Chromium:
// - without LoanGuard (the control): the value does reach the collector, so the attack is real;
// - with LoanGuard: the collector receives nothing, and the user is asked ("held"), or the browser
//   itself refuses the request and the log says so ("blocked"), or — where the browser can only
//   watch — the log records it as "left without LoanGuard asking" ("recorded").
// The judge (tests/helpers/leak-oracle.ts) reads every request the collector got, however encoded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithoutExtension } from '../../scripts/browser';
import { startDemoServer, type DemoServer } from '../../scripts/demo-server';
import { answer, buttonPoint, clearLog, promptCount, promptText, readLog, setStorage, settle, startHarness, waitForPrompt, waitForShownPrompt, type Harness } from '../helpers/e2e-harness';
import { leaks } from '../helpers/leak-oracle';
import { startTurnTrap, type TurnTrap } from '../helpers/turn-trap';

const ID = '11010519491231002X';
type Outcome = 'held' | 'blocked' | 'recorded' | 'clean';

interface AttackCase {
  page: string;
  trick: string;
  /** What LoanGuard must do. */
  expect: Outcome;
  /** The attack only works against a guard that checks one thing and sends another: without LoanGuard nothing leaks either. */
  nativeIsClean?: boolean;
  /** How the value gets typed (default: click #id, type). */
  type?: (page: Page) => Promise<void>;
  /** How the attack starts (default: the page's trick, started from a script). */
  start?: (page: Page) => Promise<void>;
}

const typeInto = (selector: string) => async (page: Page) => {
  await page.click(selector);
  await page.keyboard.type(ID, { delay: 15 });
};
const clickOn = (selector: string) => (page: Page) => page.click(selector, { noWaitAfter: true });
const otherSiteFrame = async (page: Page) => {
  await page.frameLocator('#other').locator('#id').click();
  await page.keyboard.type(ID, { delay: 15 });
};

const CASES: AttackCase[] = [
  // The private channel, read and answered by the page.
  { page: 'channel', trick: 'forgeRelease', expect: 'held' },
  { page: 'channel', trick: 'forgeNotWatching', expect: 'held' },
  { page: 'channel', trick: 'forgeHandshake', expect: 'held' },
  // Built-ins replaced while matching.
  { page: 'builtins', trick: 'tamperThenFetch', expect: 'held' },
  { page: 'builtins', trick: 'tamperThenXhr', expect: 'held' },
  { page: 'builtins', trick: 'tamperThenBeacon', expect: 'held' },
  // Synthetic input deciding what is watched.
  { page: 'synthetic-input', trick: 'maskField', expect: 'held' },
  { page: 'synthetic-input', trick: 'decoyFields', expect: 'held' },
  { page: 'synthetic-input', trick: 'replaceField', expect: 'held' },
  // Check one thing, send another.
  { page: 'toctou', trick: 'initGetter', expect: 'clean', nativeIsClean: true },
  { page: 'toctou', trick: 'mutateAfterCall', expect: 'clean', nativeIsClean: true },
  { page: 'toctou', trick: 'changingUrl', expect: 'clean', nativeIsClean: true },
  { page: 'toctou', trick: 'xhrReopen', expect: 'held' },
  { page: 'toctou', trick: 'xhrLateHeader', expect: 'clean', nativeIsClean: true },
  // Bodies a matcher might not read.
  { page: 'bodies', trick: 'stringObject', expect: 'held' },
  { page: 'bodies', trick: 'documentBody', expect: 'held' },
  { page: 'bodies', trick: 'padded', expect: 'held' },
  { page: 'bodies', trick: 'decoyTokens', expect: 'held' },
  { page: 'bodies', trick: 'bytes', expect: 'held' },
  { page: 'bodies', trick: 'blobInBlob', expect: 'held' },
  { page: 'bodies', trick: 'formData', expect: 'held' },
  // Forms into another window or frame.
  { page: 'targets', trick: 'userClickToFrame', expect: 'held', start: clickOn('#to-frame') },
  { page: 'targets', trick: 'userClickToBlank', expect: 'held', start: clickOn('#to-blank') },
  { page: 'targets', trick: 'scriptToFrame', expect: 'held' },
  { page: 'targets', trick: 'scriptToBlank', expect: 'held' },
  // The value in a URL the browser fetches by itself.
  { page: 'url-routes', trick: 'image', expect: 'blocked' },
  { page: 'url-routes', trick: 'script', expect: 'blocked' },
  { page: 'url-routes', trick: 'stylesheet', expect: 'blocked' },
  { page: 'url-routes', trick: 'cssUrl', expect: 'blocked' },
  { page: 'url-routes', trick: 'iframe', expect: 'blocked' },
  { page: 'url-routes', trick: 'prefetch', expect: 'blocked' },
  { page: 'url-routes', trick: 'windowOpen', expect: 'held' },
  { page: 'url-routes', trick: 'linkClick', expect: 'blocked' },
  { page: 'url-routes', trick: 'navigate', expect: 'held' },
  // Connections.
  { page: 'connections', trick: 'eventSource', expect: 'held' },
  { page: 'connections', trick: 'webSocketUrl', expect: 'held' },
  { page: 'connections', trick: 'webSocketSend', expect: 'held' },
  { page: 'connections', trick: 'fetchLater', expect: 'held' },
  { page: 'connections', trick: 'webRtc', expect: 'held' },
  { page: 'connections', trick: 'webRtcLater', expect: 'held' },
  // Headers, cookies, the referrer.
  { page: 'headers', trick: 'customHeader', expect: 'held' },
  { page: 'headers', trick: 'xhrHeader', expect: 'held' },
  { page: 'headers', trick: 'referrerOption', expect: 'held' },
  { page: 'headers', trick: 'pageAddress', expect: 'held' },
  { page: 'headers', trick: 'cookie', expect: 'held' },
  { page: 'headers', trick: 'cookieStore', expect: 'held' },
  // Workers.
  { page: 'workers', trick: 'workerCode', expect: 'blocked' },
  { page: 'workers', trick: 'workerMessage', expect: 'held' },
  { page: 'workers', trick: 'sharedWorker', expect: 'held' },
  { page: 'workers', trick: 'serviceWorkerUrl', expect: 'blocked' },
  { page: 'workers', trick: 'serviceWorkerBody', expect: 'recorded' },
  // New realms.
  { page: 'realms', trick: 'documentWrite', expect: 'held' },
  { page: 'realms', trick: 'replaceChildren', expect: 'held' },
  { page: 'realms', trick: 'setHTMLUnsafe', expect: 'held' },
  { page: 'realms', trick: 'srcdoc', expect: 'held' },
  { page: 'realms', trick: 'insertAdjacentHTML', expect: 'held' },
  { page: 'realms', trick: 'outerHTML', expect: 'held' },
  { page: 'realms', trick: 'frameScript', expect: 'held' },
  { page: 'realms', trick: 'hookedCall', expect: 'held' },
  // Fields a guard might not watch.
  { page: 'fields', trick: 'editable', expect: 'held', type: typeInto('#editable') },
  { page: 'fields', trick: 'secureKeyboard', expect: 'held', type: typeInto('#secure') },
  { page: 'fields', trick: 'closedShadow', expect: 'held', type: typeInto('#closed') },
  { page: 'fields', trick: 'otherSiteFrame', expect: 'held', type: otherSiteFrame },
  // Re-encodings.
  { page: 'encodings', trick: 'reversed', expect: 'held' },
  { page: 'encodings', trick: 'hex', expect: 'held' },
  { page: 'encodings', trick: 'charCodes', expect: 'held' },
  { page: 'encodings', trick: 'tripleEscaped', expect: 'held' },
  { page: 'encodings', trick: 'base64Twice', expect: 'held' },
  { page: 'encodings', trick: 'unicodeEscapes', expect: 'held' },
  { page: 'encodings', trick: 'split', expect: 'held' },
  { page: 'encodings', trick: 'urlReversed', expect: 'blocked' },
  { page: 'encodings', trick: 'urlBase64', expect: 'blocked' },
  { page: 'encodings', trick: 'urlSpaced', expect: 'blocked' },
];

/**
 * Each case on its own site (no cookie, cache or service worker carries over), under *.localhost:
 * browsers resolve it to this machine and count it a secure context, as a real HTTPS site would be
 * (fetchLater and cookieStore exist only there).
 */
const caseHost = (c: AttackCase) => `${c.page}-${c.trick.toLowerCase()}`;
const attackUrl = (server: DemoServer, c: AttackCase) => `http://${caseHost(c)}.localhost:${new URL(server.origin).port}/attacks/${c.page}.html`;

/** Open the page, type the ID as a person would, and start the attack. */
async function runAttack(page: Page, server: DemoServer, trap: TurnTrap, c: AttackCase): Promise<void> {
  await page.goto(attackUrl(server, c));
  await page.evaluate((port) => ((window as unknown as { rtcPort: number }).rtcPort = port), trap.port);
  await (c.type ?? typeInto('#id'))(page);
  if (c.start) await c.start(page);
  // From a timer: a page that replaces built-ins must not break the test driver's own evaluate.
  else await page.evaluate((trick) => void setTimeout(() => (window as unknown as { attack(name: string): void }).attack(trick)), c.trick);
}

/** What reached this case's page site or collector (kit.js names it after the page), or the TURN trap. */
const leaked = (server: DemoServer, trap: TurnTrap, c: AttackCase): number =>
  leaks(server.requests, ID, `${caseHost(c)}.`).length + (c.trick.startsWith('webRtc') && trap.received().includes(ID) ? 1 : 0);

let trap: TurnTrap;
beforeAll(async () => {
  trap = await startTurnTrap();
});
afterAll(async () => {
  await trap?.close();
});

describe('without LoanGuard (the control): each attack gets the ID out', () => {
  let server: DemoServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchWithoutExtension({ headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    server.requests.length = 0;
    trap.reset();
    await page?.close();
    page = await browser.context.newPage();
  });

  it.each(CASES.filter((c) => !c.nativeIsClean).map((c) => [`${c.page}: ${c.trick}`, c] as const))('%s', async (_, c) => {
    await runAttack(page, server, trap, c);
    // Generous: under a loaded machine a new realm's script can take seconds to run.
    await expect.poll(() => leaked(server, trap, c), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});

describe('with LoanGuard: nothing leaves without the user', () => {
  let harness: Harness;
  let page: Page;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await setStorage(harness, { trustedSites: { version: 1, sites: [] } });
    await clearLog(harness);
    harness.server.requests.length = 0;
    trap.reset();
    for (const open of harness.browser.context.pages()) await open.close();
    page = await harness.browser.context.newPage();
  });

  const logged = async (decision: string) => (await readLog(harness)).filter((event) => event.decision === decision);

  it.each(CASES.map((c) => [`${c.page}: ${c.trick} → ${c.expect}`, c] as const))('%s', async (_, c) => {
    await runAttack(page, harness.server, trap, c);
    if (c.expect === 'held') {
      const prompt = await waitForPrompt(page);
      expect(leaked(harness.server, trap, c)).toBe(0);
      await answer(prompt, 'cancelled');
      await settle(800);
      expect(leaked(harness.server, trap, c)).toBe(0);
    } else if (c.expect === 'blocked') {
      await expect.poll(async () => (await logged('blocked')).length + leaked(harness.server, trap, c), { timeout: 8_000 }).toBeGreaterThan(0);
      expect(leaked(harness.server, trap, c)).toBe(0);
      expect((await logged('blocked')).length).toBeGreaterThan(0);
    } else if (c.expect === 'recorded') {
      await expect.poll(async () => (await logged('left-unasked')).length, { timeout: 8_000 }).toBeGreaterThan(0);
    } else {
      await settle(2_000);
      expect(leaked(harness.server, trap, c)).toBe(0);
    }
  });

  // The prompt itself, steered by the page (tests/fixtures/attacks/steering.html).
  const steer = (trick: string): AttackCase => ({ page: 'steering', trick, expect: 'held' });
  const dialogState = (prompt: Awaited<ReturnType<typeof waitForShownPrompt>>) =>
    prompt.evaluate(() => {
      const dialog = document.querySelector('[role="alertdialog"]');
      return { safe: dialog?.getAttribute('data-safe'), sendLocked: document.querySelector<HTMLButtonElement>('button[data-decision="sent-once"]')?.disabled };
    });

  it.each(['zoom', 'scale', 'filter', 'clip'])('steering: %s on the page keeps Send once locked until the page is drawn as it was', async (trick) => {
    const c = steer(trick);
    await runAttack(page, harness.server, trap, c);
    const prompt = await waitForShownPrompt(page);
    for (let i = 0; i < 5; i++) {
      await settle(500);
      expect(await dialogState(prompt)).toEqual({ safe: 'false', sendLocked: true });
    }
    expect(leaked(harness.server, trap, c)).toBe(0);
    await page.evaluate(() => document.documentElement.removeAttribute('style'));
    await answer(await waitForPrompt(page), 'cancelled');
    await settle(600);
    expect(leaked(harness.server, trap, c)).toBe(0);
  });

  it('steering: zooming only the page body leaves the prompt as drawn, and answerable', async () => {
    const c = steer('bodyZoom');
    await runAttack(page, harness.server, trap, c);
    const prompt = await waitForPrompt(page);
    expect(await dialogState(prompt)).toEqual({ safe: 'true', sendLocked: false });
    await answer(prompt, 'cancelled');
    await settle(600);
    expect(leaked(harness.server, trap, c)).toBe(0);
  });

  it('steering: a tap game that keeps the user clicking where Send once appears never sends', async () => {
    const c = steer('tapGame');
    await runAttack(page, harness.server, trap, c);
    const prompt = await waitForShownPrompt(page);
    const target = await buttonPoint(prompt, 'sent-once');
    // The user taps as fast as the game asks, for three seconds, right where Send once is.
    for (let i = 0; i < 20; i++) {
      await page.mouse.click(target.x, target.y);
      await settle(150);
    }
    // Nothing sent, and the question still up (how long the lock lasts between taps depends on the machine's pace).
    expect(leaked(harness.server, trap, c)).toBe(0);
    expect(await promptCount(page)).toBe(1);
    await answer(await waitForPrompt(page), 'cancelled');
    await settle(600);
    expect(leaked(harness.server, trap, c)).toBe(0);
  });

  it('steering: the prompt names the site that would receive the data, not the name the page gives itself', async () => {
    const c = steer('nameItself');
    await runAttack(page, harness.server, trap, c);
    const prompt = await waitForPrompt(page);
    const title = await prompt.evaluate(() => document.getElementById('prompt-title')?.textContent ?? '');
    expect(title).toContain('leakbox.localhost');
    expect(title.toLowerCase()).not.toContain('bank');
    expect(await promptText(prompt)).not.toContain('bank-of-china');
  });
});
