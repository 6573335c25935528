// The site memory's rules (pure): a loan page makes its site remembered, with the page (no query
// string) and the time; another page of the site inherits the loan verdict with a reason saying so;
// the user's mark wins both ways and can be undone; the memory is kept per site and bounded.
import { describe, expect, it } from 'vitest';
import {
  applySiteMemoryOp,
  EMPTY_SITE_MEMORY,
  entryOf,
  recordLoanPage,
  SITE_MEMORY_MAX,
  withSiteMemory,
  type SiteMemory,
} from '@/lib/detect/site-memory';
import type { LoanVerdict } from '@/lib/types';

const DAY = Date.UTC(2026, 10, 29, 8, 30);
const notLoan: LoanVerdict = { isLoanPage: false, score: -1.2, reasons: [{ code: 'sensitive_fields', detail: 'phone', weight: 0.2 }] };
const loan: LoanVerdict = { isLoanPage: true, score: 4, reasons: [{ code: 'title_loan_words', detail: '"借款"', weight: 1.1 }] };

describe('remembering a lender', () => {
  it('remembers the site of a loan page with the page (origin and path only) and the time', () => {
    const memory = recordLoanPage(EMPTY_SITE_MEMORY, 'shandianjie.test', 'https://www.shandianjie.test/register?phone=13800138000#x', DAY);
    expect(entryOf(memory, 'shandianjie.test')).toEqual({ site: 'shandianjie.test', detected: { page: 'https://www.shandianjie.test/register', at: DAY } });
  });

  it('keeps the first page that showed it: a second loan page changes nothing (same object: no write)', () => {
    const once = recordLoanPage(EMPTY_SITE_MEMORY, 'a.test', 'https://a.test/reg', DAY);
    expect(recordLoanPage(once, 'a.test', 'https://m.a.test/apply', DAY + 1000)).toBe(once);
  });

  it("gives another page of the site the loan verdict, saying which page showed a sign-up and when, and keeps the page's own reasons", () => {
    const memory = recordLoanPage(EMPTY_SITE_MEMORY, 'a.test', 'https://a.test/reg', DAY);
    const { verdict, override } = withSiteMemory(notLoan, entryOf(memory, 'a.test'));
    expect(verdict?.isLoanPage).toBe(true);
    expect(verdict?.reasons[0]).toEqual({ code: 'site_memory', detail: 'https://a.test/reg (2026-11-29)', weight: 0 });
    expect(verdict?.reasons.slice(1)).toEqual(notLoan.reasons);
    expect(verdict?.score).toBe(notLoan.score);
    expect(override).toBe('site-memory');
    // A page that is a loan page on its own keeps its answer; the memory only adds its reason.
    expect(withSiteMemory(loan, entryOf(memory, 'a.test')).override).toBeNull();
  });

  it('is kept per registrable domain: another site inherits nothing', () => {
    const memory = recordLoanPage(EMPTY_SITE_MEMORY, 'a.test', 'https://a.test/reg', DAY);
    expect(entryOf(memory, 'b.test')).toBeUndefined();
    expect(withSiteMemory(notLoan, entryOf(memory, 'b.test'))).toEqual({ verdict: notLoan, override: null });
  });
});

describe("the user's word", () => {
  const remembered = recordLoanPage(EMPTY_SITE_MEMORY, 'a.test', 'https://a.test/reg', DAY);

  it('"not a loan site" wins over a remembered detection and over the page\'s own verdict', () => {
    const memory = applySiteMemoryOp(remembered, { op: 'mark', site: 'a.test', loan: false }, DAY + 1);
    for (const page of [loan, notLoan]) {
      const { verdict, override } = withSiteMemory(page, entryOf(memory, 'a.test'));
      expect(verdict?.isLoanPage).toBe(false);
      expect(verdict?.reasons[0]?.code).toBe('user_marked_not_loan');
      expect(override).toBe('user');
    }
    // The detection is kept: taking the mark back makes the site a remembered lender again.
    expect(entryOf(memory, 'a.test')?.detected).toEqual(entryOf(remembered, 'a.test')?.detected);
  });

  it('"a loan site" makes every page of a never-detected site a loan page', () => {
    const memory = applySiteMemoryOp(EMPTY_SITE_MEMORY, { op: 'mark', site: 'b.test', loan: true }, DAY);
    const { verdict, override } = withSiteMemory(null, entryOf(memory, 'b.test'));
    expect(verdict).toMatchObject({ isLoanPage: true, reasons: [{ code: 'user_marked_loan', detail: '2026-11-29' }] });
    expect(override).toBe('user');
  });

  it('can be undone: unmark keeps the detection, restore puts an entry back as it was, forget removes the site', () => {
    const marked = applySiteMemoryOp(remembered, { op: 'mark', site: 'a.test', loan: false }, DAY + 1);
    expect(entryOf(applySiteMemoryOp(marked, { op: 'unmark', site: 'a.test' }, DAY + 2), 'a.test')).toEqual(entryOf(remembered, 'a.test'));
    const before = entryOf(remembered, 'a.test')!;
    expect(entryOf(applySiteMemoryOp(marked, { op: 'restore', entry: before }, DAY + 2), 'a.test')).toEqual(before);
    expect(applySiteMemoryOp(marked, { op: 'forget', site: 'a.test' }, DAY + 2).sites).toEqual([]);
    // Unmarking a site that only had the user's mark forgets it.
    const onlyMark = applySiteMemoryOp(EMPTY_SITE_MEMORY, { op: 'mark', site: 'b.test', loan: true }, DAY);
    expect(applySiteMemoryOp(onlyMark, { op: 'unmark', site: 'b.test' }, DAY).sites).toEqual([]);
  });
});

describe('bounds', () => {
  it('past the cap the oldest detections go, never a user mark', () => {
    let memory: SiteMemory = applySiteMemoryOp(EMPTY_SITE_MEMORY, { op: 'mark', site: 'mine.test', loan: false }, 0);
    for (let i = 0; i < SITE_MEMORY_MAX + 5; i++) memory = recordLoanPage(memory, `s${i}.test`, `https://s${i}.test/`, 1000 + i);
    expect(memory.sites).toHaveLength(SITE_MEMORY_MAX);
    expect(entryOf(memory, 'mine.test')?.user?.loan).toBe(false);
    expect(entryOf(memory, 's0.test')).toBeUndefined();
    expect(entryOf(memory, `s${SITE_MEMORY_MAX + 4}.test`)).toBeDefined();
  });
});
