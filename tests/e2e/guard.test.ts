// The guard in real Chromium: every route personal data can leave a page by is held before it
// leaves; "Don't send" keeps the server from ever receiving it, "Send once" delivers it exactly
// once and intact, and a trusted site is never asked about. The demo server records every request.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, clearLog, guardSuite, guardUrl, promptText, promptCount, readLog, readStorage, received, setStorage, settle, waitForPrompt, waitForTabVerdict, type Harness } from '../helpers/e2e-harness';

const suite = guardSuite();
let harness: Harness;
let page: Page;
beforeEach(() => {
  ({ harness, page } = suite);
});

const PHONE = '13800138000';
const ID = '11010519491231002X';

async function fillApplication(p: Page): Promise<void> {
  await p.goto(guardUrl(harness, 'apply.html'));
  await p.fill('#mobile', PHONE);
  await p.fill('#idcard', ID);
  await p.fill('#card', '4111 1111 1111 1111');
}

describe('route 1: native form submission', () => {
  it('holds a click on the submit button; Don\'t send means the server never receives it', async () => {
    await fillApplication(page);
    // noWaitAfter: the click starts a navigation the guard cancels; don't wait for it to finish.
    await page.click('#submit-button', { noWaitAfter: true });
    const prompt = await waitForPrompt(page);
    expect(await promptText(prompt)).toContain('shandianjie.test');
    await answer(prompt, 'cancelled');
    await settle(500);
    expect(received(harness, '/api/register')).toHaveLength(0);
    expect(page.url()).toContain('/guard/apply.html');
    expect(await promptCount(page)).toBe(0);
  });

  it('Send once submits exactly once, with the same body and the same submitter', async () => {
    await fillApplication(page);
    await page.press('#idcard', 'Enter', { noWaitAfter: true });
    const prompt = await waitForPrompt(page);
    await answer(prompt, 'sent-once');
    await page.waitForURL(/\/api\/register/);
    const [request, ...more] = received(harness, '/api/register');
    expect(more).toHaveLength(0);
    const body = new URLSearchParams(request!.body);
    expect(body.get('mobile')).toBe(PHONE);
    expect(body.get('idcard')).toBe(ID);
    expect(body.get('step')).toBe('apply');
  });

  it('holds form.submit() and requestSubmit() called by script', async () => {
    for (const button of ['#script-submit', '#script-request-submit']) {
      await fillApplication(page);
      await page.click(button, { noWaitAfter: true });
      const prompt = await waitForPrompt(page);
      await answer(prompt, 'cancelled');
      await settle(300);
      expect(received(harness, '/api/register'), button).toHaveLength(0);
    }
  });
});

