// lib/guard/frame/guard-controller.ts with a recording environment: what is allowed (nothing watched,
// trusted, a kind not watched here), what is held and reported (one hold per destination, data that
// joins it reported visibly), what follows an answer quietly until the user acts again, audit-only
// waiting for a durable record, unreadable bodies held when anything is watched, and requests that
// wait for the page's loan verdict (decided when it comes; asked about if it never does).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_WINDOW_MS, AUDIT_WAIT_MS, GuardController, SEND_ONCE_WINDOW_MS, VERDICT_WAIT_MS, type GuardEnvironment, type WatchRecord } from '@/lib/guard/frame/guard-controller';
import { watchedValue } from '@/lib/guard/frame/value-match';
import type { GuardHoldMessage, ReportedItem } from '@/lib/messages/guard-messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import type { FieldKind } from '@/lib/types';

const PAGE = 'https://www.kuaidai.example/apply';

function record(fieldKey: string, kind: FieldKind, raw: string, masked: string): WatchRecord {
  const watched = watchedValue(`${fieldKey}:0`, kind, raw)!;
  const item: ReportedItem = { kind, masked, fingerprintValue: raw, fieldKey };
  return { watched, fieldKey, item };
}
const PHONE = record('t.f1', 'phone', '13800138000', '138****8000');
const ID = record('t.f2', 'national-id', '11010519491231002X', '1101**********002X');
const PHONE_PARTIAL = record('t.f1', 'phone', '1380013', '138****013');

let now: number;
let records: WatchRecord[];
let settings: Settings;
let trusted: string[];
let isLoanPage: boolean;
let known: boolean;
let verdictWanted: number;
let lastAction: number;
let reports: GuardHoldMessage[];
let updates: { holdId: string; items: ReportedItem[]; after: string }[];
let releases: [string, boolean][];
let reportResult: Promise<void>;
let controller: GuardController;

beforeEach(() => {
  now = 100_000;
  records = [PHONE, ID];
  settings = DEFAULT_SETTINGS;
  trusted = [];
  isLoanPage = true;
  known = true;
  verdictWanted = 0;
  lastAction = 0;
  reports = [];
  updates = [];
  releases = [];
  reportResult = Promise.resolve();
  let ids = 0;
  const env: GuardEnvironment = {
    records: () => records,
    release: (requestId, send) => void releases.push([requestId, send]),
    report: (message) => {
      reports.push(message);
      return reportResult;
    },
    update: (holdId, items, after) => void updates.push({ holdId, items, after }),
    newHoldId: () => `hold_${String(++ids).padStart(12, '0')}`,
    now: () => now,
    settings: () => settings,
    trustedSites: () => trusted,
    page: () => ({ url: PAGE, title: '借款', isLoanPage, loanReasons: [], known }),
    wantVerdict: () => void verdictWanted++,
    lastUserAction: () => lastAction,
  };
  controller = new GuardController(env);
});

const ask = (url: string, text: string, requestId = `r${Math.random()}`, flags = '') => {
  const allow = vi.fn();
  controller.onQuestion({ requestId, route: 'fetch', url, text, flags }, allow);
  return { allowed: allow.mock.calls.length > 0, requestId };
};

describe('what goes without asking', () => {
  it('a request that carries nothing watched', () => {
    expect(ask('https://api.kuaidai.example/x', 'city=beijing').allowed).toBe(true);
    expect(reports).toEqual([]);
  });
  it('anything to a trusted site (or its subdomains)', () => {
    trusted = ['kuaidai.example'];
    expect(ask('https://api.kuaidai.example/x', 'phone=13800138000').allowed).toBe(true);
  });
  it('a phone on a page that is not a loan page (the default: phones only on loan pages)', () => {
    isLoanPage = false;
    expect(ask('https://api.shop.example/x', 'phone=13800138000').allowed).toBe(true);
    expect(ask('https://api.shop.example/x', 'id=11010519491231002X').allowed).toBe(false);
  });
  it('nothing when no value is watched, even an unreadable body', () => {
    records = [];
    expect(ask('https://x.example', '', 'r', 'U').allowed).toBe(true);
  });
});

