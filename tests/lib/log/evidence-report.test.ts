// Evidence report model: per-site grouping ordered by recency, per-item counts, filters by site, kind
// and date, and stopped (cancelled) events kept but never counted as sent.
import { describe, expect, it } from 'vitest';
import { buildEvidenceReport, reportFilterFromQuery, reportQuery } from '@/lib/log/evidence-report';
import type { ShareEvent } from '@/lib/log/share-event';
import { shareEventAt } from '../../helpers/share-event-factory';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const NOW = T0 + 30 * DAY;
const PHONE_FP = 'a'.repeat(64);
const ID_FP = 'b'.repeat(64);

const event = (overrides: Partial<ShareEvent> = {}): ShareEvent => shareEventAt(T0, overrides);

const phoneA1 = event({ at: T0 + 1 * DAY, destinationSites: ['loans-a.example'] });
const phoneA2 = event({ at: T0 + 5 * DAY, destinationSites: ['loans-a.example'], decision: 'trusted', isLoanPage: true });
const idA = event({ at: T0 + 3 * DAY, kind: 'national-id', masked: '1101**********1234', fingerprint: ID_FP, decision: 'cancelled' });
const phoneB = event({ at: T0 + 10 * DAY, destinationSites: ['loans-b.example'], decision: 'audit-only', route: 'fetch' });
const idBoth = event({ at: T0 + 7 * DAY, kind: 'national-id', masked: '1101**********1234', fingerprint: ID_FP, destinationSites: ['loans-a.example', 'tracker.example'] });
const ALL = [phoneA1, idA, phoneA2, phoneB, idBoth];