describe('routes 2 and 3: buttons outside forms, fetch, XHR, beacon, WebSocket', () => {
  it.each([
    ['#div-button', '/api/apply-div'],
    ['#link-button', '/api/apply-link'],
    ['#send-fetch-json', '/api/fetch-json'],
    ['#send-fetch-base64', '/api/fetch-base64'],
    ['#send-xhr-form', '/api/xhr-form'],
    ['#send-beacon', '/api/beacon'],
  ])('%s: held, and Don\'t send keeps %s from the server', async (button, path) => {
    await fillApplication(page);
    await page.click(button);
    const prompt = await waitForPrompt(page);
    await answer(prompt, 'cancelled');
    await settle(400);
    expect(received(harness, path)).toHaveLength(0);
  });

  it('Send once releases a held fetch exactly once, and the page gets the real response', async () => {
    await fillApplication(page);
    await page.click('#send-fetch-json');
    await answer(await waitForPrompt(page), 'sent-once');
    await expect.poll(() => page.textContent('#log')).toContain('fetch /api/fetch-json → 200 {"ok":true}');
    const requests = received(harness, '/api/fetch-json');
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]!.body)).toEqual({ mobile: PHONE, idcard: ID, card: '4111 1111 1111 1111' });
  });

  it('a cancelled fetch fails for the page like a network error', async () => {
    await fillApplication(page);
    await page.click('#send-fetch-json');
    await answer(await waitForPrompt(page), 'cancelled');
    await expect.poll(() => page.textContent('#log')).toContain('fetch /api/fetch-json failed');
  });

  it('holds WebSocket messages carrying the data, keeps their order, and sends them once on Send once', async () => {
    await fillApplication(page);
    await page.click('#send-websocket');
    const prompt = await waitForPrompt(page);
    await settle(300);
    expect(received(harness, '/ws')).toHaveLength(0);
    await answer(prompt, 'sent-once');
    await expect.poll(() => received(harness, '/ws').map((r) => r.body)).toEqual([
      JSON.stringify({ op: 'apply', mobile: PHONE, idcard: ID, card: '4111 1111 1111 1111' }),
      'ping',
    ]);
  });

  it('one action that sends several requests to one site raises one prompt, not a stack', async () => {
    await fillApplication(page);
    await page.click('#send-fetch-json');
    await waitForPrompt(page);
    await page.click('#send-xhr-form');
    await page.click('#div-button');
    await settle(300);
    expect(await promptCount(page)).toBe(1);
    await answer(await waitForPrompt(page), 'cancelled');
    await settle(400);
    expect(harness.server.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});

describe('route 4: sent while typing', () => {
  it('stops keystroke beacons and blur posts to a third-party collector, naming that collector', async () => {
    await page.goto(guardUrl(harness, 'typing.html', 'www.prestaya.test'));
    await page.click('#curp');
    await page.keyboard.type('GODE561231HDFRRN04', { delay: 5 });
    const prompt = await waitForPrompt(page);
    const text = await promptText(prompt);
    expect(text).toContain('leadsfast.test');
    expect(text).toContain('prestaya.test');
    await answer(prompt, 'cancelled');
    await page.click('#celular');
    await settle(500);
    const leaked = harness.server.requests.filter((r) => decodeURIComponent(r.url + r.body).replace(/\W/g, '').includes('GODE561231HDFRRN04'));
    expect(leaked).toHaveLength(0);
  });
});

describe('route 5: iframes, open shadow roots, late fields, single-page navigation', () => {
  it('holds a form in a same-origin iframe', async () => {
    await page.goto(guardUrl(harness, 'frames.html', 'www.danakilat.test'));
    const frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await frame.fill('#nik', '3174045708900003');
    await frame.click('#kirim', { noWaitAfter: true });
    // A 16-digit NIK has no checksum: it is watched because the field says NIK.
    await answer(await waitForPrompt(page), 'cancelled');
    await settle(400);
    expect(received(harness, '/api/iframe-form')).toHaveLength(0);
  });

  it.each([
    ['blob:', '/api/blob-frame'],
    ['data:', '/api/data-frame'],
  ])('holds a fetch from a frame the page built from a %s URL', async (scheme, path) => {
    await page.goto(guardUrl(harness, 'made-frames.html', 'www.danakilat.test'));
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(scheme))).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith(scheme))!;
    await frame.fill('#kartu', '4111111111111111');
    await frame.click('#kirim');
    await answer(await waitForPrompt(page), 'cancelled');
    await settle(400);
    expect(received(harness, path)).toHaveLength(0);
  });

  it('holds a fetch from a field inside an open shadow root', async () => {
    await page.goto(guardUrl(harness, 'frames.html', 'www.danakilat.test'));
    // Phone numbers are watched on loan pages (the default): wait until the page is recognised as one.
    await expect.poll(async () => (await waitForTabVerdict(harness, page.url())).loan?.isLoanPage).toBe(true);
    await page.locator('loan-contact #hp').fill('081234567890');
    await page.locator('loan-contact #kirim-hp').click();
    await answer(await waitForPrompt(page), 'cancelled');
    await settle(400);
    expect(received(harness, '/api/shadow-otp')).toHaveLength(0);
  });

  it('holds an XHR from a field added after load, sent after a pushState navigation', async () => {
    await page.goto(guardUrl(harness, 'frames.html', 'www.danakilat.test'));
    await page.fill('#rek', '4111111111111111');
    await page.click('#kirim-rek');
    const prompt = await waitForPrompt(page);
    await answer(prompt, 'sent-once');
    await expect.poll(() => received(harness, '/api/late-xhr').length).toBe(1);
    expect(JSON.parse(received(harness, '/api/late-xhr')[0]!.body)).toEqual({ rekening: '4111111111111111' });
  });
});

