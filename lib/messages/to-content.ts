// Background → content scripts. The background is the trusted side, so the frame only checks the
// shape it relies on (no schema library in page code); every field still is checked before use.
import { USER_DECISIONS, type Reason, type UserDecision } from '@/lib/types';

/** To every frame of the tab: the user answered. The holding frame sends or drops; the top frame removes the prompt. */
export interface HoldEndedMessage {
  type: 'hold-ended';
  holdId: string;
  decision: UserDecision;
}
/** To the tab's top frame, which hosts every prompt (a small iframe is no place for one). */
export interface ShowPromptMessage {
  type: 'show-prompt' | 'raise-prompt';
  holdId: string;
}
export type ToContentMessage = HoldEndedMessage | ShowPromptMessage;

/**
 * The background's reply to a frame verdict: the page-level loan verdict of the tab. `override`:
 * the site memory or the user's mark decided it, and it wins over the frame's own classification.
 */
export interface PageStatus {
  isLoanPage: boolean;
  loanReasons: Reason[];
  override?: 'site-memory' | 'user';
}

/** To every frame of a tab: the user changed what the site is (popup), here is the new page status. */
export interface PageStatusMessage extends PageStatus {
  type: 'page-status';
}

export const HOLD_ID = /^[A-Za-z0-9_-]{16,64}$/;

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null;

export function readToContent(raw: unknown): ToContentMessage | null {
  if (!isRecord(raw) || typeof raw.holdId !== 'string' || !HOLD_ID.test(raw.holdId)) return null;
  if (raw.type === 'show-prompt' || raw.type === 'raise-prompt') return { type: raw.type, holdId: raw.holdId };
  if (raw.type === 'hold-ended' && (USER_DECISIONS as readonly unknown[]).includes(raw.decision)) {
    return { type: 'hold-ended', holdId: raw.holdId, decision: raw.decision as UserDecision };
  }
  return null;
}

export function readPageStatus(raw: unknown): PageStatus | null {
  if (!isRecord(raw) || typeof raw.isLoanPage !== 'boolean' || !Array.isArray(raw.loanReasons)) return null;
  const loanReasons = raw.loanReasons.filter(
    (r): r is Reason => isRecord(r) && typeof r.code === 'string' && typeof r.detail === 'string' && typeof r.weight === 'number',
  );
  const override = raw.override === 'site-memory' || raw.override === 'user' ? raw.override : undefined;
  return { isLoanPage: raw.isLoanPage, loanReasons, ...(override ? { override } : {}) };
}

/** A `page-status` message from the background, or null. */
export const readPageStatusMessage = (raw: unknown): PageStatus | null =>
  isRecord(raw) && raw.type === 'page-status' ? readPageStatus(raw) : null;
