// The hold's life in the background (WXT fake browser): reported → fingerprinted and stored → the
// prompt page told and the top frame asked to show it; data joining it; answered by the prompt of the
// same tab → the backstop steps aside first, then recorded, forgotten and ended in every frame (every
// hold of the tab to the same site gets the answer); audit-only → recorded before the page may send;
// abandoned and closed-tab holds recorded as not sent; Undo after Trust.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { abandonHolds, answerHold, closeTabHolds, holdStatus, sweepHolds, raiseHoldPrompt, receiveHold, undoTrust, updateHold, type HoldDeps } from '@/lib/guard/background/holds';
import type { GuardHoldMessage } from '@/lib/messages/guard-messages';
import type { ToContentMessage } from '@/lib/messages/to-content';
import type { ShareEvent } from '@/lib/log/share-event';
import { holdKey, readHold } from '@/lib/prompt/hold-read';
import { loadTrustedList, saveTrustedList } from '@/lib/trust/trusted-list';

const HOLD_ID = 'hold_0000000000000001';
const message = (overrides: Partial<GuardHoldMessage> = {}): GuardHoldMessage => ({
  type: 'guard-hold',
  holdId: HOLD_ID,
  route: 'xhr',
  destinationUrl: 'https://api.kuaidai.cn/apply',
  pageTitle: '借款申请',
  isLoanPage: true,
  loanReasons: [],
  items: [{ kind: 'national-id', masked: '1101**********002X', fingerprintValue: '11010519491231002X', fieldKey: 'a.f1' }],
  auditOnly: false,
  ...overrides,
});
const FROM = { tabId: 5, frameId: 3, url: 'https://www.kuaidai.example.cn/apply?id=1' };

let recorded: ShareEvent[];
let told: { tabId: number; frameId: number | undefined; message: ToContentMessage }[];
let promptChanges: number[];
let allowed: string[];
const deps: HoldDeps = {
  record: async (events) => void recorded.push(...events),
  now: () => 1_000,
  tell: async (tabId, frameId, message) => void told.push({ tabId, frameId, message }),
  promptChanged: async (tabId) => void promptChanges.push(tabId),
  allowed: async (tabId, site, decision) => void allowed.push(`${tabId} ${site} ${decision}`),
  stillHeld: async (tabId, frameId, holdId) => stillWaiting.has(`${tabId}/${frameId}/${holdId}`),
};
let stillWaiting: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  recorded = [];
  told = [];
  promptChanges = [];
  allowed = [];
  stillWaiting = new Set();
});

