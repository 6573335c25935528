// The isolated-world half of the guard: decides, for each outgoing request that carries watched
// values, whether it may go (trusted site, a "send once" just given, a kind not watched here), is
// only recorded (audit-only mode) or is held while the user is asked. One prompt per receiving
// site at a time: every request to that site while it is open joins the same hold.
import type { GuardAnswer, GuardQuestion } from '../page/request-wrappers';
import type { Decision, GuardHoldMessage, ReportedItem, ShareRoute } from '@/lib/messages/guard-messages';
import type { Settings } from '@/lib/settings/settings';
import type { Reason } from '@/lib/types';
import { hostIsTrusted, hostOf } from '@/lib/trust/trust-match';
import type { TrackedValues } from './tracked-values';

/** How long "Send once" lets the same data go to the same site: one action's worth of requests. */
export const SEND_ONCE_WINDOW_MS = 10_000;

/** `url` as an absolute URL (the background names the destination site from it); unchanged when already absolute or unresolvable. */
function absoluteUrl(url: string, base: string): string {
  try {
    new URL(url);
    return url;
  } catch {
    try {
      return new URL(url, base).href;
    } catch {
      return url;
    }
  }
}

export interface GuardEnvironment {
  /** To the MAIN-world wrappers. */
  answer(message: GuardAnswer): void;
  /** To the background: record (audit-only) or ask (the background has the top frame show the prompt). */
  report(message: GuardHoldMessage): void;
  newHoldId(): string;
  now(): number;
  settings(): Settings;
  trustedSites(): readonly string[];
  page(): { url: string; title: string; isLoanPage: boolean; loanReasons: Reason[] };
}

interface OpenHold {
  holdId: string;
  host: string;
  requestIds: string[];
  /** Work to redo if the user says send (a held form navigation). */
  replays: (() => void)[];
}

export class GuardController {
  private readonly holds = new Map<string, OpenHold>();
  private readonly passes = new Map<string, number>(); // host → allowed until

  constructor(
    private readonly env: GuardEnvironment,
    private readonly tracked: TrackedValues,
  ) {}

  /** The watched values changed: tell the MAIN world what to look for. */
  publishWatched(): void {
    this.env.answer({ type: 'watch', values: this.tracked.watched() });
  }

  /** Items among `ids` that the settings say to ask about on this page. */
  private itemsToAsk(ids: readonly string[]): ReportedItem[] {
    const { watch } = this.env.settings();
    const { isLoanPage } = this.env.page();
    const seen = new Set<string>();
    const items: ReportedItem[] = [];
    for (const id of ids) {
      const tracked = this.tracked.get(id);
      if (!tracked) continue;
      const mode = watch[tracked.item.kind];
      if (mode === 'off' || (mode === 'loan-pages' && !isLoanPage)) continue;
      const key = `${tracked.item.kind}:${tracked.item.masked}`;
      if (!seen.has(key)) items.push(tracked.item);
      seen.add(key);
    }
    return items;
  }

  /**
   * The decision for data about to leave for `url`. 'allow' and 'record' let it go now; 'hold'
   * means a prompt is (or already was) open for that site and `holdId` names it.
   */
  decide(route: ShareRoute, url: string, ids: readonly string[]): { action: 'allow' } | { action: 'hold'; holdId: string } {
    const host = hostOf(url, this.env.page().url);
    if (host && hostIsTrusted(host, this.env.trustedSites())) return { action: 'allow' };
    const items = this.itemsToAsk(ids);
    if (items.length === 0) return { action: 'allow' };
    if ((this.passes.get(host) ?? 0) > this.env.now()) return { action: 'allow' };
    const page = this.env.page();
    const base = {
      type: 'guard-hold' as const,
      route,
      destinationUrl: absoluteUrl(url, page.url).slice(0, 4096),
      pageTitle: page.title.slice(0, 500),
      isLoanPage: page.isLoanPage,
      loanReasons: page.loanReasons.slice(0, 10),
      items: items.slice(0, 20),
    };
    if (this.env.settings().auditOnly) {
      this.env.report({ ...base, holdId: this.env.newHoldId(), auditOnly: true });
      return { action: 'allow' };
    }
    const open = [...this.holds.values()].find((hold) => hold.host === host);
    if (open) return { action: 'hold', holdId: open.holdId };
    const holdId = this.env.newHoldId();
    this.holds.set(holdId, { holdId, host, requestIds: [], replays: [] });
    this.env.report({ ...base, holdId, auditOnly: false });
    return { action: 'hold', holdId };
  }

  /** A question from the MAIN-world wrappers; answered synchronously. */
  onQuestion(question: GuardQuestion): void {
    if (question.type !== 'check') return;
    const verdict = this.decide(question.route, question.url, question.matches);
    if (verdict.action === 'hold') this.holds.get(verdict.holdId)?.requestIds.push(question.requestId);
    this.env.answer({ type: 'verdict', requestId: question.requestId, action: verdict.action });
  }

  /** Hold a form navigation (Navigation API `navigate` event); `replay` re-submits it if allowed. */
  holdNavigation(url: string, ids: readonly string[], replay: () => void): boolean {
    const verdict = this.decide('form', url, ids);
    if (verdict.action !== 'hold') return false;
    this.holds.get(verdict.holdId)?.replays.push(replay);
    return true;
  }

  /** The user answered in the prompt (relayed by the background). */
  onDecided(holdId: string, decision: Exclude<Decision, 'audit-only'>): void {
    const hold = this.holds.get(holdId);
    if (!hold) return;
    this.holds.delete(holdId);
    const send = decision !== 'cancelled';
    if (send) this.passes.set(hold.host, this.env.now() + SEND_ONCE_WINDOW_MS);
    this.env.answer({ type: 'release', requestIds: hold.requestIds, send });
    if (send) for (const replay of hold.replays) replay();
  }

  isHeld(holdId: string): boolean {
    return this.holds.has(holdId);
  }
}
