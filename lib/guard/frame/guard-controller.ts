// The isolated-world half of the guard: for each request the page is about to send (asked by the
// MAIN-world wrappers, or a form navigation), finds the watched values it carries and decides:
// allow (nothing watched, a trusted site, a kind not watched here, covered by the user's answer),
// or hold — asking the user, or in audit-only mode recording it first and sending it once the
// record is durable. One question per action: while a prompt for a destination is open every
// request to it joins that hold; after an answer, the same fields' keystroke and blur sends to
// that destination follow the answer quietly until the user acts again (submits, clicks, presses
// Enter), which is a new question. Until the background has said whether this is a loan page, a
// request carrying a kind watched on loan pages only waits for that verdict (fail closed: it is
// asked about if the verdict never comes), so a phone number typed on a lender's page in its first
// moments does not slip out while the page is being scored.
import type { Decision, GuardHoldMessage, ReportedItem, ShareRoute, UserDecision } from '@/lib/messages/guard-messages';
import type { Settings } from '@/lib/settings/defaults';
import { hostIsTrusted, hostOf } from '@/lib/trust/trust-match';
import { isFieldKind, type AccessKind, type Reason } from '@/lib/types';
import { DigitStreams, findWatched, type WatchedValue } from './value-match';

/** "Send once" lets the same fields go to the same site for this long: one action's requests. */
export const SEND_ONCE_WINDOW_MS = 5_000;
/** A request this soon after the user's own submit, click or Enter is part of that action. */
export const ACTION_WINDOW_MS = 1_500;
/** Audit-only mode waits this long for the record to be durable before letting the request go anyway. */
export const AUDIT_WAIT_MS = 10_000;
/** A request that needs the page's loan verdict waits this long for it, then is asked about as on a loan page. */
export const VERDICT_WAIT_MS = 5_000;

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
  /** `known`: the background has given this page's loan verdict (until then `isLoanPage` is only a default). */
  page(): { url: string; title: string; isLoanPage: boolean; loanReasons: Reason[]; known: boolean };
  /** A request waits for the page's loan verdict: have the page scored now. */
  wantVerdict(): void;
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
  /** What was reported, to report again if the background lost it (kept in this frame's memory only). */
  report?: GuardHoldMessage;
  /** A page asking for contacts, camera, location or clipboard: its answer is not one for typed values. */
  access?: boolean;
}

/** A request held until the page's loan verdict decides whether it is asked about. */
interface AwaitingVerdict {
  route: ShareRoute;
  url: string;
  texts: string[];
  flags: string;
  /** When it was sent (whether it followed the user's action is judged at that moment). */
  at: number;
  requestIds: string[];
  replays: (() => void)[];
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
  private readonly awaitingVerdict = new Map<string, AwaitingVerdict>();
  private verdictTimer: ReturnType<typeof setTimeout> | undefined;
  private verdictOverdue = false;

  constructor(private readonly env: GuardEnvironment) {}

