import { describe, expect, it } from 'vitest';
import { messageSchema } from '@/lib/messages/verdict-messages';

const valid = {
  type: 'frame-verdict',
  url: 'https://loan.example/reg',
  title: '借款',
  isTop: true,
  loan: { isLoanPage: true, score: 11, reasons: [{ code: 'title_loan_words', detail: '借款', weight: 4 }] },
  fields: [{ selector: '#phone', kind: 'phone', confidence: 0.9, reasons: [] }],
};

describe('messageSchema', () => {
  it('accepts a well-formed frame verdict', () => {
    expect(messageSchema.safeParse(valid).success).toBe(true);
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
    expect(messageSchema.safeParse(message).success).toBe(false);
  });
  it('accepts the popup request for a tab verdict', () => {
    expect(messageSchema.safeParse({ type: 'get-tab-verdict', tabId: 3 }).success).toBe(true);
    expect(messageSchema.safeParse({ type: 'get-tab-verdict', tabId: 'x' }).success).toBe(false);
  });
});
