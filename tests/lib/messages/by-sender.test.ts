import { describe, expect, it } from 'vitest';
// The background's message schemas, by sender class: a frame verdict from content scripts, the
// tab-verdict reads from extension pages; malformed or misaddressed messages are refused.
import { contentMessageSchema, pageMessageSchema, promptMessageSchema } from '@/lib/messages/by-sender';

const valid = {
  type: 'frame-verdict',
  url: 'https://loan.example/reg',
  title: '借款',
  isTop: true,
  loan: { isLoanPage: true, score: 11, reasons: [{ code: 'title_loan_words', detail: '借款', weight: 4 }] },
  fields: [{ selector: '#phone', kind: 'phone', confidence: 0.9, reasons: [] }],
};

describe('contentMessageSchema', () => {
  it('accepts a well-formed frame verdict', () => {
    expect(contentMessageSchema.safeParse(valid).success).toBe(true);
  });
  it.each([
    ['an unknown message type', { ...valid, type: 'send-anyway' }],
    ['an unknown field kind', { ...valid, fields: [{ ...valid.fields[0], kind: 'password' }] }],
    ['a confidence above 1', { ...valid, fields: [{ ...valid.fields[0], confidence: 2 }] }],
    ['a lower-case country', { ...valid, fields: [{ ...valid.fields[0], country: 'cn' }] }],
    ['a reason code that is not a message key', { ...valid, loan: { ...valid.loan, reasons: [{ code: 'x y', detail: '', weight: 1 }] } }],
    ['too many fields', { ...valid, fields: Array.from({ length: 201 }, () => valid.fields[0]) }],
    ['a non-object', 'frame-verdict'],
  ])('rejects %s', (_, message) => {
    expect(contentMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('pageMessageSchema', () => {
  it('accepts the popup request for a tab verdict', () => {
    expect(pageMessageSchema.safeParse({ type: 'get-tab-verdict', tabId: 3 }).success).toBe(true);
    expect(pageMessageSchema.safeParse({ type: 'get-tab-verdict', tabId: 'x' }).success).toBe(false);
  });
  it('does not accept what only content scripts or the prompt send', () => {
    expect(pageMessageSchema.safeParse(valid).success).toBe(false);
    expect(pageMessageSchema.safeParse({ type: 'hold-decision', holdId: 'h'.repeat(20), decision: 'trusted' }).success).toBe(false);
  });
});

describe('promptMessageSchema', () => {
  it('accepts an answer and refuses a decision the prompt cannot give', () => {
    expect(promptMessageSchema.safeParse({ type: 'hold-decision', holdId: 'h'.repeat(20), decision: 'cancelled' }).success).toBe(true);
    expect(promptMessageSchema.safeParse({ type: 'hold-decision', holdId: 'h'.repeat(20), decision: 'audit-only' }).success).toBe(false);
    expect(promptMessageSchema.safeParse({ type: 'trusted-update', change: { op: 'add', site: 'x.com' } }).success).toBe(false);
  });
});
