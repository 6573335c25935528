// Shared vocabulary: what a field is, why we think so, what a page is, how data leaves and what the
// user decided. Dependency-free (code in pages uses it); the zod schemas in lib/messages/ and
// lib/log/ validate these shapes where they cross a trust boundary.

/** The kinds of personal data LoanGuard watches. */
export const FIELD_KINDS = ['national-id', 'phone', 'bank-card', 'otp'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
/**
 * What a lender's page can ask the browser for instead of a field: the address book (Contact Picker),
 * camera or microphone, location, the clipboard. Held and logged like the field kinds on an untrusted
 * loan site; never detected in fields.
 */
export const ACCESS_KINDS = ['contacts', 'camera', 'location', 'clipboard'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
/** Everything a held request or a log entry can be about. */
/** A picture of an ID document a lender's page asked for: logged as marked, sent as is or not attached (never the picture). */
export const ID_PHOTO = 'id-photo';
export const DATA_KINDS = [...FIELD_KINDS, ID_PHOTO, ...ACCESS_KINDS] as const;
export type DataKind = (typeof DATA_KINDS)[number];
export const isAccessKind = (kind: string): kind is AccessKind => (ACCESS_KINDS as readonly string[]).includes(kind);
/** A kind typed into a field (the settings say where each is watched); not an access or an ID photo. */
export const isFieldKind = (kind: string): kind is FieldKind => (FIELD_KINDS as readonly string[]).includes(kind);
/** Kinds shown by name alone: SMS codes (single-use, always fully masked) and access to contacts, camera… (no value). */
export const shownByNameOnly = (kind: DataKind): boolean => kind === 'otp' || isAccessKind(kind);

/**
 * How the data was about to leave the page: the page-script routes the in-page guard holds, then the
 * kinds of request only the browser-level backstop sees (an image, a script, a navigation…).
 */
export const SHARE_ROUTES = [
  'form',
  'permission',
  'fetch',
  'xhr',
  'beacon',
  'websocket',
  'fetch-later',
  'eventsource',
  'cookie',
  'window-open',
  'webrtc',
  'postmessage',
  'navigation',
  'frame',
  'image',
  'script',
  'stylesheet',
  'media',
  'other',
] as const;
export type ShareRoute = (typeof SHARE_ROUTES)[number];

/**
 * What became of it: the user's three answers; recorded without asking (audit-only mode); stopped by
 * the browser-level backstop before it left (`blocked`); seen leaving by a way LoanGuard could not
 * stop in this browser (`left-unasked`).
 */
export const DECISIONS = ['cancelled', 'sent-once', 'trusted', 'audit-only', 'blocked', 'left-unasked'] as const;
export type Decision = (typeof DECISIONS)[number];
/** What the user can answer in the prompt (audit-only is never a user answer). */
export const USER_DECISIONS = ['cancelled', 'sent-once', 'trusted'] as const;
export type UserDecision = (typeof USER_DECISIONS)[number];
/** Decisions after which the data actually left: the receiving site has it. */
export const SENT_DECISIONS: readonly Decision[] = ['sent-once', 'trusted', 'audit-only', 'left-unasked'];
/** Why a held request ended without an answer (shown with a "not sent" entry). */
export const END_REASONS = ['page-left', 'tab-closed', 'restarted'] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * Why a verdict was reached. `code` selects a message template (`reason_<code>` in
 * public/_locales/<lang>/messages.json, with `$1` = detail), so the popup can show it in the
 * user's language and the CLI in English. `weight` is the contribution to the score.
 */
export interface Reason {
  code: string;
  detail: string;
  weight: number;
}

export interface FieldVerdict {
  kind: FieldKind;
  /** ISO 3166-1 alpha-2 country when the context names a national ID scheme (e.g. "CURP" → MX). */
  country?: string;
  /** 0..1 */
  confidence: number;
  reasons: Reason[];
  /** For a value split over several boxes (OTP in 4–8 boxes, card in 4, phone in 2–3): how many. */
  parts?: number;
}

export interface LoanVerdict {
  isLoanPage: boolean;
  score: number;
  reasons: Reason[];
}

/** Result of checking one value (an ID number, phone number or bank card). */
export interface ValueCheck {
  valid: boolean;
  kind: 'national-id' | 'phone' | 'bank-card';
  /** ISO country (ID scheme's or phone's region); undefined when unknown. */
  country?: string;
  /** Which scheme matched, e.g. 'cn-ric', 'in-aadhaar', 'visa', 'mx-clabe'. */
  scheme?: string;
  normalized?: string;
  masked?: string;
  /** Why the value is invalid (English, developer-facing). */
  error?: string;
}
