// The popup's view-model over summary pairs: grouping by item and by site, newest-first order, the
// filters (kind, text incl. Unicode site names, dates, stopped attempts), pairsForSite, the data map
// and calendar days.
import { describe, expect, it } from 'vitest';
import type { SummaryPair } from '@/lib/log/log-summary';
import { DAY, summaryPair } from '../../helpers/summary-pair';
import { dataMap, filterPairs, groupByItem, groupBySite, pairsForSite, relativeDay, sinceForRange } from '@/lib/log/log-views';

const NOW = Date.UTC(2026, 5, 1);

const pair = (overrides: Partial<SummaryPair> = {}): SummaryPair => summaryPair(NOW, { ...overrides });

const PAIRS: SummaryPair[] = [
  pair(),
  pair({ site: 'xn--fsqu00a.xn--fiqs8s', pageSites: ['shop.example'], first: NOW - 3 * DAY, last: NOW - 2 * DAY, sent: 3, loanPage: false }),
  pair({ itemKey: 'id-b', kind: 'national-id', masked: '1101**********1234', site: 'kuaidai.example', first: NOW - 400 * DAY, last: NOW - 300 * DAY }),
  pair({ itemKey: 'card-c', kind: 'bank-card', masked: '6222********1234', site: 'stopped.example', pageSites: ['stopped.example'], sent: 0, cancelled: 2, lastDecision: 'cancelled', first: NOW - DAY, last: NOW - DAY }),
];

describe('groupByItem', () => {
  it('puts one item sent to two sites in one group, its sites newest first', () => {
    const groups = groupByItem(PAIRS);
    const phone = groups.find((group) => group.itemKey === 'phone-a')!;
    expect(phone.sites.map((p) => p.site)).toEqual(['xn--fsqu00a.xn--fiqs8s', 'kuaidai.example']);
    expect(phone.first).toBe(NOW - 10 * DAY);
    expect(phone.last).toBe(NOW - 2 * DAY);
    expect(phone.kind).toBe('phone');
    expect(phone.masked).toBe('138****8000');
  });

  it('orders items by their latest share, newest first', () => {
    expect(groupByItem(PAIRS).map((group) => group.itemKey)).toEqual(['phone-a', 'id-b']);
  });

  it('takes the masked form from the item’s most recent pair', () => {
    const groups = groupByItem([pair({ masked: '138****0000', last: NOW - 9 * DAY }), pair({ site: 'b.example', masked: '138****8000', last: NOW - DAY })]);
    expect(groups[0]!.masked).toBe('138****8000');
  });

  it('leaves out stopped-only pairs unless includeStopped', () => {
    expect(groupByItem(PAIRS).some((group) => group.itemKey === 'card-c')).toBe(false);
    const withStopped = groupByItem(PAIRS, { includeStopped: true });
    expect(withStopped.map((group) => group.itemKey)).toEqual(['card-c', 'phone-a', 'id-b']);
  });

  it('counts a pair with both sent and stopped events as received', () => {
    const mixed = pair({ sent: 1, cancelled: 4, lastDecision: 'cancelled' });
    expect(groupByItem([mixed])).toHaveLength(1);
  });
});

describe('groupBySite', () => {
  it('groups by receiving site with the Unicode display name and loan flag', () => {
    const groups = groupBySite(PAIRS);
    expect(groups.map((group) => group.site)).toEqual(['xn--fsqu00a.xn--fiqs8s', 'kuaidai.example']);
    expect(groups[0]!.display).toBe('例子.中国');
    expect(groups[0]!.loanPage).toBe(false);
    const kuaidai = groups[1]!;
    expect(kuaidai.loanPage).toBe(true);
    expect(kuaidai.items.map((p) => p.itemKey)).toEqual(['phone-a', 'id-b']);
    expect(kuaidai.last).toBe(NOW - 5 * DAY);
  });

  it('shows a stopped-only site only with includeStopped', () => {
    expect(groupBySite(PAIRS).some((group) => group.site === 'stopped.example')).toBe(false);
    expect(groupBySite(PAIRS, { includeStopped: true })[0]!.site).toBe('stopped.example');
  });
});