describe('decisions, settings and the passive notice', () => {
  it('records each decision as a ShareEvent with masked values only; no raw value is stored anywhere', async () => {
    await clearLog(harness);
    await fillApplication(page);
    await page.click('#send-fetch-json');
    await answer(await waitForPrompt(page), 'cancelled');
    await expect.poll(async () => (await readLog(harness)).length).toBe(3);
    const events = (await readLog(harness)) as { decision: string; route: string; destinationSites: string[]; pageUrl: string; kind: string; masked: string; fingerprint: string }[];
    expect(events.map((e) => e.kind).sort()).toEqual(['bank-card', 'national-id', 'phone']);
    expect(events.every((e) => e.decision === 'cancelled' && e.route === 'fetch' && e.destinationSites.join() === 'shandianjie.test')).toBe(true);
    expect(events.find((e) => e.kind === 'phone')!.masked).toBe('138****8000');
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.fingerprint))).toBe(true);
    expect(events[0]!.pageUrl).toMatch(/^http:\/\/www\.shandianjie\.test:\d+\/guard\/apply\.html$/);
    const everything = JSON.stringify(
      await harness.browser.serviceWorker.evaluate(async () => [await chrome.storage.local.get(null), await chrome.storage.session.get(null)]),
    ) + JSON.stringify(await readLog(harness));
    for (const raw of [PHONE, ID, '4111111111111111', '4111 1111 1111 1111']) expect(everything).not.toContain(raw);
  });

  it('audit-only mode lets the data go without asking, and records it', async () => {
    await clearLog(harness);
    await setStorage(harness, { settings: { version: 1, auditOnly: true } });
    try {
      await fillApplication(page);
      await page.click('#send-fetch-json');
      await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(1);
      expect(await promptCount(page)).toBe(0);
      await expect.poll(async () => (await readLog(harness)).map((e) => e.decision)).toEqual([
        'audit-only',
        'audit-only',
        'audit-only',
      ]);
    } finally {
      await setStorage(harness, { settings: { version: 1 } });
    }
  });

  it('a kind switched off is not asked about', async () => {
    await setStorage(harness, { settings: { version: 1, watch: { 'national-id': 'off', 'bank-card': 'off', phone: 'off', otp: 'off' } } });
    try {
      await fillApplication(page);
      await page.click('#send-xhr-form');
      await expect.poll(() => received(harness, '/api/xhr-form').length).toBe(1);
      expect(await promptCount(page)).toBe(0);
    } finally {
      await setStorage(harness, { settings: { version: 1 } });
    }
  });

  it('shows the passive notice on a detected loan page before anything is typed, and not on a trusted one', async () => {
    await page.goto(guardUrl(harness, 'apply.html'));
    // Overlays on screen (the prompt, loaded ahead of time on a loan page, waits hidden).
    const noticeShown = () => page.evaluate(() => [...document.querySelectorAll('loanguard-overlay')].filter((el) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).opacity !== '0' && !(el as HTMLElement).inert).length);
    await expect.poll(noticeShown).toBe(1);
    await setStorage(harness, { trustedSites: { version: 1, sites: [{ site: 'shandianjie.test', addedAt: 1, note: '' }] } });
    await page.reload();
    await settle(700);
    expect(await noticeShown()).toBe(0);
  });
});

describe('trusted sites and quiet pages', () => {
  it('never asks about a trusted site, and Trust this site adds it to the list', async () => {
    await fillApplication(page);
    await page.click('#send-fetch-json');
    await answer(await waitForPrompt(page), 'trusted');
    await expect.poll(() => received(harness, '/api/fetch-json').length).toBe(1);
    const stored = (await readStorage(harness, 'trustedSites')) as { sites: { site: string }[] };
    expect(stored.sites.map((s) => s.site)).toEqual(['shandianjie.test']);
    await page.reload();
    await fillApplication(page);
    await page.click('#send-xhr-form');
    await expect.poll(() => received(harness, '/api/xhr-form').length).toBe(1);
    expect(await promptCount(page)).toBe(0);
  });

  it('a page that is not about loans and sends no personal data gets no prompt', async () => {
    await page.goto(guardUrl(harness, 'quiet.html', 'www.gardenclub.test'));
    await page.fill('#email', 'ana@example.org');
    await page.click('#like');
    await page.click('#subscribe');
    await page.waitForURL(/\/api\/newsletter/);
    // The like is a fetch the navigation doesn't wait for: it arrives, unasked, if not already.
    await expect.poll(() => received(harness, '/api/like').length).toBe(1);
    expect(received(harness, '/api/newsletter')).toHaveLength(1);
    expect(await promptCount(page)).toBe(0);
  });
});
