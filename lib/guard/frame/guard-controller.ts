// The isolated-world half of the guard: for each request the page is about to send (asked by the
// MAIN-world wrappers, or a form navigation), finds the watched values it carries and decides:
// allow (nothing watched, a trusted site, a kind not watched here, covered by the user's answer),
// or hold — asking the user, or in audit-only mode recording it first and sending it once the
// record is durable. One question per action: while a prompt for a destination is open every
// request to it joins that hold; after an answer, the same fields' keystroke and blur sends to
// that destination follow the answer quietly until the user acts again (submits, clicks, presses
// Enter), which is a new question.
import type { Decision, GuardHoldMessage, ReportedItem, ShareRoute, UserDecision } from '@/lib/messages/guard-messages';
import type { Settings } from '@/lib/settings/defaults';
import { hostIsTrusted, hostOf } from '@/lib/trust/trust-match';
import { isAccessKind, type AccessKind, type Reason } from '@/lib/types';
import { DigitStreams, findWatched, type WatchedValue } from './value-match';

/** "Send once" lets the same fields go to the same site for this long: one action's requests. */
export const SEND_ONCE_WINDOW_MS = 5_000;
/** A request this soon after the user's own submit, click or Enter is part of that action. */
export const ACTION_WINDOW_MS = 1_500;
/** Audit-only mode waits this long for the record to be durable before letting the request go anyway. */
export const AUDIT_WAIT_MS = 5_000;

/** A watched value anywhere in the tab, with the item it stands for. */
export interface WatchRecord {
  watched: WatchedValue;
  fieldKey: string;
  item: ReportedItem;
}

export interface Question {
  requestId: string;
  route: ShareRoute;
  url: string;
  /** What else the request carries (headers, body), as text. */
  text: string;
  /** 'U' unreadable part, 'O' over the read limit, 'S' can't wait. */
  flags: string;
}

export interface GuardEnvironment {
  /** Every watched value of the tab: this frame's and the other frames'. */
  records(): WatchRecord[];
  /** To the MAIN-world wrappers: send or drop a held request. */
  release(requestId: string, send: boolean): void;
  /** To the background: record (audit-only) or ask. Resolves when the background has it (durably). */
  report(message: GuardHoldMessage): Promise<void>;
  /** To the background: items that joined (or grew in) an open hold, or that followed an answer. */
  update(holdId: string, items: ReportedItem[], after: 'open' | 'answered'): void;
  newHoldId(): string;
  now(): number;
  settings(): Settings;
  trustedSites(): readonly string[];
  page(): { url: string; title: string; isLoanPage: boolean; loanReasons: Reason[] };
  /** When the user last submitted, clicked or pressed Enter (0 if never). */
  lastUserAction(): number;
}

interface OpenHold {
  holdId: string;
  host: string;
  items: Map<string, ReportedItem>;
  requestIds: string[];
  /** Work to redo if the user says send (a held form navigation). */
  replays: (() => void)[];
  audit: boolean;
  /** A page asking for contacts, camera, location or clipboard: its answer is not one for typed values. */
  access?: boolean;
}

interface Answer {
  holdId: string;
  decision: Decision;
  fields: Set<string>;
  /** For "send once": until when the same fields may go to the same site without a new question. */
  passUntil: number;
}

export type Verdict = { action: 'allow' } | { action: 'hold'; holdId: string };

/** `url` as an absolute URL; unchanged when already absolute or unresolvable. */
function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

export class GuardController {
  private readonly holds = new Map<string, OpenHold>();
  private readonly answers = new Map<string, Answer>(); // host → last answer
  private readonly streams = new DigitStreams();

  constructor(private readonly env: GuardEnvironment) {}

