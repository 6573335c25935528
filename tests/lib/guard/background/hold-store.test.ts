// lib/guard/background/hold-store.ts (fake browser storage): holds from messages, share events for
// whole values only (one per field), answers kept for what follows them, and holds that can't be answered.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { closeHold, dropHolds, holdFromMessage, mergeItems, openHold, readAnswered, recordAudit, recordFollowUp, shareEventsFor, tabHolds } from '@/lib/guard/background/hold-store';
import { pageUrlForLog } from '@/lib/log/page-url';
import { DamagedHoldError, readHold } from '@/lib/prompt/hold-read';
import { holdSchema, type GuardHoldMessage, type HeldItem, type Hold, type ReportedItem } from '@/lib/messages/guard-messages';
import { shareEventSchema, type ShareEvent } from '@/lib/log/share-event';
import { TRUSTED_KEY } from '@/lib/trust/trusted-list';

const ITEMS: ReportedItem[] = [
  { kind: 'national-id', masked: '1101**********002X', country: 'CN', fingerprintValue: '11010519491231002X', fieldKey: 'a.f1' },
  { kind: 'phone', masked: '138****8000', fingerprintValue: '13800138000', region: 'CN', fieldKey: 'a.f2' },
  { kind: 'bank-card', masked: '6212********1232', fingerprintValue: '6212345678901232', fieldKey: 'a.f3' },
];
/** ITEMS as the background holds them: the values replaced by fingerprints, all whole values. */
const HELD: HeldItem[] = ITEMS.map(({ fingerprintValue: _value, region: _region, ...item }, index) => ({ ...item, fingerprint: String(index).repeat(64), complete: true }));
/** The raw values behind ITEMS: none may ever appear in a stored event. */
const RAW = ['11010519491231002X', '13800138000', '6212345678901232'];

let holdCount = 0;
function message(overrides: Partial<GuardHoldMessage> = {}): GuardHoldMessage {
  return {
    type: 'guard-hold',
    holdId: `hold_${String(++holdCount).padStart(16, '0')}`,
    route: 'fetch',
    destinationUrl: 'https://api.loan.example.co.id/x?ktp=3171',
    pageTitle: 'Ajukan pinjaman',
    isLoanPage: true,
    loanReasons: [{ code: 'loan_word', detail: 'pinjaman', weight: 1 }],
    items: ITEMS,
    auditOnly: false,
    ...overrides,
  };
}
const hold = (overrides: Partial<GuardHoldMessage> = {}, tabId = 7, frameUrl = 'https://shop.example.com/apply?nik=3171#step2'): Hold =>
  holdFromMessage(message(overrides), HELD, tabId, 0, frameUrl, 1_000);

/** Stands in for the log writer. */
let recorded: ShareEvent[] = [];
const record = async (events: readonly ShareEvent[]): Promise<void> => {
  recorded.push(...events);
};

describe('pageUrlForLog', () => {
  it('keeps origin and path, dropping query and fragment', () => {
    expect(pageUrlForLog('https://shop.example.com:8443/apply/step?id=11010519491231002X#phone=13800138000')).toBe('https://shop.example.com:8443/apply/step');
    expect(pageUrlForLog('http://user:pw@shop.example/a')).toBe('http://shop.example/a');
  });

  it('handles file: pages without query or fragment, keeping the file server', () => {
    expect(pageUrlForLog('file:///home/me/loan.html?x=1#y')).toBe('file:///home/me/loan.html');
    expect(pageUrlForLog('file://server/share/loan.html?x=1')).toBe('file://server/share/loan.html');
  });

  it('handles about:blank and gives nothing for garbage', () => {
    expect(pageUrlForLog('about:blank')).toBe('about:blank');
    expect(pageUrlForLog('about:blank#frag')).toBe('about:blank');
    expect(pageUrlForLog('')).toBe('');
    expect(pageUrlForLog('not a url')).toBe('');
  });

  it('gives the creating page for a blob: page, not a garbled double origin', () => {
    expect(pageUrlForLog('blob:https://shop.example/1f0e3dad-99a1-4d0b-9f3a-2b9d6c1e7a55')).toBe('https://shop.example/1f0e3dad-99a1-4d0b-9f3a-2b9d6c1e7a55');
  });

  it('never copies the body of a data: page into the log', () => {
    expect(pageUrlForLog('data:text/html,<p>NIK 11010519491231002X</p>')).toBe('data:');
  });
});

