// The site memory in the background, behind a fake browser: a top frame's loan verdict makes its
// registrable domain remembered; another page of that site (another host too) is answered as a
// loan page, with the override the top frame obeys; the user's mark from an extension page wins
// both ways, reaches open tabs, and can be undone; a damaged stored memory is set aside.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { contentMessages } from '@/lib/background/from-content';
import { pageMessages } from '@/lib/background/from-pages';
import { routeMessages } from '@/lib/background/message-router';
import { loadSiteMemory, SITE_MEMORY_KEY, siteMemoryStore } from '@/lib/background/site-memory-store';
import { readTabVerdict } from '@/lib/background/tab-verdict-store';
import { createGuardService } from '@/lib/background/guard-service';
import type { FrameVerdictMessage, TabVerdict } from '@/lib/messages/verdict-messages';

const ORIGIN = 'chrome-extension://abcdefgh/';
const POPUP = { url: `${ORIGIN}popup.html` } as Browser.runtime.MessageSender;
const log = { remove: async () => 0, quarantine: async () => 0, clearQuarantine: async () => undefined };
let told: Array<[number, TabVerdict]> = [];
const route = routeMessages(
  [contentMessages(createGuardService(async () => undefined, () => 1)), pageMessages(log, () => Date.UTC(2026, 10, 29), async (tabId, verdict) => void told.push([tabId, verdict]))],
  () => ORIGIN,
);

const frame = (tabId: number, url: string) => ({ url, tab: { id: tabId } as Browser.tabs.Tab, frameId: 0 }) as Browser.runtime.MessageSender;
// The top frame describes its page; the background scores it (a lender's sign-up, or a hospital's log-in).
const page = (url: string, isLoanPage: boolean): NonNullable<FrameVerdictMessage['page']> => ({
  text: isLoanPage
    ? { title: '闪电借 - 极速借款 额度最高20万 秒批到账', headings: ['立即借款,最高可借 200,000 元'], buttons: ['立即借款'], links: [], body: '日息低至0.02%,3分钟审核,最快5分钟放款到账。', lang: 'zh-cn', url }
    : { title: '医院 预约挂号', headings: ['预约挂号'], buttons: ['登录'], links: [], body: '请输入手机号', lang: 'zh-cn', url },
  signals: { rangeInputs: 0, amountInputs: 0 },
  fieldKinds: ['phone'],
});
const verdict = (url: string, isLoanPage: boolean): FrameVerdictMessage => ({
  type: 'frame-verdict',
  url,
  title: '',
  isTop: true,
  loan: null,
  page: page(url, isLoanPage),
  fields: [],
});
const report = (tabId: number, url: string, isLoanPage: boolean) =>
  route(verdict(url, isLoanPage), frame(tabId, url)) as Promise<{ isLoanPage: boolean; loanReasons: { code: string }[]; override?: string }>;
const mark = (change: unknown) => route({ type: 'site-memory-update', change }, POPUP) as Promise<{ ok: boolean }>;

beforeEach(() => {
  fakeBrowser.reset();
  told = [];
});

describe('the site memory in the background', () => {
  it('remembers the registrable domain of a loan page, with that page', async () => {
    await report(1, 'https://www.shandianjie.test/register?ref=ad', true);
    const { value } = await loadSiteMemory();
    expect(value.sites).toEqual([{ site: 'shandianjie.test', detected: { page: 'https://www.shandianjie.test/register', at: expect.any(Number) } }]);
  });

  it("answers another page of the site — another host of it too — as a loan page, saying why, with an override", async () => {
    await report(1, 'https://www.shandianjie.test/register', true);
    const reply = await report(2, 'https://m.shandianjie.test/sms-login', false);
    expect(reply.isLoanPage).toBe(true);
    expect(reply.override).toBe('site-memory');
    expect(reply.loanReasons[0]?.code).toBe('site_memory');
    const stored = await readTabVerdict(2);
    expect(stored?.loan?.isLoanPage).toBe(true);
    // The page's own verdict is kept beside the memory's.
    expect(stored?.pageLoan?.isLoanPage).toBe(false);
  });

  it("scores the page the top frame describes, never a verdict a frame claims", async () => {
    const claimed: FrameVerdictMessage = { ...verdict('https://www.hospital.test/login', false), loan: { isLoanPage: true, score: 99, reasons: [] } };
    const reply = (await route(claimed, frame(1, 'https://www.hospital.test/login'))) as { isLoanPage: boolean };
    expect(reply.isLoanPage).toBe(false);
    expect((await readTabVerdict(1))?.loan?.isLoanPage).toBe(false);
  });

  it('gives another site nothing', async () => {
    await report(1, 'https://www.shandianjie.test/register', true);
    const reply = await report(2, 'https://www.hospital.test/login', false);
    expect(reply.isLoanPage).toBe(false);
    expect(reply.override).toBeUndefined();
    expect(reply.loanReasons.map((reason) => reason.code)).toContain('non_loan_context');
  });

  it("takes the user's mark both ways, tells the site's open tabs, and can undo it", async () => {
    await report(1, 'https://www.shandianjie.test/register', true);
    await report(2, 'https://m.shandianjie.test/sms-login', false);
    await report(3, 'https://www.other.test/', false);

    expect(await mark({ op: 'mark', site: 'shandianjie.test', loan: false })).toEqual({ ok: true, count: 1 });
    expect(told.map(([tabId, v]) => [tabId, v.loan?.isLoanPage, v.override]).sort()).toEqual([
      [1, false, 'user'],
      [2, false, 'user'],
    ]);
    const reply = await report(1, 'https://www.shandianjie.test/register', true);
    expect(reply).toMatchObject({ isLoanPage: false, override: 'user' });
    expect(reply.loanReasons[0]?.code).toBe('user_marked_not_loan');

    // Undo: the entry as it was before the mark.
    const before = { site: 'shandianjie.test', detected: (await loadSiteMemory()).value.sites[0]!.detected };
    expect((await mark({ op: 'restore', entry: before })).ok).toBe(true);
    expect((await report(2, 'https://m.shandianjie.test/sms-login', false)).override).toBe('site-memory');

    expect((await mark({ op: 'mark', site: 'other.test', loan: true })).ok).toBe(true);
    const other = (await readTabVerdict(3))?.loan;
    expect(other?.isLoanPage).toBe(true);
    expect(other?.reasons[0]?.code).toBe('user_marked_loan');
  });

  it('refuses a malformed change and writes nothing', async () => {
    expect(await mark({ op: 'mark', site: '', loan: 'yes' })).toBeUndefined();
    expect((await fakeBrowser.storage.local.get(SITE_MEMORY_KEY))[SITE_MEMORY_KEY]).toBeUndefined();
  });

  it('sets a damaged stored memory aside and starts empty', async () => {
    await fakeBrowser.storage.local.set({ [SITE_MEMORY_KEY]: { version: 1, sites: [{ site: 42 }] } });
    expect((await loadSiteMemory()).recovered).toBe(true);
    await siteMemoryStore.repair(7);
    const stored = await fakeBrowser.storage.local.get([SITE_MEMORY_KEY, `quarantine:${SITE_MEMORY_KEY}`]);
    expect(stored[SITE_MEMORY_KEY]).toEqual({ version: 1, sites: [] });
    expect(stored[`quarantine:${SITE_MEMORY_KEY}`]).toEqual({ at: 7, raw: { version: 1, sites: [{ site: 42 }] } });
    // It still works afterwards.
    await report(1, 'https://www.shandianjie.test/register', true);
    expect((await loadSiteMemory()).value.sites).toHaveLength(1);
  });
});
