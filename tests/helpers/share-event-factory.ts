// Test helper shared by the report and log-manager tests: a ShareEvent with plain defaults — a phone
// typed on shop.example's sign-up page and sent once by form to loans-a.example at `at` — and a
// fresh id each call.
import type { ShareEvent } from '@/lib/log/share-event';

let seq = 0;

export function shareEventAt(at: number, overrides: Partial<ShareEvent> = {}): ShareEvent {
  return {
    version: 2,
    id: `hold_${String(seq++).padStart(16, '0')}-0`,
    at,
    decision: 'sent-once',
    route: 'form',
    pageUrl: 'https://shop.example/signup',
    pageTitle: 'Sign up',
    pageSite: 'shop.example',
    destinationSites: ['loans-a.example'],
    isLoanPage: false,
    kind: 'phone',
    masked: '138****8000',
    fingerprint: 'a'.repeat(64),
    ...overrides,
  };
}