describe('holding and asking', () => {
  it('holds and reports one item per field, with the destination and whether it followed an action', () => {
    lastAction = now - 100;
    expect(ask('https://collector.example/c', 'p=13800138000&id=11010519491231002X').allowed).toBe(false);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ destinationUrl: 'https://collector.example/c', auditOnly: false, byAction: true, isLoanPage: true });
    expect(reports[0]!.items.map((item) => item.fieldKey)).toEqual(['t.f1', 't.f2']);
  });

  it('one hold per destination: later requests join it, and new data joins it visibly', () => {
    ask('https://collector.example/a', 'p=13800138000');
    ask('https://collector.example/b', 'p=13800138000');
    expect(reports).toHaveLength(1);
    expect(updates).toEqual([]);
    ask('https://collector.example/c', 'id=11010519491231002X');
    expect(reports).toHaveLength(1);
    expect(updates).toEqual([{ holdId: reports[0]!.holdId, items: [ID.item], after: 'open' }]);
    ask('https://elsewhere.example/c', 'id=11010519491231002X');
    expect(reports).toHaveLength(2);
  });

  it('releases every request of a hold with the answer', () => {
    const a = ask('https://collector.example/a', 'p=13800138000', 'ra');
    const b = ask('https://collector.example/b', 'p=13800138000', 'rb');
    controller.onDecided(reports[0]!.holdId, 'cancelled');
    expect(releases).toEqual([
      [a.requestId, false],
      [b.requestId, false],
    ]);
  });

  it('holds a request whose body could not be read (or was too big) whenever anything is watched', () => {
    expect(ask('https://collector.example/u', '', 'r', 'U').allowed).toBe(false);
    expect(ask('https://other.example/u', '', 'r2', 'O').allowed).toBe(false);
  });

  it('the same value in two fields (or from an earlier page) is one item', () => {
    records = [PHONE, { ...PHONE, fieldKey: 'other.f9', watched: { ...PHONE.watched, id: 'other.f9:0' }, item: { ...PHONE.item, fieldKey: 'other.f9' } }];
    ask('https://collector.example/a', 'p=13800138000');
    expect(reports[0]!.items).toHaveLength(1);
  });
});

describe('one action, one question', () => {
  it("after Don't send, the field's keystroke sends to that site are dropped quietly, growing or not", () => {
    records = [PHONE_PARTIAL];
    ask('https://collector.example/k', 'p=1380013');
    const holdId = reports[0]!.holdId;
    controller.onDecided(holdId, 'cancelled');
    // Every value a field held stands for the field's latest value (as TrackedValues reports them).
    records = [{ ...PHONE_PARTIAL, item: PHONE.item }, PHONE];
    now += 2_000;
    const later = ask('https://collector.example/k', 'p=13800138000', 'rk');
    expect(later.allowed).toBe(false);
    expect(reports).toHaveLength(1);
    expect(updates.at(-1)).toEqual({ holdId, items: [PHONE.item], after: 'answered' });
    return Promise.resolve().then(() => expect(releases).toContainEqual(['rk', false]));
  });

  it('a new user action (submit, click, Enter) is a new question', () => {
    ask('https://collector.example/k', 'p=13800138000');
    controller.onDecided(reports[0]!.holdId, 'cancelled');
    now += 5_000;
    lastAction = now - 10;
    expect(ask('https://collector.example/submit', 'p=13800138000').allowed).toBe(false);
    expect(reports).toHaveLength(2);
  });

  it('"Send once" lets the same fields go to the same site for a moment, not other data, not other sites', () => {
    ask('https://collector.example/a', 'p=13800138000');
    controller.onDecided(reports[0]!.holdId, 'sent-once');
    lastAction = now;
    expect(ask('https://collector.example/b', 'p=13800138000').allowed).toBe(true);
    expect(ask('https://collector.example/b', 'id=11010519491231002X').allowed).toBe(false);
    expect(ask('https://elsewhere.example/b', 'p=13800138000').allowed).toBe(false);
    now += SEND_ONCE_WINDOW_MS + ACTION_WINDOW_MS;
    lastAction = now;
    expect(ask('https://collector.example/c', 'p=13800138000').allowed).toBe(false);
  });
});

