// Audit-only mode's safety copy: while the background confirms a record, the frame also keeps a
// pending copy in extension storage — written by the browser itself, so it outlives the page the
// moment the write returns, and its change event wakes a stopped worker. The background turns a copy
// it never got the report for into the log entry (lib/guard/background/pending-shares.ts) and removes
// it. It holds what the log would hold — kind, masked value, sites, title — never the value: the
// fingerprint is left out, and whether the value is whole is judged here from its shape alone.
import type { GuardHoldMessage, SharedItem } from '@/lib/messages/guard-messages';
import { pageUrlForLog } from '@/lib/log/page-url';
import { isCardNumber } from '@/lib/validate/checks/luhn';
import { isWholeCode } from '@/lib/validate/checks/otp';
import { sleep } from './reliable-report';

/** Storage key prefix of pending copies (one key per hold: many tabs write at once, no shared list). */
export const PENDING_SHARE_PREFIX = 'pendingShare:';
export const pendingShareKey = (holdId: string): string => `${PENDING_SHARE_PREFIX}${holdId}`;

export interface PendingShare {
  version: 1;
  /** When the frame let it go (the log entry's time). */
  at: number;
  /** The frame's address as the log keeps it (no query or fragment). */
  pageUrl: string;
  holdId: string;
  route: GuardHoldMessage['route'];
  /** Scheme and host only: a URL's path or query may carry the very value. */
  destinationOrigin: string;
  pageTitle: string;
  isLoanPage: boolean;
  items: (SharedItem & { complete: boolean })[];
}

/**
 * Whether `value` (canonical) looks like a whole value of `kind` — the background's full check needs
 * libraries too big for a page; this only keeps obvious fragments out, as that check would.
 */
export function looksWhole(kind: string, value: string): boolean {
  switch (kind) {
    case 'phone':
      return /^\+?\d{7,15}$/.test(value);
    case 'national-id':
      return /^[0-9A-Z]{8,20}$/.test(value);
    case 'bank-card':
      return isCardNumber(value) || /^\d{18}$/.test(value); // a card, or a CLABE
    case 'otp':
      return isWholeCode(value);
    default:
      return true; // an access (contacts, camera…): the access is the item
  }
}

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

/** The pending copy of an audit-only report, as the frame saw it at `at`. */
export function pendingShareFor(message: GuardHoldMessage, pageUrl: string, at: number): PendingShare {
  return {
    version: 1,
    at,
    pageUrl: pageUrlForLog(pageUrl).slice(0, 2048),
    holdId: message.holdId,
    route: message.route,
    destinationOrigin: originOf(message.destinationUrl),
    pageTitle: message.pageTitle,
    isLoanPage: message.isLoanPage,
    items: message.items.map(({ fingerprintValue, region: _region, ...item }) => ({ ...item, complete: looksWhole(item.kind, fingerprintValue) })),
  };
}

/** Once the copy is stored, how long the request still waits for the background's own record (which has the fingerprint). */
export const PENDING_WAIT_MS = 2_000;

/**
 * An audit-only report: resolves when the background confirmed its record, or when the pending copy
 * is stored and `PENDING_WAIT_MS` have passed — either way the share is durable. Rejects only if both fail.
 */
export function reportAudit(report: () => Promise<void>, keepCopy: () => Promise<void>, wait: (ms: number) => Promise<void> = sleep): Promise<void> {
  return Promise.any([report(), keepCopy().then(() => wait(PENDING_WAIT_MS))]);
}