describe('receiveHold', () => {
  it('stores the hold with fingerprints only and asks the top frame to show the prompt', async () => {
    expect(await receiveHold(message(), FROM, deps)).toEqual({ ok: true });
    const hold = await readHold(HOLD_ID);
    expect(hold).toMatchObject({ tabId: 5, frameId: 3, route: 'xhr', destination: { site: 'kuaidai.cn' } });
    expect(hold?.items[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('11010519491231002X');
    expect(told).toEqual([{ tabId: 5, frameId: 0, message: { type: 'show-prompt', holdId: HOLD_ID, display: 'kuaidai.cn' } }]);
    expect(promptChanges).toEqual([5]);
    expect(recorded).toEqual([]);
  });

  it('a retried report (the worker restarted before answering) shows the prompt once', async () => {
    await receiveHold(message(), FROM, deps);
    await receiveHold(message(), FROM, deps);
    expect(told.filter((t) => t.message.type === 'show-prompt')).toHaveLength(1);
  });

  it('audit-only: lets the backstop pass, records the share, and neither stores a hold nor shows a prompt', async () => {
    await receiveHold(message({ auditOnly: true }), FROM, deps);
    expect(allowed).toEqual(['5 kuaidai.cn audit-only']);
    expect(recorded.map((event) => event.decision)).toEqual(['audit-only']);
    expect(await fakeBrowser.storage.session.get(holdKey(HOLD_ID))).toEqual({});
    expect(told).toEqual([]);
  });

  it('audit-only: a backstop that fails to step aside does not lose the record (the page is still told to send)', async () => {
    const failingBackstop: HoldDeps = { ...deps, allowed: async () => Promise.reject(new Error('Rule with id 241 does not have a unique ID.')) };
    expect(await receiveHold(message({ auditOnly: true }), FROM, failingBackstop)).toEqual({ ok: true });
    expect(recorded.map((event) => event.decision)).toEqual(['audit-only']);
  });

  it('audit-only: what the page sends after the record (the form it let go, a longer value) is recorded under it, once', async () => {
    await receiveHold(message({ auditOnly: true }), FROM, deps);
    const phone = { kind: 'phone' as const, masked: '138****8000', fingerprintValue: '13800138000', fieldKey: 'a.f2', region: 'CN' };
    expect(await updateHold({ type: 'hold-update', holdId: HOLD_ID, items: [message().items[0]!, phone], after: 'answered' }, FROM, deps)).toEqual({ ok: true });
    expect(recorded.map((event) => [event.decision, event.kind])).toEqual([
      ['audit-only', 'national-id'],
      ['audit-only', 'phone'],
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('13800138000');
  });
});

describe('holdStatus: what a frame still waiting learns', () => {
  const ids = ['hold_0000000000000001', 'hold_0000000000000002', 'hold_0000000000000003', 'hold_0000000000000004'];
  it('open, answered (the recorded answer; audit-only counts as sent), or unknown; another tab\'s hold is unknown to this one', async () => {
    await receiveHold(message({ holdId: ids[0] }), FROM, deps);
    await receiveHold(message({ holdId: ids[1], destinationUrl: 'https://collect.other-lender.example/x' }), FROM, deps);
    await answerHold(ids[1]!, 'cancelled', { tabId: 5 }, deps);
    await receiveHold(message({ holdId: ids[2], auditOnly: true }), FROM, deps);
    expect((await holdStatus(ids, FROM, deps)).statuses).toEqual([
      { holdId: ids[0], state: 'open' },
      { holdId: ids[1], state: 'answered', decision: 'cancelled' },
      { holdId: ids[2], state: 'answered', decision: 'sent-once' },
      { holdId: ids[3], state: 'unknown' },
    ]);
    expect((await holdStatus(ids.slice(0, 2), { ...FROM, tabId: 6 }, deps)).statuses.map((status) => status.state)).toEqual(['unknown', 'unknown']);
  });
});

describe('sweepHolds: after a worker restart', () => {
  it('records as not sent ("restarted") the holds no frame waits on any more, and keeps the others', async () => {
    const kept = 'hold_0000000000000007';
    await receiveHold(message(), FROM, deps);
    await receiveHold(message({ holdId: kept }), { ...FROM, frameId: 0 }, deps);
    stillWaiting.add(`5/0/${kept}`);
    promptChanges = [];
    await sweepHolds(deps);
    expect(recorded.map((event) => [event.decision, event.reason])).toEqual([['cancelled', 'restarted']]);
    expect(await readHold(HOLD_ID)).toBeNull();
    expect(await readHold(kept)).not.toBeNull();
    expect(promptChanges).toEqual([5]);
    // Swept once: a second sweep finds nothing more to record.
    await sweepHolds(deps);
    expect(recorded).toHaveLength(1);
  });
});

describe('answerHold', () => {
  beforeEach(() => receiveHold(message(), FROM, deps).then(() => void (told = [])));

  it('records the decision, forgets the hold and ends it in every frame of the tab', async () => {
    expect(await answerHold(HOLD_ID, 'cancelled', { tabId: 5 }, deps)).toEqual({ ok: true });
    expect(recorded.map((event) => event.decision)).toEqual(['cancelled']);
    expect(await readHold(HOLD_ID)).toBeNull();
    expect(told).toEqual([{ tabId: 5, frameId: undefined, message: { type: 'hold-ended', holdId: HOLD_ID, decision: 'cancelled' } }]);
    expect(allowed).toEqual([]);
  });

  it('Send once: the backstop steps aside for that site before any frame sends', async () => {
    await answerHold(HOLD_ID, 'sent-once', { tabId: 5 }, deps);
    expect(allowed).toEqual(['5 kuaidai.cn sent-once']);
  });

  it('one question per site: every open hold of the tab to the same site gets the answer', async () => {
    const second = 'hold_0000000000000002';
    await receiveHold(message({ holdId: second }), { ...FROM, frameId: 4 }, deps);
    await answerHold(HOLD_ID, 'cancelled', { tabId: 5 }, deps);
    expect(told.filter((t) => t.message.type === 'hold-ended').map((t) => (t.message as { holdId: string }).holdId).sort()).toEqual([HOLD_ID, second]);
    expect(await readHold(second)).toBeNull();
  });

  it('data joining an open hold is added to it (shown in the prompt)', async () => {
    const grown = { kind: 'phone' as const, masked: '138****8000', fingerprintValue: '13800138000', fieldKey: 'a.f2' };
    expect(await updateHold({ type: 'hold-update', holdId: HOLD_ID, items: [grown], after: 'open' }, FROM, deps)).toEqual({ ok: true });
    expect((await readHold(HOLD_ID))?.items.map((item) => item.fieldKey)).toEqual(['a.f1', 'a.f2']);
    expect(await updateHold({ type: 'hold-update', holdId: HOLD_ID, items: [grown], after: 'open' }, { ...FROM, tabId: 6 }, deps)).toEqual({ ok: false });
  });

  it('"trusted" adds the receiving site to the trusted list, and Undo (same tab, right after) takes it out', async () => {
    await saveTrustedList({ version: 1, sites: [{ site: 'bank.example', addedAt: 1, note: 'my bank' }] });
    await answerHold(HOLD_ID, 'trusted', { tabId: 5 }, deps);
    expect((await loadTrustedList()).value.sites.map((entry) => entry.site)).toEqual(['bank.example', 'kuaidai.cn']);
    expect(await undoTrust(HOLD_ID, { ...FROM, tabId: 6 }, deps)).toEqual({ ok: false });
    expect(await undoTrust(HOLD_ID, FROM, deps)).toEqual({ ok: true });
    expect((await loadTrustedList()).value.sites.map((entry) => entry.site)).toEqual(['bank.example']);
  });

  it('Undo is refused for an answer that was not Trust', async () => {
    await answerHold(HOLD_ID, 'sent-once', { tabId: 5 }, deps);
    expect(await undoTrust(HOLD_ID, FROM, deps)).toEqual({ ok: false });
  });

  it("refuses an answer from another tab's prompt and changes nothing", async () => {
    expect(await answerHold(HOLD_ID, 'sent-once', { tabId: 6 }, deps)).toEqual({ ok: false });
    expect(await readHold(HOLD_ID)).not.toBeNull();
    expect(recorded).toEqual([]);
    expect(told).toEqual([]);
  });

  it('refuses an answer to a hold that is gone', async () => {
    await answerHold(HOLD_ID, 'cancelled', { tabId: 5 }, deps);
    told = [];
    expect(await answerHold(HOLD_ID, 'sent-once', { tabId: 5 }, deps)).toEqual({ ok: false });
    expect(recorded).toHaveLength(1);
    expect(told).toEqual([]);
  });

  it('still ends the hold in the page when recording fails (full quota)', async () => {
    const failing = { ...deps, record: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    expect(await answerHold(HOLD_ID, 'sent-once', { tabId: 5 }, failing)).toEqual({ ok: true });
    expect(told.map((t) => t.message.type)).toEqual(['hold-ended']);
  });
});

describe('holds that can no longer be answered', () => {
  beforeEach(() => receiveHold(message(), FROM, deps).then(() => void (told = [])));

  it('the page left: recorded as not sent (page-left), ended, only for the frame that held them', async () => {
    expect(await abandonHolds([HOLD_ID], { ...FROM, frameId: 9 }, deps)).toEqual({ ok: true });
    expect(await readHold(HOLD_ID)).not.toBeNull();
    await abandonHolds([HOLD_ID], FROM, deps);
    expect(await readHold(HOLD_ID)).toBeNull();
    expect(recorded.map((event) => [event.decision, event.reason])).toEqual([['cancelled', 'page-left']]);
    expect(told.map((t) => t.message.type)).toEqual(['hold-ended']);
  });

  it('the tab closed: recorded as not sent (tab-closed)', async () => {
    await closeTabHolds(5, deps);
    expect(await readHold(HOLD_ID)).toBeNull();
    expect(recorded.map((event) => event.reason)).toEqual(['tab-closed']);
  });
});

describe('raiseHoldPrompt', () => {
  it('asks the top frame of the same tab only', async () => {
    await receiveHold(message(), FROM, deps);
    told = [];
    expect(await raiseHoldPrompt(HOLD_ID, { tabId: 9 }, deps)).toEqual({ ok: false });
    expect(await raiseHoldPrompt(HOLD_ID, { tabId: 5 }, deps)).toEqual({ ok: true });
    expect(told).toEqual([{ tabId: 5, frameId: 0, message: { type: 'raise-prompt', holdId: HOLD_ID } }]);
  });
});