describe('buildEvidenceReport', () => {
  it('groups by receiving site, most recent site first, rows newest first', () => {
    const report = buildEvidenceReport(ALL, { now: NOW });
    expect(report.sites.map((s) => s.site)).toEqual(['loans-b.example', 'loans-a.example', 'tracker.example']);
    const a = report.sites[1]!;
    expect(a.rows.map((r) => r.id)).toEqual([idBoth.id, phoneA2.id, idA.id, phoneA1.id]);
    expect(a.first).toBe(phoneA1.at);
    expect(a.last).toBe(idBoth.at);
    expect(a.loanPage).toBe(true);
    expect(report.sites[2]!.rows.map((r) => r.id)).toEqual([idBoth.id]);
    expect(report.sites[2]!.rows[0]!.alsoTo).toEqual(['loans-a.example']);
    // Sites whose latest events tie are ordered by name, so the report is stable.
    const tie = buildEvidenceReport([event({ destinationSites: ['z.example'] }), event({ destinationSites: ['m.example'] })], { now: NOW });
    expect(tie.sites.map((s) => s.site)).toEqual(['m.example', 'z.example']);
  });

  it('counts, per site and item, what was sent and what was stopped', () => {
    const a = buildEvidenceReport(ALL, { now: NOW }).sites.find((s) => s.site === 'loans-a.example')!;
    expect(a.items).toEqual([
      { itemKey: ID_FP, kind: 'national-id', masked: '1101**********1234', sent: 1, stopped: 1, first: idA.at, last: idBoth.at },
      { itemKey: PHONE_FP, kind: 'phone', masked: '138****8000', sent: 2, stopped: 0, first: phoneA1.at, last: phoneA2.at },
    ]);
    expect(a.sent).toBe(3);
    expect(a.stopped).toBe(1);
  });

  it('never claims cancelled data was sent', () => {
    const report = buildEvidenceReport([idA, event({ at: T0 + 4 * DAY, decision: 'cancelled' })], { now: NOW });
    expect(report.totals).toEqual({ events: 2, sent: 0, stopped: 2, sites: 1, items: 2 });
    const [site] = report.sites;
    expect(site!.sent).toBe(0);
    expect(site!.rows.every((row) => row.sent === false && row.decision === 'cancelled')).toBe(true);
    expect(site!.items.every((item) => item.sent === 0 && item.stopped === 1)).toBe(true);
    // Every sent decision counts as sent.
    const sent = buildEvidenceReport(
      (['sent-once', 'trusted', 'audit-only'] as const).map((decision) => event({ decision })),
      { now: NOW },
    );
    expect(sent.sites[0]!.rows.every((row) => row.sent)).toBe(true);
    expect(sent.totals.stopped).toBe(0);
  });

  it('counts an event that went to two sites once in the totals', () => {
    const report = buildEvidenceReport(ALL, { now: NOW });
    expect(report.totals).toEqual({ events: 5, sent: 4, stopped: 1, sites: 3, items: 2 });
    expect(report.firstEvent).toBe(phoneA1.at);
    expect(report.lastEvent).toBe(phoneB.at);
    expect(report.period).toEqual({ from: phoneA1.at, to: NOW });
  });

  it('filters by site, showing only that site and noting the other receivers', () => {
    const report = buildEvidenceReport(ALL, { now: NOW, site: 'tracker.example' });
    expect(report.sites.map((s) => s.site)).toEqual(['tracker.example']);
    expect(report.totals.events).toBe(1);
    expect(report.sites[0]!.rows[0]!.alsoTo).toEqual(['loans-a.example']);
    expect(report.filter).toEqual({ site: 'tracker.example' });
  });

  it('filters by kind', () => {
    const report = buildEvidenceReport(ALL, { now: NOW, kinds: ['national-id'] });
    expect(report.sites.flatMap((s) => s.rows).every((r) => r.kind === 'national-id')).toBe(true);
    expect(report.totals.events).toBe(2);
    expect(report.sites.map((s) => s.site)).toEqual(['loans-a.example', 'tracker.example']);
    expect(buildEvidenceReport(ALL, { now: NOW, kinds: [] }).totals.events).toBe(0);
  });

  it('filters by date, inclusive at both ends, and reports the requested period', () => {
    const report = buildEvidenceReport(ALL, { now: NOW, since: idA.at, until: idBoth.at });
    expect(report.sites.flatMap((s) => s.rows.map((r) => r.id)).sort()).toEqual([idA.id, phoneA2.id, idBoth.id, idBoth.id].sort());
    expect(report.totals.events).toBe(3);
    expect(report.period).toEqual({ from: idA.at, to: idBoth.at });
  });

  it('handles no events', () => {
    const report = buildEvidenceReport([], { now: NOW });
    expect(report.sites).toEqual([]);
    expect(report.totals).toEqual({ events: 0, sent: 0, stopped: 0, sites: 0, items: 0 });
    expect(report.period).toEqual({ from: null, to: NOW });
    expect(report.firstEvent).toBeNull();
  });

  it('uses kind:masked as the item for old events without a fingerprint', () => {
    const old = [event({ fingerprint: null }), event({ fingerprint: null, at: T0 + DAY })];
    const [site] = buildEvidenceReport(old, { now: NOW }).sites;
    expect(site!.items).toHaveLength(1);
    expect(site!.items[0]!.itemKey).toBe('phone:138****8000');
    expect(site!.items[0]!.sent).toBe(2);
  });
});

describe('report query string', () => {
  it('round-trips a filter', () => {
    const filter = { site: 'loans-a.example', kinds: ['phone', 'otp'] as ('phone' | 'otp')[], since: 10, until: 20 };
    const query = reportQuery(filter);
    expect(query).toBe('?site=loans-a.example&kind=phone&kind=otp&since=10&until=20');
    expect(reportFilterFromQuery(query)).toEqual(filter);
    expect(reportQuery({})).toBe('');
    expect(reportFilterFromQuery('')).toEqual({});
  });

  it('ignores malformed numbers and unknown kinds, but keeps an all-unknown kind list as matching nothing', () => {
    expect(reportFilterFromQuery('?since=abc&until=&kind=phone&kind=passport')).toEqual({ kinds: ['phone'] });
    expect(reportFilterFromQuery('?kind=passport')).toEqual({ kinds: [] });
    expect(reportFilterFromQuery(reportQuery({ kinds: [] }))).toEqual({ kinds: [] });
  });
});