  /** The items among `records` the settings say to ask about on this page, one per field. */
  private itemsToAsk(records: readonly WatchRecord[]): Map<string, ReportedItem> {
    const { watch } = this.env.settings();
    const { isLoanPage } = this.env.page();
    const items = new Map<string, ReportedItem>();
    // The same value typed in two fields (or on an earlier page of the site) is one item; this frame's comes first.
    const values = new Set<string>();
    for (const record of records) {
      const kind = record.item.kind;
      // Access to contacts, camera… is asked about by holdAccess, never found in a request.
      if (isAccessKind(kind)) continue;
      const mode = watch[kind];
      if (mode === 'off' || (mode === 'loan-pages' && !isLoanPage)) continue;
      const value = `${record.watched.kind}:${record.watched.canonical}`;
      if (values.has(value)) continue;
      values.add(value);
      // A field's latest value stands for all of its values (they are one entry under one decision).
      if (!items.has(record.fieldKey)) items.set(record.fieldKey, record.item);
    }
    return items;
  }

  /** Which records a request to `host` carries. Unreadable or oversized bodies may carry any. */
  private matches(host: string, texts: string[], flags: string): WatchRecord[] {
    const records = this.env.records();
    if (records.length === 0) return [];
    if (flags.includes('U') || flags.includes('O')) return records;
    const watched = records.map((record) => record.watched);
    const found = new Set<WatchedValue>([...findWatched(texts, watched), ...this.streams.feed(host, texts, watched, this.env.now())]);
    return records.filter((record) => found.has(record.watched));
  }

  /** The decision for data about to leave for `url`; `onHold` learns the hold it joined. */
  decide(route: ShareRoute, url: string, texts: string[], flags: string): Verdict {
    const page = this.env.page();
    const destination = absoluteUrl(url, page.url);
    // No URL (data handed to a worker or an ICE server config): it leaves from this page's site.
    const host = hostOf(destination) || hostOf(page.url);
    if (host && hostIsTrusted(host, this.env.trustedSites())) return { action: 'allow' };
    const items = this.itemsToAsk(this.matches(host, texts, flags));
    if (items.size === 0) return { action: 'allow' };

    const now = this.env.now();
    const isAction = route === 'form' || now - this.env.lastUserAction() < ACTION_WINDOW_MS;
    const answer = this.answers.get(host);
    const covered = answer !== undefined && [...items.keys()].every((field) => answer.fields.has(field));
    if (answer && covered) {
      const follows =
        (answer.decision === 'sent-once' && now < answer.passUntil) || (!isAction && (answer.decision === 'sent-once' || answer.decision === 'cancelled'));
      if (follows) {
        // The same fields, grown or not, under the answer already given: recorded with it, not asked again.
        this.env.update(answer.holdId, [...items.values()], 'answered');
        return answer.decision === 'cancelled' ? { action: 'hold', holdId: this.dropNow() } : { action: 'allow' };
      }
    }

    const open = [...this.holds.values()].find((hold) => hold.host === host && !hold.audit);
    if (open) {
      const joined = [...items].filter(([field, item]) => open.items.get(field)?.masked !== item.masked);
      for (const [field, item] of joined) open.items.set(field, item);
      // Data joining an open prompt is added to it, visibly.
      if (joined.length > 0) this.env.update(open.holdId, joined.map(([, item]) => item), 'open');
      return { action: 'hold', holdId: open.holdId };
    }

    const holdId = this.env.newHoldId();
    const audit = this.env.settings().auditOnly;
    const hold: OpenHold = { holdId, host, items, requestIds: [], replays: [], audit };
    this.holds.set(holdId, hold);
    const report = this.env.report({
      type: 'guard-hold',
      holdId,
      route,
      destinationUrl: destination.slice(0, 4096),
      pageTitle: page.title.slice(0, 500),
      isLoanPage: page.isLoanPage,
      loanReasons: page.loanReasons.slice(0, 10),
      items: [...items.values()].slice(0, 20),
      auditOnly: audit,
      byAction: isAction,
    });
    // Recorded before it leaves: a slow worker start loses nothing.
    if (audit) this.finishAudit(holdId, report);
    return { action: 'hold', holdId };
  }

