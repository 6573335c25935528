// Test helper shared by the popup and log-view tests: a summary pair (one data item at one receiving
// site) with plain defaults — a phone sent once to kuaidai.example, first 10 and last 5 days before `now`.
import type { SummaryPair } from '@/lib/log/log-summary';

export const DAY = 86_400_000;

export function summaryPair(now: number, overrides: Partial<SummaryPair> = {}): SummaryPair {
  return {
    itemKey: 'phone-a',
    kind: 'phone',
    masked: '138****8000',
    site: 'kuaidai.example',
    pageSites: ['kuaidai.example'],
    first: now - 10 * DAY,
    last: now - 5 * DAY,
    sent: 1,
    cancelled: 0,
    lastDecision: 'sent-once',
    loanPage: true,
    ...overrides,
  };
}
