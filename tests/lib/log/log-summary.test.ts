// Unit tests for lib/log/log-summary-build.ts: counts, first/last, newest-wins fields, item identity
// across sites, incremental == full build, and speed at the 50,000-event scale the popup relies on.
import { describe, expect, it } from 'vitest';
import { addToSummary, buildSummary, emptySummary } from '@/lib/log/log-summary-build';
import { logSummarySchema, type SummaryPair } from '@/lib/log/log-summary';
import type { ShareEvent } from '@/lib/log/share-event';

const FP_A = 'a'.repeat(64);
const FP_B = 'b'.repeat(64);

let counter = 0;
function ev(over: Partial<ShareEvent> = {}): ShareEvent {
  counter += 1;
  return {
    version: 2,
    id: `hold-${String(counter).padStart(6, '0')}-0`,
    at: 1_700_000_000_000,
    decision: 'sent-once',
    route: 'fetch',
    pageUrl: 'https://shop.example/apply',
    pageTitle: 'Apply now',
    pageSite: 'shop.example',
    destinationSites: ['lender.example'],
    isLoanPage: false,
    kind: 'phone',
    masked: '138****8000',
    fingerprint: FP_A,
    ...over,
  };
}

const pairOf = (pairs: readonly SummaryPair[], itemKey: string, site: string): SummaryPair | undefined =>
  pairs.find((pair) => pair.itemKey === itemKey && pair.site === site);

describe('log summary build', () => {
  it('starts empty and valid', () => {
    expect(emptySummary()).toEqual({ version: 1, total: 0, pairs: [] });
    expect(logSummarySchema.safeParse(emptySummary()).success).toBe(true);
  });

  it('counts sent and cancelled per pair and keeps first/last', () => {
    const summary = buildSummary([
      ev({ at: 200, decision: 'cancelled' }),
      ev({ at: 100, decision: 'sent-once' }),
      ev({ at: 300, decision: 'trusted' }),
      ev({ at: 250, decision: 'audit-only' }),
    ]);
    expect(summary.total).toBe(4);
    expect(summary.pairs).toHaveLength(1);
    expect(summary.pairs[0]).toMatchObject({ itemKey: FP_A, site: 'lender.example', first: 100, last: 300, sent: 3, cancelled: 1 });
    expect(logSummarySchema.safeParse(summary).success).toBe(true);
  });

  it('takes lastDecision, masked, kind and country from the newest event whatever the order', () => {
    const summary = buildSummary([
      ev({ at: 500, decision: 'cancelled', masked: '138****9999' }),
      ev({ at: 100, decision: 'trusted', masked: '138****0000', country: 'CN' }),
    ]);
    expect(summary.pairs[0]).toMatchObject({ lastDecision: 'cancelled', masked: '138****9999', last: 500, first: 100 });
    expect(summary.pairs[0]).not.toHaveProperty('country');

    const later = addToSummary(summary, [ev({ at: 900, decision: 'sent-once', masked: '138****1111', country: 'CN' })]);
    expect(later.pairs[0]).toMatchObject({ lastDecision: 'sent-once', masked: '138****1111', country: 'CN', last: 900 });
  });

  it('treats the same fingerprint on two sites as one item with two pairs', () => {
    const summary = buildSummary([
      ev({ destinationSites: ['lender.example'] }),
      ev({ destinationSites: ['other-lender.example'], decision: 'cancelled' }),
      ev({ fingerprint: FP_B, kind: 'bank-card', masked: '**** 1234' }),
    ]);
    expect(summary.pairs).toHaveLength(3);
    const items = new Set(summary.pairs.map((pair) => pair.itemKey));
    expect(items).toEqual(new Set([FP_A, FP_B]));
    expect(summary.pairs.filter((pair) => pair.itemKey === FP_A).map((pair) => pair.site).sort()).toEqual([
      'lender.example',
      'other-lender.example',
    ]);
    expect(pairOf(summary.pairs, FP_A, 'other-lender.example')).toMatchObject({ sent: 0, cancelled: 1 });
  });

  it('keys events without a fingerprint by kind and masked form, and every SMS code as one item', () => {
    const summary = buildSummary([
      ev({ fingerprint: null }),
      ev({ fingerprint: null, kind: 'otp', masked: '******' }),
      ev({ fingerprint: 'c'.repeat(64), kind: 'otp', masked: '****' }),
    ]);
    expect(summary.pairs.map((pair) => pair.itemKey).sort()).toEqual(['otp:codes', 'phone:138****8000']);
    expect(summary.pairs.find((pair) => pair.kind === 'otp')?.sent).toBe(2);
  });

  it('counts an event with several destinations once in the total and once per distinct site', () => {
    const summary = buildSummary([ev({ destinationSites: ['a.example', 'b.example', 'a.example'] })]);
    expect(summary.total).toBe(1);
    expect(summary.pairs.map((pair) => [pair.site, pair.sent])).toEqual([
      ['a.example', 1],
      ['b.example', 1],
    ]);
  });

  it('unions page sites (capped at 20) and ORs the loan-page flag', () => {
    const events = Array.from({ length: 30 }, (_, i) => ev({ pageSite: `page${i % 25}.example`, isLoanPage: i === 7 }));
    const pair = buildSummary(events).pairs[0];
    expect(pair?.pageSites).toHaveLength(20);
    expect(new Set(pair?.pageSites).size).toBe(20);
    expect(pair?.pageSites[0]).toBe('page0.example');
    expect(pair?.loanPage).toBe(true);
    expect(buildSummary([ev({ isLoanPage: false })]).pairs[0]?.loanPage).toBe(false);
  });

  it('does not change the summary it is given, and adding in steps equals building at once', () => {
    const first = [ev({ at: 10 }), ev({ at: 20, destinationSites: ['x.example'], pageSite: 'p1.example' })];
    const second = [ev({ at: 5, decision: 'cancelled', pageSite: 'p2.example' }), ev({ at: 30, fingerprint: FP_B })];
    const base = buildSummary(first);
    const snapshot = structuredClone(base);
    const stepped = addToSummary(base, second);
    expect(base).toEqual(snapshot);
    expect(stepped).toEqual(buildSummary([...first, ...second]));
  });

  it('summarises 50,000 events, every one counted once', () => {
    const kinds = ['phone', 'national-id', 'bank-card', 'otp'] as const;
    const events = Array.from({ length: 50_000 }, (_, i) =>
      ev({
        at: i,
        fingerprint: (i % 50).toString(16).padStart(64, '0'),
        kind: kinds[i % 4] ?? 'phone',
        destinationSites: [`lender${i % 7}.example`],
        decision: i % 3 === 0 ? 'cancelled' : 'sent-once',
      }),
    );
    const summary = buildSummary(events);
    expect(summary.total).toBe(50_000);
    // 50 fingerprints × 7 sites, plus the SMS codes (one item) at each of the 7 sites.
    expect(summary.pairs).toHaveLength(357);
    expect(summary.pairs.reduce((sum, pair) => sum + pair.sent + pair.cancelled, 0)).toBe(50_000);
  });
});