describe('holdFromMessage', () => {
  it('names the destination and page by registrable domain (tldts) and keeps the message fields', () => {
    const result = holdFromMessage(message({ holdId: 'hold_abcdefghijklmnop' }), HELD, 12, 3, 'https://www.shop.example.com/apply?nik=3171#x', 1_234);
    expect(result).toEqual({
      holdId: 'hold_abcdefghijklmnop',
      tabId: 12,
      frameId: 3,
      route: 'fetch',
      destination: { site: 'example.co.id', display: 'example.co.id', origin: 'https://api.loan.example.co.id' },
      page: { site: 'example.com', display: 'example.com', url: 'https://www.shop.example.com/apply', title: 'Ajukan pinjaman' },
      isLoanPage: true,
      loanReasons: [{ code: 'loan_word', detail: 'pinjaman', weight: 1 }],
      items: HELD,
      createdAt: 1_234,
      byAction: false,
    });
    expect(holdSchema.safeParse(result).success).toBe(true);
  });

  it('shows an IDN destination in Unicode while keeping the ASCII site', () => {
    const result = hold({ destinationUrl: 'https://pay.bücher.example/x' });
    expect(result.destination).toEqual({ site: 'xn--bcher-kva.example', display: 'bücher.example', origin: 'https://pay.xn--bcher-kva.example' });
  });

  it('copes with a file: page and an about:blank frame', () => {
    expect(hold({}, 1, 'file:///home/me/loan.html?x=1').page).toMatchObject({ site: 'file:///home/me/loan.html', url: 'file:///home/me/loan.html' });
    expect(hold({}, 1, 'about:blank').page).toMatchObject({ site: 'about:blank', url: 'about:blank' });
    expect(hold({}, 1, '').page).toMatchObject({ site: '', display: '', url: '' });
  });
});