describe('audit-only', () => {
  it('holds the request until the background has the record, then sends it', async () => {
    settings = { ...DEFAULT_SETTINGS, auditOnly: true };
    let confirm!: () => void;
    reportResult = new Promise<void>((resolve) => (confirm = resolve));
    const { allowed, requestId } = ask('https://collector.example/a', 'id=11010519491231002X');
    expect(allowed).toBe(false);
    expect(reports[0]!.auditOnly).toBe(true);
    await Promise.resolve();
    expect(releases).toEqual([]);
    confirm();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(releases).toEqual([[requestId, true]]);
  });

  it('sends anyway after a bound when the background never answers (the report is retried)', async () => {
    vi.useFakeTimers();
    try {
      settings = { ...DEFAULT_SETTINGS, auditOnly: true };
      reportResult = new Promise<void>(() => undefined);
      const { requestId } = ask('https://collector.example/a', 'id=11010519491231002X');
      await vi.advanceTimersByTimeAsync(AUDIT_WAIT_MS - 1);
      expect(releases).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(releases).toEqual([[requestId, true]]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('holds the background may have lost', () => {
  it('lists only holds waiting for the user, and reports one again exactly as first reported', () => {
    ask('https://collector.example/a', 'id=11010519491231002X');
    settings = { ...DEFAULT_SETTINGS, auditOnly: true };
    ask('https://other.example/b', 'id=11010519491231002X');
    const waiting = controller.waitingHoldIds();
    expect(waiting).toEqual([reports[0]!.holdId]);
    controller.reportAgain(waiting[0]!);
    expect(reports).toHaveLength(3);
    expect(reports[2]).toEqual(reports[0]);
    controller.onDecided(waiting[0]!, 'cancelled');
    expect(controller.waitingHoldIds()).toEqual([]);
    controller.reportAgain(waiting[0]!);
    expect(reports).toHaveLength(3);
  });
});

describe('audit-only form navigations', () => {
  it('the form let go after its record goes through, with no second record (the replay is not a new hold)', async () => {
    settings = { ...DEFAULT_SETTINGS, auditOnly: true };
    const texts = ['https://www.kuaidai.example/register', 'mobile=13800138000&id=11010519491231002X'];
    const replay = vi.fn(() => expect(controller.holdNavigation(texts[0]!, texts, replay)).toBe(false));
    expect(controller.holdNavigation(texts[0]!, texts, replay)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(replay).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
    // The replay's sends are recorded under the same record (by the background), not asked or recorded anew.
    expect(updates.map((update) => [update.holdId, update.after])).toEqual([[reports[0]!.holdId, 'answered']]);
  });
});

describe('form navigations', () => {
  it('holds a navigation carrying watched data and replays it on send', () => {
    const replay = vi.fn();
    expect(controller.holdNavigation('https://www.kuaidai.example/register', ['https://www.kuaidai.example/register', 'mobile=13800138000'], replay)).toBe(true);
    controller.onDecided(reports[0]!.holdId, 'sent-once');
    expect(replay).toHaveBeenCalledTimes(1);
    expect(controller.holdNavigation('https://www.kuaidai.example/search', ['q=shoes'], replay)).toBe(false);
  });
});

describe('before the page has a loan verdict', () => {
  beforeEach(() => {
    known = false;
    isLoanPage = false;
  });

  it('a phone waits for the verdict (nothing reported or released yet), and the page is scored at once', () => {
    const { allowed } = ask('https://tracker.example/collect', 'phone=13800138000');
    expect(allowed).toBe(false);
    expect(reports).toEqual([]);
    expect(releases).toEqual([]);
    expect(verdictWanted).toBe(1);
  });

  it('a loan page: the waiting requests become one question, judged as of when they were sent', () => {
    lastAction = now - 100;
    const first = ask('https://tracker.example/a', 'phone=13800138000', 'ra');
    const second = ask('https://tracker.example/b', 'phone=13800138000', 'rb');
    expect(controller.isHeld(`hold_${'1'.padStart(12, '0')}`)).toBe(true);
    now += 3_000; // the verdict is slow: the sends still followed the user's click
    known = true;
    isLoanPage = true;
    controller.pageKnown();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ destinationUrl: 'https://tracker.example/a', byAction: true, isLoanPage: true });
    controller.onDecided(reports[0]!.holdId, 'cancelled');
    expect(releases).toEqual([
      [first.requestId, false],
      [second.requestId, false],
    ]);
  });

  it('not a loan page: a phone goes without a question once the verdict says so', () => {
    const { requestId } = ask('https://api.shop.example/x', 'phone=13800138000');
    known = true;
    controller.pageKnown();
    expect(releases).toEqual([[requestId, true]]);
    expect(reports).toEqual([]);
  });

  it('an ID number does not wait: it is asked about on every page', () => {
    records = [ID];
    expect(ask('https://api.shop.example/x', 'id=11010519491231002X').allowed).toBe(false);
    expect(reports).toHaveLength(1);
    expect(verdictWanted).toBe(0);
  });

  it('a form navigation waits too, and is replayed when the verdict lets it go', () => {
    const replay = vi.fn();
    expect(controller.holdNavigation('https://shop.example/register', ['https://shop.example/register', 'mobile=13800138000'], replay)).toBe(true);
    expect(replay).not.toHaveBeenCalled();
    known = true;
    controller.pageKnown();
    expect(replay).toHaveBeenCalledTimes(1);
  });

  it('fails closed: with no verdict in time, the request is asked about as on a loan page', async () => {
    vi.useFakeTimers();
    try {
      ask('https://tracker.example/collect', 'phone=13800138000');
      await vi.advanceTimersByTimeAsync(VERDICT_WAIT_MS - 1);
      expect(reports).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.items.map((item) => item.kind)).toEqual(['phone']);
      // Later sends no longer wait for a verdict that does not come.
      ask('https://other.example/collect', 'phone=13800138000');
      expect(reports).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('access: contacts, camera, location, clipboard', () => {
  it('on an untrusted loan page, holds the call and asks, naming only the kind', () => {
    controller.holdAccess('r1', 'contacts');
    expect(releases).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ route: 'permission', destinationUrl: PAGE, isLoanPage: true, items: [{ kind: 'contacts', masked: '—', fieldKey: 'access.contacts' }] });
    controller.onDecided(reports[0]!.holdId, 'cancelled');
    expect(releases).toEqual([['r1', false]]);
  });

  it('asks on a page whose loan verdict never came (fail closed)', () => {
    known = false;
    isLoanPage = false;
    controller.holdAccess('r1', 'contacts');
    expect(reports).toHaveLength(1);
    expect(releases).toEqual([]);
  });

  it('lets it go at once on a page that is not a lender\'s, or on a trusted site', () => {
    isLoanPage = false;
    controller.holdAccess('r1', 'camera');
    isLoanPage = true;
    trusted = ['kuaidai.example'];
    controller.holdAccess('r2', 'location');
    expect(releases).toEqual([
      ['r1', true],
      ['r2', true],
    ]);
    expect(reports).toEqual([]);
  });

  it('joins a second ask to the open prompt, visibly, and releases both with the answer', () => {
    controller.holdAccess('r1', 'camera');
    controller.holdAccess('r2', 'location');
    controller.holdAccess('r3', 'location');
    expect(reports).toHaveLength(1);
    expect(updates).toEqual([{ holdId: reports[0]!.holdId, items: [expect.objectContaining({ kind: 'location' })], after: 'open' }]);
    controller.onDecided(reports[0]!.holdId, 'sent-once');
    expect(releases).toEqual([
      ['r1', true],
      ['r2', true],
      ['r3', true],
    ]);
  });

  it('an answer about access leaves the answer about typed data to the same site in place', () => {
    controller.decide('fetch', PAGE, ['tel=13800138000'], '');
    controller.onDecided(reports[0]!.holdId, 'sent-once');
    controller.holdAccess('r1', 'clipboard');
    controller.onDecided(reports[1]!.holdId, 'cancelled');
    // Still inside the "send once" window of the phone's answer: it follows that answer, unasked.
    now += 1_000;
    expect(controller.decide('fetch', PAGE, ['tel=13800138000'], '')).toEqual({ action: 'allow' });
    expect(reports).toHaveLength(2);
  });
});