describe('filters', () => {
  it('filters by kind', () => {
    expect(filterPairs(PAIRS, { kinds: ['national-id'] }).map((p) => p.itemKey)).toEqual(['id-b']);
    expect(filterPairs(PAIRS, { kinds: [] })).toHaveLength(3);
  });

  it('matches text against the masked value, ignoring case and spaces', () => {
    expect(filterPairs(PAIRS, { text: '138' }).every((p) => p.itemKey === 'phone-a')).toBe(true);
    expect(filterPairs(PAIRS, { text: ' 1101** ' }).map((p) => p.itemKey)).toEqual(['id-b']);
  });

  it('matches a site by its ASCII or its Unicode name, and page sites', () => {
    expect(filterPairs(PAIRS, { text: 'KUAIDAI' })).toHaveLength(2);
    expect(filterPairs(PAIRS, { text: '例子' }).map((p) => p.site)).toEqual(['xn--fsqu00a.xn--fiqs8s']);
    expect(filterPairs(PAIRS, { text: 'xn--fsqu00a' }).map((p) => p.site)).toEqual(['xn--fsqu00a.xn--fiqs8s']);
    expect(filterPairs(PAIRS, { text: 'shop.example' }).map((p) => p.site)).toEqual(['xn--fsqu00a.xn--fiqs8s']);
  });

  it('matches the kind name when one is given', () => {
    const kindLabel = (kind: string) => (kind === 'phone' ? 'Phone number' : kind);
    expect(filterPairs(PAIRS, { text: 'phone', kindLabel }).map((p) => p.itemKey)).toEqual(['phone-a', 'phone-a']);
    expect(filterPairs(PAIRS, { text: 'phone' })).toHaveLength(0);
  });

  it('keeps pairs whose [first, last] overlaps the date range', () => {
    const since = sinceForRange('week', NOW)!;
    expect(since).toBe(NOW - 7 * DAY);
    // phone-a/kuaidai: last share 5 days ago (first 10 days ago) overlaps; id-b ended 300 days ago.
    expect(filterPairs(PAIRS, { since }).map((p) => p.itemKey)).toEqual(['phone-a', 'phone-a']);
    expect(filterPairs(PAIRS, { until: NOW - 350 * DAY }).map((p) => p.itemKey)).toEqual(['id-b']);
    expect(filterPairs(PAIRS, { since: NOW - 4 * DAY, until: NOW - 3 * DAY }).map((p) => p.site)).toEqual(['xn--fsqu00a.xn--fiqs8s']);
    expect(sinceForRange('any', NOW)).toBeUndefined();
    expect(sinceForRange('year', NOW)).toBe(NOW - 365 * DAY);
  });
});

describe('pairsForSite', () => {
  it('returns pairs the site received or whose data was typed on it, newest first', () => {
    expect(pairsForSite(PAIRS, 'kuaidai.example').map((p) => p.itemKey)).toEqual(['phone-a', 'id-b']);
    expect(pairsForSite(PAIRS, 'shop.example').map((p) => p.site)).toEqual(['xn--fsqu00a.xn--fiqs8s']);
    expect(pairsForSite(PAIRS, 'stopped.example')).toHaveLength(1);
    expect(pairsForSite(PAIRS, 'nobody.example')).toEqual([]);
    expect(pairsForSite(PAIRS, '')).toEqual([]);
  });
});