describe('shareEventsFor', () => {
  it('gives one valid event per item with unique ids and only masked values', () => {
    const held = hold();
    const events = shareEventsFor(held, 'sent-once', 5_000);
    expect(events).toHaveLength(ITEMS.length);
    expect(events.map(({ kind, masked, fingerprint }) => ({ kind, masked, fingerprint }))).toEqual(HELD.map(({ kind, masked, fingerprint }) => ({ kind, masked, fingerprint })));
    expect(events[0]?.country).toBe('CN');
    expect(new Set(events.map((event) => event.id)).size).toBe(ITEMS.length);
    for (const event of events) {
      expect(shareEventSchema.safeParse(event).success).toBe(true);
      expect(event).toMatchObject({
        version: 2,
        at: 5_000,
        decision: 'sent-once',
        route: 'fetch',
        pageUrl: 'https://shop.example.com/apply',
        pageSite: 'example.com',
        destinationSites: ['example.co.id'],
        isLoanPage: true,
      });
    }
    const text = JSON.stringify(events);
    for (const raw of RAW) expect(text).not.toContain(raw);
    expect(text).not.toContain('nik=3171');
  });

  it('ids stay unique across holds', () => {
    const ids = [hold(), hold()].flatMap((held) => shareEventsFor(held, 'cancelled', 0).map((event) => event.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('still gives valid events for a page with a very long URL or file path', () => {
    const longPath = `/${'a'.repeat(3_000)}`;
    for (const frameUrl of [`https://shop.example.com${longPath}`, `file://${longPath}.html`]) {
      for (const event of shareEventsFor(hold({}, 1, frameUrl), 'cancelled', 0)) {
        expect(shareEventSchema.safeParse(event).success).toBe(true);
      }
    }
  });
});

describe('storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    recorded = [];
  });

  it('records the decision before forgetting the hold (a worker stopped half-way loses nothing)', async () => {
    const held = hold();
    await openHold(held);
    const seen: (Hold | null)[] = [];
    await closeHold(held, 'sent-once', async () => void seen.push(await readHold(held.holdId)), 5);
    expect(seen).toEqual([held]);
    expect(await readHold(held.holdId)).toBeNull();
  });

  it('reads a missing hold as null and refuses a malformed one', async () => {
    expect(await readHold('hold_missing_000000')).toBeNull();
    await fakeBrowser.storage.session.set({ 'hold:hold_broken_0000000': { holdId: 'hold_broken_0000000', tabId: 'x' } });
    await expect(readHold('hold_broken_0000000')).rejects.toBeInstanceOf(DamagedHoldError);
  });

  it('records only whole values, one event per field, and never touches the trusted list', async () => {
    const partial: HeldItem = { ...HELD[1]!, masked: '138****', complete: false };
    await closeHold({ ...hold(), items: [HELD[0]!, partial] }, 'cancelled', record, 9);
    expect(recorded.map((event) => [event.kind, event.decision])).toEqual([['national-id', 'cancelled']]);
    expect(await fakeBrowser.storage.local.get(TRUSTED_KEY)).toEqual({});
  });

  it('keeps the answer, so what follows it is recorded once, under it, as the value becomes whole', async () => {
    const held = { ...hold(), items: [{ ...HELD[1]!, complete: false }] };
    await closeHold(held, 'cancelled', record, 100);
    expect(recorded).toEqual([]);
    const answered = (await readAnswered(held.holdId, 200))!;
    expect(answered.decision).toBe('cancelled');
    await recordFollowUp(answered, [HELD[1]!], record, 300);
    await recordFollowUp((await readAnswered(held.holdId, 400))!, [HELD[1]!], record, 400);
    expect(recorded.map((event) => [event.kind, event.decision, event.at])).toEqual([['phone', 'cancelled', 300]]);
    expect(await readAnswered(held.holdId, 100 + 11 * 60_000)).toBeNull();
  });

  it('merges items by field: a grown value replaces the earlier one, a new field is added', () => {
    const grown: HeldItem = { ...HELD[1]!, masked: '139****9000' };
    const extra: HeldItem = { ...HELD[2]!, fieldKey: 'a.f9' };
    expect(mergeItems(HELD, [grown, extra]).map((item) => item.masked)).toEqual(['1101**********002X', '139****9000', '6212********1232', '6212********1232']);
  });

  it('closes and records a hold whose page has a very long URL (the answer is never stuck)', async () => {
    const held = hold({}, 1, `https://shop.example.com/${'a'.repeat(3_000)}?q=1`);
    await openHold(held);
    await expect(closeHold(held, 'sent-once', record, 1)).resolves.toBeUndefined();
    expect(recorded).toHaveLength(ITEMS.length);
    expect(recorded[0]?.pageUrl.startsWith('https://shop.example.com/aaa')).toBe(true);
  });

  it('recordAudit appends audit-only events and touches no hold or list', async () => {
    await recordAudit(hold(), record, 1);
    expect(recorded.map((event) => event.decision)).toEqual(ITEMS.map(() => 'audit-only'));
    expect(await fakeBrowser.storage.local.get(TRUSTED_KEY)).toEqual({});
  });

  it("lists a tab's open holds, oldest first, skipping damaged entries", async () => {
    const first = { ...hold({}, 7), createdAt: 1 };
    const second = { ...hold({}, 7), createdAt: 2 };
    for (const held of [second, hold({}, 8), first]) await openHold(held);
    await fakeBrowser.storage.session.set({ 'hold:garbage': { nope: true } });
    expect((await tabHolds(7)).map((held) => held.holdId)).toEqual([first.holdId, second.holdId]);
  });

  it('drops holds that can never be answered as not sent, with the reason', async () => {
    const mine = [hold({}, 7), hold({ destinationUrl: 'https://other.example/' }, 7)];
    for (const held of mine) await openHold(held);
    await dropHolds(mine, 'tab-closed', record, 5);
    for (const held of mine) expect(await readHold(held.holdId)).toBeNull();
    expect(recorded).toHaveLength(2 * ITEMS.length);
    expect(recorded.every((event) => event.decision === 'cancelled' && event.reason === 'tab-closed')).toBe(true);
  });
});
