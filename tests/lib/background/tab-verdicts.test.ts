import { describe, expect, it } from 'vitest';
import { mergeFrameVerdict } from '@/lib/background/tab-verdicts';
import type { FrameVerdictMessage } from '@/lib/messages/verdict-messages';

const label = { site: 'example.com', display: 'example.com' };
const phoneField = { selector: '#phone', kind: 'phone' as const, confidence: 0.9, reasons: [] };
const idField = { selector: '#id', kind: 'national-id' as const, country: 'CN', confidence: 0.9, reasons: [] };
const loan = { isLoanPage: true, score: 12, reasons: [{ code: 'title_loan_words', detail: '借款', weight: 4 }] };

const top = (url: string, fields = [phoneField]): FrameVerdictMessage => ({ type: 'frame-verdict', url, title: 'T', isTop: true, loan, fields });
const sub = (url: string, fields = [idField]): FrameVerdictMessage => ({ type: 'frame-verdict', url, title: '', isTop: false, loan: null, fields });

describe('mergeFrameVerdict', () => {
  it('records the top frame verdict with its fields tagged by frame', () => {
    const v = mergeFrameVerdict(undefined, top('https://a.example.com/reg'), 7, label, 1);
    expect(v).toMatchObject({ tabId: 7, url: 'https://a.example.com/reg', site: 'example.com', loan });
    expect(v.fields).toEqual([{ ...phoneField, frameUrl: 'https://a.example.com/reg' }]);
  });

  it('keeps sub-frame fields when the top frame rescans the same page', () => {
    let v = mergeFrameVerdict(undefined, top('https://a.example.com/reg'), 7, label, 1);
    v = mergeFrameVerdict(v, sub('https://pay.example.net/card'), 7, label, 2);
    v = mergeFrameVerdict(v, top('https://a.example.com/reg#step2'), 7, label, 3);
    expect(v.fields.map((f) => f.selector).sort()).toEqual(['#id', '#phone']);
  });

  it('drops everything when the top frame navigated to another page', () => {
    let v = mergeFrameVerdict(undefined, top('https://a.example.com/reg'), 7, label, 1);
    v = mergeFrameVerdict(v, sub('https://pay.example.net/card'), 7, label, 2);
    v = mergeFrameVerdict(v, top('https://a.example.com/done', []), 7, label, 3);
    expect(v.fields).toEqual([]);
    expect(v.url).toBe('https://a.example.com/done');
  });

  it('replaces only the reporting sub-frame fields', () => {
    let v = mergeFrameVerdict(undefined, top('https://a.example.com/reg'), 7, label, 1);
    v = mergeFrameVerdict(v, sub('https://pay.example.net/card'), 7, label, 2);
    v = mergeFrameVerdict(v, sub('https://pay.example.net/card', []), 7, label, 3);
    expect(v.fields.map((f) => f.selector)).toEqual(['#phone']);
  });

  it('accepts a sub-frame report that arrives before the top frame', () => {
    const v = mergeFrameVerdict(undefined, sub('https://pay.example.net/card'), 7, label, 1);
    expect(v.loan).toBeNull();
    expect(v.fields).toHaveLength(1);
    const after = mergeFrameVerdict(v, top('https://a.example.com/reg'), 7, label, 2);
    // The top frame's first report starts the page; earlier sub-frame data had no page to belong to.
    expect(after.loan).toEqual(loan);
  });
});