describe('dataMap', () => {
  it('draws each item with a line to every site that has it, sent or stopped', () => {
    const map = dataMap(groupByItem(PAIRS, { includeStopped: true }));
    expect(map.items.map((item) => item.itemKey)).toEqual(['card-c', 'phone-a', 'id-b']);
    expect(map.links.map((link) => [link.itemKey, link.site, link.sent])).toEqual([
      ['card-c', 'stopped.example', false],
      ['phone-a', 'xn--fsqu00a.xn--fiqs8s', true],
      ['phone-a', 'kuaidai.example', true],
      ['id-b', 'kuaidai.example', true],
    ]);
    expect(map.sites.find((site) => site.site === 'xn--fsqu00a.xn--fiqs8s')!.display).toBe('例子.中国');
    expect(map.more).toBeNull();
    expect(map.hiddenItems).toBe(0);
  });

  it('orders sites by the rows of their items, so lines cross as little as possible', () => {
    const map = dataMap(groupByItem(PAIRS, { includeStopped: true }));
    // card-c (row 0) → stopped.example; phone-a (row 1) → 例子.中国 and kuaidai; id-b (row 2) → kuaidai.
    expect(map.sites.map((site) => site.site)).toEqual(['stopped.example', 'xn--fsqu00a.xn--fiqs8s', 'kuaidai.example']);
    for (const link of map.links) {
      expect(link.from).toBe(map.items.find((item) => item.itemKey === link.itemKey)!.y);
      expect(link.to).toBe(map.sites.find((site) => site.site === link.site)!.y);
    }
  });

  it('centres the shorter column', () => {
    const map = dataMap(groupByItem([pair({ site: 'a.example' }), pair({ site: 'b.example' }), pair({ site: 'c.example' })]));
    expect(map.rows).toBe(3);
    expect(map.items.map((item) => item.y)).toEqual([1]);
    expect(map.sites.map((site) => site.y)).toEqual([0, 1, 2]);
  });

  it('keeps the newest items and folds the least linked sites into "more"', () => {
    const many = Array.from({ length: 10 }, (_, i) => pair({ itemKey: `k${i}`, site: `s${i}.example`, last: NOW - i * DAY }));
    const map = dataMap(groupByItem([...many, pair({ itemKey: 'k0', site: 'shared.example', sent: 0, cancelled: 1 }), pair({ itemKey: 'k1', site: 'shared.example' })], { includeStopped: true }), 4, 3);
    expect(map.items.map((item) => item.itemKey)).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(map.hiddenItems).toBe(6);
    expect(map.sites).toHaveLength(2);
    expect(map.sites.map((site) => site.site)).toContain('shared.example');
    // Three site rows (two sites and "more") centred against four item rows.
    expect(map.more).toEqual({ count: 3, y: 2.5 });
    // Every drawn item still has a line for each of its sites, to the site or to "more".
    for (const item of map.items) expect(map.links.some((link) => link.itemKey === item.itemKey)).toBe(true);
    expect(map.links.filter((link) => link.site === null).every((link) => link.to === map.more!.y)).toBe(true);
  });

  it('is empty for no groups', () => {
    expect(dataMap([])).toEqual({ items: [], sites: [], more: null, links: [], rows: 0, hiddenItems: 0 });
  });
});

describe('relativeDay', () => {
  const now = new Date(2026, 10, 29, 15, 30).getTime();
  it('tells today, yesterday, this year and older apart by calendar day', () => {
    expect(relativeDay(new Date(2026, 10, 29, 0, 5).getTime(), now)).toBe('today');
    expect(relativeDay(now - 1000, now)).toBe('today');
    expect(relativeDay(new Date(2026, 10, 28, 23, 59).getTime(), now)).toBe('yesterday');
    expect(relativeDay(new Date(2026, 10, 27, 23, 59).getTime(), now)).toBe('this-year');
    expect(relativeDay(new Date(2026, 0, 1).getTime(), now)).toBe('this-year');
    expect(relativeDay(new Date(2025, 11, 31).getTime(), now)).toBe('older');
  });
  it('calls a moment a little in the future today (a clock set back)', () => {
    expect(relativeDay(now + 60_000, now)).toBe('today');
  });
});

describe('scale', () => {
  it('groups 10,000 pairs both ways completely', () => {
    const pairs: SummaryPair[] = [];
    for (let i = 0; i < 10_000; i++) {
      pairs.push(
        pair({
          itemKey: `item-${i % 500}`,
          masked: `138****${String(i % 500).padStart(4, '0')}`,
          site: i % 7 === 0 ? `site-${i % 300}.xn--fiqs8s` : `site-${i % 300}.example`,
          pageSites: [`page-${i % 50}.example`],
          first: NOW - (i % 1000) * DAY,
          last: NOW - (i % 1000) * DAY + 1000,
          sent: i % 10 === 0 ? 0 : 1,
          cancelled: i % 10 === 0 ? 1 : 0,
        }),
      );
    }
    const byItem = groupByItem(pairs, { includeStopped: true });
    const bySite = groupBySite(pairs, { includeStopped: true });
    const searched = groupByItem(pairs, { text: '.中国' });
    expect(byItem).toHaveLength(500);
    expect(byItem.reduce((n, group) => n + group.sites.length, 0)).toBe(10_000);
    expect(bySite.reduce((n, group) => n + group.items.length, 0)).toBe(10_000);
    expect(searched.length).toBeGreaterThan(0);
    for (let i = 1; i < byItem.length; i++) expect(byItem[i - 1]!.last).toBeGreaterThanOrEqual(byItem[i]!.last);
  });
});
