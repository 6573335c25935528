// The hold's life in the background (WXT fake browser): reported → fingerprinted and stored → the top
// frame told to show the prompt; answered by the prompt of the same tab → recorded, forgotten and
// ended in every frame; audit-only → recorded, never stored; answers from another tab refused.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { answerHold, raiseHoldPrompt, receiveHold, type HoldDeps } from '@/lib/guard/background/holds';
import type { GuardHoldMessage } from '@/lib/messages/guard-messages';
import type { ToContentMessage } from '@/lib/messages/to-content';
import type { ShareEvent } from '@/lib/log/share-event';
import { holdKey, readHold } from '@/lib/prompt/hold-read';
import { loadTrustedList } from '@/lib/trust/trusted-list';

const HOLD_ID = 'hold_0000000000000001';
const message = (overrides: Partial<GuardHoldMessage> = {}): GuardHoldMessage => ({
  type: 'guard-hold',
  holdId: HOLD_ID,
  route: 'xhr',
  destinationUrl: 'https://api.kuaidai.cn/apply',
  pageTitle: '借款申请',
  isLoanPage: true,
  loanReasons: [],
  items: [{ kind: 'national-id', masked: '1101**********002X', fingerprintValue: '11010519491231002X' }],
  auditOnly: false,
  ...overrides,
});
const FROM = { tabId: 5, frameId: 3, url: 'https://www.kuaidai.example.cn/apply?id=1' };

let recorded: ShareEvent[];
let told: { tabId: number; frameId: number | undefined; message: ToContentMessage }[];
const deps: HoldDeps = {
  record: async (events) => void recorded.push(...events),
  now: () => 1_000,
  tell: async (tabId, frameId, message) => void told.push({ tabId, frameId, message }),
};

beforeEach(() => {
  fakeBrowser.reset();
  recorded = [];
  told = [];
});

describe('receiveHold', () => {
  it('stores the hold with fingerprints only and asks the top frame to show the prompt', async () => {
    expect(await receiveHold(message(), FROM, deps)).toEqual({ ok: true });
    const hold = await readHold(HOLD_ID);
    expect(hold).toMatchObject({ tabId: 5, frameId: 3, route: 'xhr', destination: { site: 'kuaidai.cn' } });
    expect(hold?.items[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('11010519491231002X');
    expect(told).toEqual([{ tabId: 5, frameId: 0, message: { type: 'show-prompt', holdId: HOLD_ID } }]);
    expect(recorded).toEqual([]);
  });

  it('audit-only: records the share and neither stores a hold nor shows a prompt', async () => {
    await receiveHold(message({ auditOnly: true }), FROM, deps);
    expect(recorded.map((event) => event.decision)).toEqual(['audit-only']);
    expect(await fakeBrowser.storage.session.get(holdKey(HOLD_ID))).toEqual({});
    expect(told).toEqual([]);
  });
});

describe('answerHold', () => {
  beforeEach(() => receiveHold(message(), FROM, deps).then(() => void (told = [])));

  it('records the decision, forgets the hold and ends it in every frame of the tab', async () => {
    expect(await answerHold(HOLD_ID, 'cancelled', { tabId: 5 }, deps)).toEqual({ ok: true });
    expect(recorded.map((event) => event.decision)).toEqual(['cancelled']);
    expect(await readHold(HOLD_ID)).toBeNull();
    expect(told).toEqual([{ tabId: 5, frameId: undefined, message: { type: 'hold-ended', holdId: HOLD_ID, decision: 'cancelled' } }]);
  });

  it('"trusted" also adds the receiving site to the trusted list', async () => {
    await answerHold(HOLD_ID, 'trusted', { tabId: 5 }, deps);
    expect((await loadTrustedList()).value.sites.map((entry) => entry.site)).toEqual(['kuaidai.cn']);
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

describe('raiseHoldPrompt', () => {
  it('asks the top frame of the same tab only', async () => {
    await receiveHold(message(), FROM, deps);
    told = [];
    expect(await raiseHoldPrompt(HOLD_ID, { tabId: 9 }, deps)).toEqual({ ok: false });
    expect(await raiseHoldPrompt(HOLD_ID, { tabId: 5 }, deps)).toEqual({ ok: true });
    expect(told).toEqual([{ tabId: 5, frameId: 0, message: { type: 'raise-prompt', holdId: HOLD_ID } }]);
  });
});
