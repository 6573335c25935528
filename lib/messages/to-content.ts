// Background → content scripts. The background is the trusted side, so the frame only checks the
// shape it relies on (no schema library in page code); every field still is checked before use.
import type { WatchRecord } from '@/lib/guard/frame/guard-controller';
import { FIELD_KINDS, USER_DECISIONS, type FieldKind, type Reason, type UserDecision } from '@/lib/types';

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
  /** The receiving site as the prompt names it (for the feedback after the answer). */
  display?: string;
  /** The request came right after the user's own submit or click: the prompt may take the keyboard at once. */
  byAction?: boolean;
}
/** To every frame of the tab: the values watched in its other frames (a value typed in one frame may be sent by another). */
export interface TabWatchMessage {
  type: 'tab-watch';
  records: unknown[];
}
/** To the top frame: the prompt's content needs this much room (from the prompt page, through the background). */
export interface PromptSizeMessage {
  type: 'prompt-size';
  width: number;
  height: number;
}
/** To the top frame: LoanGuard stopped (or saw) data leaving by a way the page's code didn't go through. */
export interface BackstopNoticeMessage {
  type: 'backstop-notice';
  site: string;
  blocked: boolean;
}
export type ToContentMessage = HoldEndedMessage | ShowPromptMessage | TabWatchMessage | PromptSizeMessage | BackstopNoticeMessage;

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
  if (!isRecord(raw)) return null;
  if (raw.type === 'tab-watch' && Array.isArray(raw.records)) return { type: 'tab-watch', records: raw.records };
  if (raw.type === 'prompt-size' && typeof raw.width === 'number' && typeof raw.height === 'number') {
    return { type: 'prompt-size', width: raw.width, height: raw.height };
  }
  if (raw.type === 'backstop-notice' && typeof raw.site === 'string' && typeof raw.blocked === 'boolean') {
    return { type: 'backstop-notice', site: raw.site.slice(0, 300), blocked: raw.blocked };
  }
  if (typeof raw.holdId !== 'string' || !HOLD_ID.test(raw.holdId)) return null;
  if (raw.type === 'show-prompt' || raw.type === 'raise-prompt') {
    return {
      type: raw.type,
      holdId: raw.holdId,
      ...(typeof raw.display === 'string' ? { display: raw.display.slice(0, 300) } : {}),
      ...(raw.byAction === true ? { byAction: true } : {}),
    };
  }
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

/** The other frames' watched values as the background relays them; malformed entries are skipped. */
export function readWatchRecords(raw: readonly unknown[]): WatchRecord[] {
  const out: WatchRecord[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || !isRecord(entry.watched) || !isRecord(entry.item)) continue;
    const { watched, item, fieldKey } = entry;
    const kind = watched.kind as FieldKind;
    if (!(FIELD_KINDS as readonly unknown[]).includes(kind) || item.kind !== kind) continue;
    if (typeof watched.id !== 'string' || typeof watched.canonical !== 'string' || !/^[0-9A-Z]{4,64}$/.test(watched.canonical)) continue;
    if (typeof fieldKey !== 'string' || typeof item.masked !== 'string' || typeof item.fingerprintValue !== 'string') continue;
    out.push({
      watched: { id: watched.id, kind, canonical: watched.canonical },
      fieldKey,
      item: {
        kind,
        masked: item.masked,
        fingerprintValue: item.fingerprintValue,
        fieldKey,
        ...(typeof item.country === 'string' ? { country: item.country } : {}),
        ...(typeof item.region === 'string' ? { region: item.region } : {}),
      },
    });
  }
  return out;
}

/** A `page-status` message from the background, or null. */
export const readPageStatusMessage = (raw: unknown): PageStatus | null =>
  isRecord(raw) && raw.type === 'page-status' ? readPageStatus(raw) : null;
