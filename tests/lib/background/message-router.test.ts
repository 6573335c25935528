// The background's privilege check: each sender is classed once (content script, prompt page, our own
// page) and may only send its own class's messages; the real handler groups behind a fake browser.
// (The prompt page answers over its own port: lib/guard/background/prompt-ports.ts.)
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { contentMessages } from '@/lib/background/from-content';
import { pageMessages } from '@/lib/background/from-pages';
import { createGuardService } from '@/lib/background/guard-service';
import { classifySender, routeMessages } from '@/lib/background/message-router';
import { readHold } from '@/lib/prompt/hold-read';
import { loadTrustedList } from '@/lib/trust/trusted-list';

const ORIGIN = 'chrome-extension://abcdefgh/';
const tab = { id: 4 } as Browser.tabs.Tab;
const CONTENT = { url: 'https://loan.example.cn/apply', tab, frameId: 2 } as Browser.runtime.MessageSender;
const PROMPT = { url: `${ORIGIN}prompt.html#hold_0000000000000001`, tab, frameId: 7 } as Browser.runtime.MessageSender;
const POPUP = { url: `${ORIGIN}popup.html` } as Browser.runtime.MessageSender;

const log = { remove: async () => 3, quarantine: async () => 0, clearQuarantine: async () => undefined };
const route = routeMessages([contentMessages(createGuardService(async () => undefined, () => 1)), pageMessages(log, () => 1)], () => ORIGIN);

const hold = {
  type: 'guard-hold',
  holdId: 'hold_0000000000000001',
  route: 'fetch',
  destinationUrl: 'https://api.loan.example.cn/x',
  pageTitle: 't',
  isLoanPage: true,
  loanReasons: [],
  items: [{ kind: 'phone', masked: '138****8000', fingerprintValue: '13800138000', fieldKey: 'a.f1' }],
  auditOnly: false,
};

beforeEach(() => fakeBrowser.reset());

describe('classifySender', () => {
  it('tells content scripts, the prompt and our pages apart', () => {
    expect(classifySender(CONTENT, ORIGIN)).toEqual({ from: 'content', sender: { tabId: 4, frameId: 2, url: 'https://loan.example.cn/apply' } });
    expect(classifySender(PROMPT, ORIGIN)).toEqual({ from: 'prompt', sender: { tabId: 4 } });
    expect(classifySender(POPUP, ORIGIN)).toEqual({ from: 'page', sender: {} });
  });
  it('refuses a content script without a tab and a prompt outside a tab', () => {
    expect(classifySender({ url: 'https://x.example/' }, ORIGIN)).toBeNull();
    expect(classifySender({ url: `${ORIGIN}prompt.html` }, ORIGIN)).toBeNull();
  });
  it("keeps the sending document's id where the browser gives one", () => {
    expect(classifySender({ ...CONTENT, documentId: 'D0C' } as Browser.runtime.MessageSender, ORIGIN)).toMatchObject({ from: 'content', sender: { documentId: 'D0C' } });
  });
  it('does not take a look-alike URL for our own origin', () => {
    expect(classifySender({ url: 'https://abcdefgh/prompt.html', tab }, ORIGIN)?.from).toBe('content');
  });
});

describe('routeMessages', () => {
  it('lets a content script hold a request', async () => {
    expect(await route(hold, CONTENT)).toEqual({ ok: true });
    expect(await readHold(hold.holdId)).not.toBeNull();
  });
  it("refuses a content script what only our pages may do: read tab verdicts, delete the log, trust a site", async () => {
    expect(route({ type: 'list-tab-verdicts' }, CONTENT)).toBeUndefined();
    expect(route({ type: 'log-delete', scope: { by: 'all' } }, CONTENT)).toBeUndefined();
    expect(route({ type: 'trusted-update', change: { op: 'add', site: 'loan.example.cn' } }, CONTENT)).toBeUndefined();
    expect((await loadTrustedList()).value.sites).toEqual([]);
  });
  it('refuses anyone an answer to a hold by message (only the prompt answers, over its port)', async () => {
    await route(hold, CONTENT);
    for (const sender of [CONTENT, PROMPT, POPUP]) expect(route({ type: 'hold-decision', holdId: hold.holdId, decision: 'sent-once' }, sender)).toBeUndefined();
    expect(await readHold(hold.holdId)).not.toBeNull();
  });
  it('refuses the prompt page writes', () => {
    expect(route({ type: 'trusted-update', change: { op: 'add', site: 'x.example' } }, PROMPT)).toBeUndefined();
  });
  it('gives a prompt token to the top frame only', async () => {
    expect(await route({ type: 'prompt-open' }, { ...CONTENT, frameId: 0 })).toMatchObject({ token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await route({ type: 'prompt-open' }, CONTENT)).toBeUndefined();
  });
  it("runs a content script's on-demand part in its own frame, and no one else's request for one", async () => {
    const executeScript = vi.fn(async () => []);
    fakeBrowser.scripting.executeScript = executeScript as unknown as typeof fakeBrowser.scripting.executeScript;
    expect(await route({ type: 'load-part', part: 'ui' }, CONTENT)).toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 4, frameIds: [2] }, files: ['/frame-ui.js'], injectImmediately: true });
    for (const sender of [PROMPT, POPUP]) expect(route({ type: 'load-part', part: 'core' }, sender)).toBeUndefined();
    expect(route({ type: 'load-part', part: 'page-guard' }, CONTENT)).toBeUndefined();
    expect(executeScript).toHaveBeenCalledTimes(1);
  });
  it('lets our pages write, and refuses them what content scripts send', async () => {
    expect(await route({ type: 'log-delete', scope: { by: 'all' } }, POPUP)).toEqual({ ok: true, count: 3 });
    expect(route(hold, POPUP)).toBeUndefined();
  });
  it('ignores malformed messages from anyone', () => {
    for (const sender of [CONTENT, PROMPT, POPUP]) {
      expect(route({ type: 'guard-hold', holdId: 'x' }, sender)).toBeUndefined();
      expect(route('hello', sender)).toBeUndefined();
    }
  });
});
