// lib/guard/frame/pending-share.ts: the audit-only safety copy holds what the log would hold and
// never the value (no fingerprint source, no query string, only the destination's origin); whole
// values are told from fragments by shape; the report ends when the background confirms, or once the
// copy is stored and a short wait has passed, and fails only if both fail.
import { describe, expect, it } from 'vitest';
import { looksWhole, pendingShareFor, PENDING_WAIT_MS, reportAudit } from '@/lib/guard/frame/pending-share';
import { pendingShareSchema } from '@/lib/guard/background/pending-shares';
import type { GuardHoldMessage } from '@/lib/messages/guard-messages';

const message: GuardHoldMessage = {
  type: 'guard-hold',
  holdId: 'hold_0000000000000001',
  route: 'form',
  destinationUrl: 'https://api.kuaidai.cn/register?idcard=11010519491231002X',
  pageTitle: '借款申请',
  isLoanPage: true,
  loanReasons: [],
  items: [
    { kind: 'national-id', masked: '1101**********002X', fingerprintValue: '11010519491231002X', fieldKey: 'a.f1' },
    { kind: 'phone', masked: '138****8000', fingerprintValue: '13800138000', fieldKey: 'a.f2', region: 'CN' },
    { kind: 'otp', masked: '**', fingerprintValue: '12', fieldKey: 'a.f3' },
  ],
  auditOnly: true,
};

describe('pendingShareFor', () => {
  const copy = pendingShareFor(message, 'https://www.kuaidai.cn/apply?phone=13800138000#id=11010519491231002X', 1_000);

  it('keeps kind, masked value, page and destination site — never the value', () => {
    const text = JSON.stringify(copy);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13800138000');
    expect(copy.pageUrl).toBe('https://www.kuaidai.cn/apply');
    expect(copy.destinationOrigin).toBe('https://api.kuaidai.cn');
    expect(copy.items.map((item) => [item.kind, item.masked, item.complete])).toEqual([
      ['national-id', '1101**********002X', true],
      ['phone', '138****8000', true],
      ['otp', '**', false],
    ]);
  });

  it('is what the background accepts', () => {
    expect(pendingShareSchema.safeParse(copy).success).toBe(true);
  });
});

describe('looksWhole', () => {
  it.each([
    ['phone', '13800138000', true],
    ['phone', '+8613800138000', true],
    ['phone', '13800', false],
    ['national-id', 'GOMA850101HDFRRN00', true],
    ['national-id', '110105', false],
    ['bank-card', '4111111111111111', true],
    ['bank-card', '4111111111111112', false],
    ['bank-card', '002010077777777771', true],
    ['otp', '482913', true],
    ['otp', '48', false],
  ])('%s %s → %s', (kind, value, whole) => {
    expect(looksWhole(kind, value)).toBe(whole);
  });
});

describe('reportAudit', () => {
  const never = (): Promise<void> => new Promise(() => undefined);
  const waits: number[] = [];
  const wait = async (ms: number): Promise<void> => void waits.push(ms);

  it('ends when the background confirms, without waiting on the copy', async () => {
    await expect(reportAudit(async () => undefined, never, never)).resolves.toBeUndefined();
  });

  it('ends once the copy is stored and the short wait has passed, when the background is silent', async () => {
    await expect(reportAudit(never, async () => undefined, wait)).resolves.toBeUndefined();
    expect(waits).toEqual([PENDING_WAIT_MS]);
  });

  it('does not end on the wait alone: a copy that could not be stored (full quota) leaves the report to decide', async () => {
    let settled = false;
    void reportAudit(never, () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), wait).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
  });

  it('fails when both fail (the controller still lets the request go after its bound)', async () => {
    await expect(reportAudit(() => Promise.reject(new Error('gone')), () => Promise.reject(new Error('full')), wait)).rejects.toThrow();
  });
});