  /**
   * The page asked the browser for contacts, camera, location or the clipboard (`requestId` waits in
   * the MAIN world). On a loan page of a site not trusted it is held and the user asked, like data;
   * elsewhere it goes at once. Several asks while a prompt for the site is open join it.
   */
  holdAccess(requestId: string, kind: AccessKind): void {
    const page = this.env.page();
    const host = hostOf(page.url);
    if (!page.isLoanPage || (host && hostIsTrusted(host, this.env.trustedSites()))) return this.env.release(requestId, true);
    const fieldKey = `access.${kind}`;
    const item: ReportedItem = { kind, masked: '—', fingerprintValue: kind, fieldKey };
    const open = [...this.holds.values()].find((hold) => hold.host === host && !hold.audit);
    if (open) {
      if (!open.items.has(fieldKey)) {
        open.items.set(fieldKey, item);
        this.env.update(open.holdId, [item], 'open');
      }
      open.requestIds.push(requestId);
      return;
    }
    const holdId = this.env.newHoldId();
    const audit = this.env.settings().auditOnly;
    this.holds.set(holdId, { holdId, host, items: new Map([[fieldKey, item]]), requestIds: [requestId], replays: [], audit, access: true });
    const report = this.env.report({
      type: 'guard-hold',
      holdId,
      route: 'permission',
      destinationUrl: page.url.slice(0, 4096),
      pageTitle: page.title.slice(0, 500),
      isLoanPage: page.isLoanPage,
      loanReasons: page.loanReasons.slice(0, 10),
      items: [item],
      auditOnly: audit,
      byAction: this.env.now() - this.env.lastUserAction() < ACTION_WINDOW_MS,
    });
    if (audit) this.finishAudit(holdId, report);
  }

  /** Audit-only: the request goes once the background has the record, or after a bound (the report is still retried). */
  private finishAudit(holdId: string, report: Promise<void>): void {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      this.onDecided(holdId, 'sent-once', true);
    };
    void report.then(finish, finish);
    setTimeout(finish, AUDIT_WAIT_MS);
  }

  /** A request dropped at once (a "Don't send" that still applies): a hold id nobody will answer. */
  private dropNow(): string {
    const holdId = this.env.newHoldId();
    this.holds.set(holdId, { holdId, host: '', items: new Map(), requestIds: [], replays: [], audit: false });
    queueMicrotask(() => this.onDecided(holdId, 'cancelled', true));
    return holdId;
  }

  /** A question from the MAIN-world wrappers; `allow()` must be called before returning to let it go now. */
  onQuestion(question: Question, allow: () => void): void {
    let verdict: Verdict;
    try {
      verdict = this.decide(question.route, question.url, [question.url, question.text], question.flags);
    } catch {
      // Fail closed: an error here holds the request (the MAIN world treats "not allowed" as held).
      return;
    }
    if (verdict.action === 'allow') allow();
    else this.holds.get(verdict.holdId)?.requestIds.push(question.requestId);
  }

  /** Hold a form navigation (Navigation API `navigate` event); `replay` re-submits it if allowed. */
  holdNavigation(url: string, texts: string[], replay: () => void): boolean {
    const verdict = this.decide('form', url, texts, '');
    if (verdict.action !== 'hold') return false;
    this.holds.get(verdict.holdId)?.replays.push(replay);
    return true;
  }

  /**
   * The hold is over: the user answered (relayed by the background), or (`local`) audit-only
   * finished recording, or a standing "Don't send" dropped it.
   */
  onDecided(holdId: string, decision: UserDecision, local = false): void {
    const hold = this.holds.get(holdId);
    if (!hold) return;
    this.holds.delete(holdId);
    const send = decision !== 'cancelled';
    if (!local && hold.host && !hold.access) {
      this.answers.set(hold.host, {
        holdId,
        decision,
        fields: new Set(hold.items.keys()),
        passUntil: send ? this.env.now() + SEND_ONCE_WINDOW_MS : 0,
      });
    }
    for (const requestId of hold.requestIds) this.env.release(requestId, send);
    if (send) for (const replay of hold.replays) replay();
  }

  /** The user acted again (a new submit): answers to keystroke sends no longer stand in for a question. */
  isHeld(holdId: string): boolean {
    return this.holds.has(holdId);
  }

  /** Holds still waiting (their ids), e.g. to report them as abandoned when the page goes away. */
  openHoldIds(): string[] {
    return [...this.holds.values()].filter((hold) => hold.host !== '').map((hold) => hold.holdId);
  }
}
