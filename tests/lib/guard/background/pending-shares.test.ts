// lib/guard/background/pending-shares.ts (WXT fake browser): a frame's audit-only safety copy whose
// report never came becomes its log entries (whole values only, no fingerprint, the ids the report
// would have used) once it is due, and is removed; a young copy waits (the sweep says when it is
// due); an unreadable copy is removed without an entry; a report that arrives removes its copy.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { pendingShareFor, pendingShareKey } from '@/lib/guard/frame/pending-share';
import { pendingShareSweeper, PENDING_SWEEP_AFTER_MS, sweepPendingShares } from '@/lib/guard/background/pending-shares';
import { receiveHold } from '@/lib/guard/background/holds';
import { shareEventsFor, holdFromMessage } from '@/lib/guard/background/hold-store';
import { fingerprintItems } from '@/lib/log/fingerprint-input';
import type { GuardHoldMessage } from '@/lib/messages/guard-messages';
import type { ShareEvent } from '@/lib/log/share-event';

const message = (holdId: string): GuardHoldMessage => ({
  type: 'guard-hold',
  holdId,
  route: 'form',
  destinationUrl: 'https://api.kuaidai.cn/register',
  pageTitle: '借款申请',
  isLoanPage: true,
  loanReasons: [],
  items: [
    { kind: 'national-id', masked: '1101**********002X', fingerprintValue: '11010519491231002X', fieldKey: 'a.f1' },
    { kind: 'otp', masked: '**', fingerprintValue: '12', fieldKey: 'a.f3' },
    { kind: 'phone', masked: '138****8000', fingerprintValue: '13800138000', fieldKey: 'a.f2', region: 'CN' },
  ],
  auditOnly: true,
});
const PAGE = 'https://www.kuaidai.cn/apply?x=1';
const AT = 1_000_000;

let recorded: ShareEvent[];
const record = async (events: readonly ShareEvent[]): Promise<void> => void recorded.push(...events);
const keep = (holdId: string, at = AT) => fakeBrowser.storage.local.set({ [pendingShareKey(holdId)]: pendingShareFor(message(holdId), PAGE, at) });

beforeEach(() => {
  fakeBrowser.reset();
  recorded = [];
});

describe('sweepPendingShares', () => {
  it('a due copy becomes its whole values\' entries, without fingerprint, under the report\'s ids, and is removed', async () => {
    await keep('hold_0000000000000001');
    expect(await sweepPendingShares(record, AT + PENDING_SWEEP_AFTER_MS)).toBeNull();
    expect(recorded.map((event) => [event.kind, event.masked, event.decision, event.fingerprint, event.pageSite, event.destinationSites[0], event.at])).toEqual([
      ['national-id', '1101**********002X', 'audit-only', null, 'kuaidai.cn', 'kuaidai.cn', AT],
      ['phone', '138****8000', 'audit-only', null, 'kuaidai.cn', 'kuaidai.cn', AT],
    ]);
    // The report, had it come, makes the same entries (so one fills the other in, never doubles it).
    const full = message('hold_0000000000000001');
    const fromReport = shareEventsFor(holdFromMessage(full, await fingerprintItems(full.items), 5, 0, PAGE, AT), 'audit-only', AT);
    expect(fromReport.map((event) => event.id)).toEqual(recorded.map((event) => event.id));
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(pendingShareKey('hold_0000000000000001'));
  });

  it('a young copy waits, and the sweep says when it is due', async () => {
    await keep('hold_0000000000000002', AT);
    expect(await sweepPendingShares(record, AT + 1_000)).toBe(PENDING_SWEEP_AFTER_MS - 1_000);
    expect(recorded).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([pendingShareKey('hold_0000000000000002')]);
  });

  it('an unreadable copy, or one under another hold\'s key, is removed without an entry; other keys are untouched', async () => {
    await fakeBrowser.storage.local.set({
      [pendingShareKey('hold_0000000000000003')]: { version: 1, items: 'garbage' },
      [pendingShareKey('hold_0000000000000004')]: pendingShareFor(message('hold_0000000000000005'), PAGE, AT),
      settings: { version: 1 },
    });
    await sweepPendingShares(record, AT + 60_000);
    expect(recorded).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { version: 1 } });
  });

  it('where the browser lists keys, only the copies are read (never the whole of storage.local)', async () => {
    await keep('hold_0000000000000009');
    await fakeBrowser.storage.local.set({ settings: { version: 1 } });
    const local = fakeBrowser.storage.local as unknown as { getKeys?: () => Promise<string[]> };
    const keys = Object.keys(await fakeBrowser.storage.local.get(null));
    local.getKeys = async () => keys;
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      await sweepPendingShares(record, AT + PENDING_SWEEP_AFTER_MS);
      expect(get.mock.calls).toEqual([[[pendingShareKey('hold_0000000000000009')]]]);
      expect(recorded.map((event) => event.kind)).toEqual(['national-id', 'phone']);
    } finally {
      get.mockRestore();
      delete local.getKeys;
    }
  });

  it('a report that reaches the background removes its copy (nothing left to sweep)', async () => {
    await keep('hold_0000000000000006');
    const deps = { record, now: () => AT, tell: async () => undefined, promptChanged: async () => undefined, allowed: async () => undefined, stillHeld: async () => false };
    await receiveHold(message('hold_0000000000000006'), { tabId: 5, frameId: 0, url: PAGE }, deps);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(pendingShareKey('hold_0000000000000006'));
    const before = recorded.length;
    await sweepPendingShares(record, AT + 60_000);
    expect(recorded).toHaveLength(before);
  });
});

describe('pendingShareSweeper', () => {
  it('a copy just written (the change that woke the worker) is swept once it is due; removals and other keys start nothing', async () => {
    vi.useFakeTimers();
    try {
      let now = AT;
      const sweeper = pendingShareSweeper(record, () => now);
      await keep('hold_0000000000000007', AT);
      sweeper.changed({ settings: { newValue: {} }, [pendingShareKey('hold_0000000000000008')]: {} });
      await vi.advanceTimersByTimeAsync(PENDING_SWEEP_AFTER_MS * 2);
      expect(recorded).toEqual([]); // nothing was scheduled
      sweeper.changed({ [pendingShareKey('hold_0000000000000007')]: { newValue: {} } });
      now = AT + PENDING_SWEEP_AFTER_MS + 60;
      await vi.advanceTimersByTimeAsync(PENDING_SWEEP_AFTER_MS + 60);
      expect(recorded.map((event) => event.kind)).toEqual(['national-id', 'phone']);
    } finally {
      vi.useRealTimers();
    }
  });
});
