// Background → content messages as the frame reads them (no schema library in page code): only the
// three known messages with a well-formed hold id pass, and a decision must be one the user can give.
import { describe, expect, it } from 'vitest';
import { readPageStatus, readToContent } from '@/lib/messages/to-content';

const HOLD = 'hold_0123456789abcdef';

describe('readToContent', () => {
  it('reads the three messages the background sends', () => {
    expect(readToContent({ type: 'show-prompt', holdId: HOLD })).toEqual({ type: 'show-prompt', holdId: HOLD });
    expect(readToContent({ type: 'raise-prompt', holdId: HOLD, extra: 1 })).toEqual({ type: 'raise-prompt', holdId: HOLD });
    expect(readToContent({ type: 'hold-ended', holdId: HOLD, decision: 'sent-once' })).toEqual({ type: 'hold-ended', holdId: HOLD, decision: 'sent-once' });
  });
  it.each([
    ['an unknown type', { type: 'send-anyway', holdId: HOLD }],
    ['a short hold id', { type: 'show-prompt', holdId: 'h1' }],
    ['a hold id with markup', { type: 'show-prompt', holdId: '<img src=x onerror=alert(1)>' }],
    ['an audit-only decision', { type: 'hold-ended', holdId: HOLD, decision: 'audit-only' }],
    ['no decision', { type: 'hold-ended', holdId: HOLD }],
    ['a string', 'show-prompt'],
    ['null', null],
  ])('refuses %s', (_, raw) => {
    expect(readToContent(raw)).toBeNull();
  });
});

describe('readPageStatus', () => {
  it('keeps well-formed reasons and drops the rest', () => {
    expect(readPageStatus({ isLoanPage: true, loanReasons: [{ code: 'a', detail: 'b', weight: 1 }, { code: 1 }] })).toEqual({
      isLoanPage: true,
      loanReasons: [{ code: 'a', detail: 'b', weight: 1 }],
    });
    expect(readPageStatus({ isLoanPage: 'yes', loanReasons: [] })).toBeNull();
    expect(readPageStatus(undefined)).toBeNull();
  });
});