  /** The items among `records` the settings say to ask about on this page, one per field. */
  private itemsToAsk(records: readonly WatchRecord[]): Map<string, ReportedItem> {
    const { watch } = this.env.settings();
    const page = this.env.page();
    // An unknown page counts as a loan page here: `decide` then waits for the verdict.
    const isLoanPage = page.isLoanPage || !page.known;
    const items = new Map<string, ReportedItem>();
    // The same value typed in two fields (or on an earlier page of the site) is one item; this frame's comes first.
    const values = new Set<string>();
    for (const record of records) {
      const kind = record.item.kind;
      // Access to contacts, camera… is asked about by holdAccess, never found in a request.
      if (!isFieldKind(kind)) continue;
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

  /** The decision for data about to leave for `url` (sent at `at`). */
  decide(route: ShareRoute, url: string, texts: string[], flags: string, at = this.env.now()): Verdict {
    const page = this.env.page();
    const destination = absoluteUrl(url, page.url);
    // No URL (data handed to a worker or an ICE server config): it leaves from this page's site.
    const host = hostOf(destination) || hostOf(page.url);
    if (host && hostIsTrusted(host, this.env.trustedSites())) return { action: 'allow' };
    const items = this.itemsToAsk(this.matches(host, texts, flags));
    if (items.size === 0) return { action: 'allow' };

    const now = this.env.now();
    const isAction = route === 'form' || at - this.env.lastUserAction() < ACTION_WINDOW_MS;
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

    const { watch } = this.env.settings();
    const waits = !page.known && !this.verdictOverdue && [...items.values()].some((item) => isFieldKind(item.kind) && watch[item.kind] === 'loan-pages');
    if (waits && !this.openHold(host)) return { action: 'hold', holdId: this.awaitVerdict({ route, url, texts, flags, at, requestIds: [], replays: [] }) };
    return { action: 'hold', holdId: this.ask(route, host, destination, items, isAction) };
  }

  private openHold(host: string): OpenHold | undefined {
    return [...this.holds.values()].find((hold) => hold.host === host && !hold.audit);
  }

  /**
   * Ask the user about `items` leaving for `destination` (on `host`): they join the prompt open for
   * that site, visibly, or a new hold is reported (audit-only: recorded, then let go). Its id.
   */
  private ask(route: ShareRoute, host: string, destination: string, items: Map<string, ReportedItem>, byAction: boolean, access = false): string {
    const open = this.openHold(host);
    if (open) {
      const joined = [...items].filter(([field, item]) => open.items.get(field)?.masked !== item.masked);
      for (const [field, item] of joined) open.items.set(field, item);
      if (joined.length > 0) this.env.update(open.holdId, joined.map(([, item]) => item), 'open');
      return open.holdId;
    }
    const page = this.env.page();
    const holdId = this.env.newHoldId();
    const audit = this.env.settings().auditOnly;
    const message: GuardHoldMessage = {
      type: 'guard-hold',
      holdId,
      route,
      destinationUrl: destination.slice(0, 4096),
      pageTitle: page.title.slice(0, 500),
      isLoanPage: page.isLoanPage,
      loanReasons: page.loanReasons.slice(0, 10),
      items: [...items.values()].slice(0, 20),
      auditOnly: audit,
      byAction,
    };
    this.holds.set(holdId, { holdId, host, items, requestIds: [], replays: [], audit, access, report: message });
    const report = this.env.report(message);
    // Recorded before it leaves: a slow worker start loses nothing.
    if (audit) this.finishAudit(holdId, report);
    return holdId;
  }

  /**
   * The page asked the browser for contacts, camera, location or the clipboard (`requestId` waits in
   * the MAIN world). On a loan page of a site not trusted it is held and the user asked, like data;
   * elsewhere it goes at once. A page whose verdict never came counts as a loan page (fail closed).
   */
  holdAccess(requestId: string, kind: AccessKind): void {
    const page = this.env.page();
    const host = hostOf(page.url);
    if (!(page.isLoanPage || !page.known) || (host && hostIsTrusted(host, this.env.trustedSites()))) return this.env.release(requestId, true);
    const fieldKey = `access.${kind}`;
    const items = new Map([[fieldKey, { kind, masked: '—', fingerprintValue: kind, fieldKey }]]);
    const byAction = this.env.now() - this.env.lastUserAction() < ACTION_WINDOW_MS;
    this.heldUnder(this.ask('permission', host, page.url, items, byAction, true))?.requestIds.push(requestId);
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

  /** Holds a request until the page's verdict is known (or overdue); returns the id it waits under. */
  private awaitVerdict(waiting: AwaitingVerdict): string {
    const waitId = this.env.newHoldId();
    this.awaitingVerdict.set(waitId, waiting);
    if (this.verdictTimer === undefined) {
      this.verdictTimer = setTimeout(() => {
        this.verdictOverdue = true;
        this.pageKnown();
      }, VERDICT_WAIT_MS);
      this.env.wantVerdict();
    }
    return waitId;
  }

  /** The page's loan verdict arrived (or is overdue): decide the requests that waited for it, in order. */
  pageKnown(): void {
    clearTimeout(this.verdictTimer);
    this.verdictTimer = undefined;
    const waiting = [...this.awaitingVerdict.values()];
    this.awaitingVerdict.clear();
    for (const request of waiting) {
      let verdict: Verdict;
      try {
        verdict = this.decide(request.route, request.url, request.texts, request.flags, request.at);
      } catch {
        continue; // fail closed: stays held, as in onQuestion
      }
      if (verdict.action === 'allow') {
        for (const requestId of request.requestIds) this.env.release(requestId, true);
        for (const replay of request.replays) replay();
      } else {
        const hold = this.heldUnder(verdict.holdId);
        hold?.requestIds.push(...request.requestIds);
        hold?.replays.push(...request.replays);
      }
    }
  }

  /** What is held under `holdId`: a hold, or requests waiting for the page's verdict. */
  private heldUnder(holdId: string): { requestIds: string[]; replays: (() => void)[] } | undefined {
    return this.holds.get(holdId) ?? this.awaitingVerdict.get(holdId);
  }

  /** The frame's guard is stopping: no verdict timer outlives it. */
  stop(): void {
    clearTimeout(this.verdictTimer);
    this.verdictTimer = undefined;
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
    else this.heldUnder(verdict.holdId)?.requestIds.push(question.requestId);
  }

  /** Hold a form navigation (Navigation API `navigate` event); `replay` re-submits it if allowed. */
  holdNavigation(url: string, texts: string[], replay: () => void): boolean {
    const verdict = this.decide('form', url, texts, '');
    if (verdict.action !== 'hold') return false;
    this.heldUnder(verdict.holdId)?.replays.push(replay);
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
    // An audit-only record stands as an answer too: the form it let go re-submits under it, not as a new hold.
    // A page's ask for contacts, camera… is not an answer about typed values.
    if (hold.host && !hold.access && (!local || hold.audit)) {
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
    return this.heldUnder(holdId) !== undefined;
  }

  /** Holds still waiting (their ids), e.g. to report them as abandoned when the page goes away. */
  openHoldIds(): string[] {
    return [...this.holds.values()].filter((hold) => hold.host !== '').map((hold) => hold.holdId);
  }

  /** Holds waiting for the user's answer (audit-only ones end by themselves). */
  waitingHoldIds(): string[] {
    return [...this.holds.values()].filter((hold) => hold.host !== '' && !hold.audit).map((hold) => hold.holdId);
  }

  /** The background has no trace of this hold (its report was lost): report it again, so it is asked. */
  reportAgain(holdId: string): void {
    const hold = this.holds.get(holdId);
    if (hold?.report) void this.env.report(hold.report).catch(() => undefined);
  }
}
