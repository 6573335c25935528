// Unit tests for lib/guard/frame/guard-controller.ts: allow / hold / audit decisions, one hold per host, release and "send once" passes.
import { beforeEach, describe, expect, it } from 'vitest';
import { GuardController, SEND_ONCE_WINDOW_MS, type GuardEnvironment } from '@/lib/guard/frame/guard-controller';
import { TrackedValues } from '@/lib/guard/frame/tracked-values';
import { DEFAULT_SETTINGS, type Settings, type WatchMode } from '@/lib/settings/settings';
import { guardHoldSchema, type GuardHoldMessage, type ShareRoute } from '@/lib/messages/guard-messages';
import type { GuardAnswer } from '@/lib/guard/page/request-wrappers';
import { holdFromMessage } from '@/lib/guard/background/hold-store';
import type { FieldKind, Reason } from '@/lib/types';

const ALL_SITES: Record<FieldKind, WatchMode> = { 'national-id': 'all-sites', 'bank-card': 'all-sites', phone: 'all-sites', otp: 'all-sites' };

interface Harness {
  controller: GuardController;
  tracked: TrackedValues;
  answers: GuardAnswer[];
  reports: GuardHoldMessage[];
  clock: { now: number };
  settings: Settings;
  trusted: string[];
  page: { url: string; title: string; isLoanPage: boolean; loanReasons: Reason[] };
  /** Types into a field (labelled by `label`, or unlabelled when '') and returns its watched id. */
  typeInto(label: string, value: string): string;
  /** A MAIN-world question for `ids` about `url`; returns the verdict given for it. */
  check(url: string, ids: readonly string[], route?: ShareRoute): 'allow' | 'hold' | 'drop' | undefined;
  releases(): Extract<GuardAnswer, { type: 'release' }>[];
}

function harness(): Harness {
  document.body.innerHTML = '';
  const tracked = new TrackedValues();
  const answers: GuardAnswer[] = [];
  const reports: GuardHoldMessage[] = [];
  const clock = { now: 1_700_000_000_000 };
  let holds = 0;
  let requests = 0;
  let fields = 0;
  const h = {
    tracked,
    answers,
    reports,
    clock,
    settings: { ...DEFAULT_SETTINGS, watch: { ...ALL_SITES } } as Settings,
    trusted: [] as string[],
    page: { url: 'https://shop.example/apply', title: 'Apply', isLoanPage: false, loanReasons: [] as Reason[] },
  };
  const env: GuardEnvironment = {
    answer: (message) => answers.push(message),
    report: (message) => reports.push(message),
    newHoldId: () => `hold_${String(++holds).padStart(16, '0')}`,
    now: () => clock.now,
    settings: () => h.settings,
    trustedSites: () => h.trusted,
    page: () => h.page,
  };
  const controller = new GuardController(env, tracked);
  return Object.assign(h, {
    controller,
    typeInto(label: string, value: string): string {
      const id = `field${++fields}`;
      document.body.insertAdjacentHTML('beforeend', label ? `<label for="${id}">${label}</label><input id="${id}">` : `<input id="${id}">`);
      const input = document.getElementById(id) as HTMLInputElement;
      input.value = value;
      tracked.update(input);
      const watched = tracked.watched().at(-1);
      if (!watched) throw new Error(`not watched: ${value}`);
      return watched.id;
    },
    check(url: string, ids: readonly string[], route: ShareRoute = 'fetch') {
      const requestId = `req${++requests}`;
      controller.onQuestion({ type: 'check', requestId, route, url, matches: [...ids] });
      const verdict = answers.findLast((answer) => answer.type === 'verdict' && answer.requestId === requestId);
      return verdict?.type === 'verdict' ? verdict.action : undefined;
    },
    releases: () => answers.filter((answer): answer is Extract<GuardAnswer, { type: 'release' }> => answer.type === 'release'),
  });
}

const PHONE = '手机号码';
const ID = '身份证号';
const CARD = '银行卡号';
const OTP = '验证码';

describe('GuardController', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  describe('trusted sites', () => {
    it('lets data go to a trusted host and its subdomains without asking', () => {
      h.trusted = ['lender.example'];
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://lender.example/apply', [id])).toBe('allow');
      expect(h.check('https://api.m.lender.example/v1/kyc', [id])).toBe('allow');
      expect(h.reports).toEqual([]);
    });

    it('holds data going to a look-alike host that only starts with the trusted name', () => {
      h.trusted = ['example.com'];
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://example.com.evil.io/collect', [id])).toBe('hold');
      expect(h.reports).toHaveLength(1);
      expect(h.reports[0]?.destinationUrl).toBe('https://example.com.evil.io/collect');
    });

    it('resolves a relative URL against the page URL before matching', () => {
      h.trusted = ['shop.example'];
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('/api/apply', [id])).toBe('allow');
      h.trusted = [];
      expect(h.check('/api/apply', [id])).toBe('hold');
      // The relative and the absolute spelling name the same host: one hold.
      expect(h.check('https://shop.example/api/other', [id])).toBe('hold');
      expect(h.reports).toHaveLength(1);
    });

    it('reports the destination of a relative URL as an absolute URL, so the background can name (and trust) it', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('api/apply?x=1', [id]);
      const report = h.reports[0]!;
      expect(report.destinationUrl).toBe('https://shop.example/api/apply?x=1');
      expect(holdFromMessage(report, [], 1, 0, h.page.url, 0).destination.site).toBe('shop.example');
    });

    it('reports an absolute destination exactly as given', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('HTTPS://Lender.Example:443/a b', [id]);
      expect(h.reports[0]?.destinationUrl).toBe('HTTPS://Lender.Example:443/a b');
    });
  });

  describe('watch modes', () => {
    it('all-sites: asks on any page', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://lender.example/', [id])).toBe('hold');
    });

    it('loan-pages: asks only when the page is a detected loan page', () => {
      h.settings = { ...h.settings, watch: { ...ALL_SITES, phone: 'loan-pages' } };
      const id = h.typeInto(PHONE, '13800138000');
      h.page.isLoanPage = false;
      expect(h.check('https://lender.example/', [id])).toBe('allow');
      expect(h.reports).toEqual([]);
      h.page.isLoanPage = true;
      expect(h.check('https://lender.example/', [id])).toBe('hold');
      expect(h.reports).toHaveLength(1);
    });

    it('off: never asks about that kind, even on a loan page', () => {
      h.settings = { ...h.settings, watch: { ...ALL_SITES, 'bank-card': 'off' } };
      h.page.isLoanPage = true;
      const id = h.typeInto(CARD, '6212345678901232');
      expect(h.check('https://lender.example/', [id])).toBe('allow');
      expect(h.reports).toEqual([]);
    });

    it('asks only about the kinds watched here when a request carries several', () => {
      h.settings = { ...h.settings, watch: { ...ALL_SITES, phone: 'loan-pages', otp: 'off' } };
      const phone = h.typeInto(PHONE, '13800138000');
      const otp = h.typeInto(OTP, '482913');
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://lender.example/', [phone, otp, id])).toBe('hold');
      expect(h.reports[0]?.items).toEqual([{ kind: 'national-id', masked: '1101**********002X', country: 'CN', fingerprintValue: '11010519491231002X' }]);
    });

    it('follows the default settings: ID numbers everywhere, phones only on loan pages', () => {
      h.settings = DEFAULT_SETTINGS;
      const phone = h.typeInto(PHONE, '13800138000');
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://a.example/', [phone])).toBe('allow');
      expect(h.check('https://b.example/', [id])).toBe('hold');
    });
  });

  it('lets through ids it does not know (a value the user has since cleared)', () => {
    expect(h.check('https://lender.example/', ['f999'])).toBe('allow');
    expect(h.reports).toEqual([]);
  });

  it('ignores questions other than check', () => {
    h.controller.onQuestion({ type: 'hello' });
    expect(h.answers).toEqual([]);
  });

  it('publishes the watched values to the MAIN world', () => {
    h.typeInto(PHONE, '13800138000');
    h.controller.publishWatched();
    expect(h.answers).toEqual([{ type: 'watch', values: h.tracked.watched() }]);
  });

  describe('the report', () => {
    it('is a valid guard-hold message with masked items only', () => {
      h.page = { url: 'https://shop.example/apply?phone=13800138000', title: 'x'.repeat(600), isLoanPage: true, loanReasons: [{ code: 'loan_word', detail: '借款', weight: 1 }] };
      const phone = h.typeInto(PHONE, '13800138000');
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://lender.example/kyc', [phone, id], 'xhr');
      const report = h.reports[0]!;
      expect(guardHoldSchema.safeParse(report).success).toBe(true);
      expect(report).toMatchObject({
        type: 'guard-hold',
        route: 'xhr',
        destinationUrl: 'https://lender.example/kyc',
        isLoanPage: true,
        loanReasons: [{ code: 'loan_word', detail: '借款', weight: 1 }],
        auditOnly: false,
      });
      expect(report.pageTitle).toHaveLength(500);
      // The value travels only as fingerprintValue (turned into a fingerprint by the background).
      const text = JSON.stringify(report.items.map(({ fingerprintValue: _value, ...item }) => item));
      expect(text).not.toContain('13800138000');
      expect(text).not.toContain('11010519491231002X');
    });

    it('lists each (kind, masked) item once even when several fields hold it', () => {
      const a = h.typeInto(PHONE, '13800138000');
      const b = h.typeInto(PHONE, '138 0013 8000');
      const c = h.typeInto(PHONE, '13900139000');
      h.check('https://lender.example/', [a, b, c]);
      expect(h.reports[0]?.items).toEqual([
        { kind: 'phone', masked: '138****8000', fingerprintValue: '13800138000' },
        { kind: 'phone', masked: '139****9000', fingerprintValue: '13900139000' },
      ]);
    });

    it('carries at most 20 items', () => {
      const ids = Array.from({ length: 25 }, (_, i) => h.typeInto(PHONE, `1380013${String(8000 + i)}`));
      h.check('https://lender.example/', ids);
      expect(h.reports[0]?.items).toHaveLength(20);
      expect(guardHoldSchema.safeParse(h.reports[0]).success).toBe(true);
    });
  });

  describe('audit-only', () => {
    it('records every request with auditOnly: true and lets it go', () => {
      h.settings = { ...h.settings, auditOnly: true };
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://lender.example/a', [id])).toBe('allow');
      expect(h.check('https://lender.example/b', [id])).toBe('allow');
      expect(h.reports.map((report) => report.auditOnly)).toEqual([true, true]);
      expect(new Set(h.reports.map((report) => report.holdId)).size).toBe(2);
      expect(h.reports.every((report) => guardHoldSchema.safeParse(report).success)).toBe(true);
      // Nothing is held, so no answer can release anything.
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      expect(h.releases()).toEqual([]);
      expect(h.controller.isHeld(h.reports[0]!.holdId)).toBe(false);
    });

    it('does not record trusted destinations', () => {
      h.settings = { ...h.settings, auditOnly: true };
      h.trusted = ['lender.example'];
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://lender.example/a', [id])).toBe('allow');
      expect(h.reports).toEqual([]);
    });
  });

  describe('one hold per destination host', () => {
    it('joins every request to the same host into one hold and releases them together', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      expect(h.check('https://lender.example/a', [id])).toBe('hold');
      expect(h.check('https://lender.example/b', [id], 'beacon')).toBe('hold');
      expect(h.reports).toHaveLength(1);
      const { holdId } = h.reports[0]!;
      expect(h.controller.isHeld(holdId)).toBe(true);
      h.controller.onDecided(holdId, 'cancelled');
      expect(h.releases()).toEqual([{ type: 'release', requestIds: ['req1', 'req2'], send: false }]);
      expect(h.controller.isHeld(holdId)).toBe(false);
    });

    it('opens a separate hold for each host, and an answer releases only its own', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://a.lender.example/x', [id]);
      h.check('https://b.lender.example/x', [id]);
      h.check('https://a.lender.example/y', [id]);
      expect(h.reports.map((report) => report.destinationUrl)).toEqual(['https://a.lender.example/x', 'https://b.lender.example/x']);
      const [a, b] = h.reports.map((report) => report.holdId);
      expect(a).not.toBe(b);
      h.controller.onDecided(b!, 'sent-once');
      expect(h.releases()).toEqual([{ type: 'release', requestIds: ['req2'], send: true }]);
      expect(h.controller.isHeld(a!)).toBe(true);
    });

    it('ignores an answer for an unknown hold, and a second answer for the same hold', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://lender.example/', [id]);
      const before = h.answers.length;
      h.controller.onDecided('hold_unknown_0000000000', 'sent-once');
      expect(h.answers).toHaveLength(before);
      h.controller.onDecided(h.reports[0]!.holdId, 'cancelled');
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      expect(h.releases()).toEqual([{ type: 'release', requestIds: ['req1'], send: false }]);
    });
  });

  describe('answers', () => {
    it("'cancelled' releases with send: false and grants no pass", () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://lender.example/', [id]);
      h.controller.onDecided(h.reports[0]!.holdId, 'cancelled');
      expect(h.releases().at(-1)).toMatchObject({ send: false });
      expect(h.check('https://lender.example/', [id])).toBe('hold');
      expect(h.reports).toHaveLength(2);
    });

    it("'sent-once' releases with send: true and lets that host have the data for the window", () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://lender.example/', [id]);
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      expect(h.releases()).toEqual([{ type: 'release', requestIds: ['req1'], send: true }]);
      h.clock.now += SEND_ONCE_WINDOW_MS - 1;
      expect(h.check('https://lender.example/next', [id])).toBe('allow');
      expect(h.reports).toHaveLength(1);
    });

    it('a pass is for that host only', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://lender.example/', [id]);
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      expect(h.check('https://tracker.example/', [id])).toBe('hold');
      expect(h.check('https://other.lender.example/', [id])).toBe('hold');
    });

    it('after the window the same data to the same host is held again', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://lender.example/', [id]);
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      h.clock.now += SEND_ONCE_WINDOW_MS;
      expect(h.check('https://lender.example/', [id])).toBe('hold');
      expect(h.reports).toHaveLength(2);
    });

    it("'trusted' releases with send: true as well", () => {
      const id = h.typeInto(ID, '11010519491231002X');
      h.check('https://lender.example/', [id]);
      h.controller.onDecided(h.reports[0]!.holdId, 'trusted');
      expect(h.releases()).toEqual([{ type: 'release', requestIds: ['req1'], send: true }]);
    });
  });

  describe('form navigations', () => {
    it('holds a navigation, joining the open hold for the host, and replays it once on send', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      const replays: string[] = [];
      expect(h.controller.holdNavigation('https://lender.example/submit', [id], () => replays.push('first'))).toBe(true);
      expect(h.check('https://lender.example/api', [id])).toBe('hold');
      expect(h.controller.holdNavigation('https://lender.example/submit2', [id], () => replays.push('second'))).toBe(true);
      expect(h.reports).toHaveLength(1);
      expect(h.reports[0]?.route).toBe('form');
      expect(replays).toEqual([]);
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      expect(replays).toEqual(['first', 'second']);
      expect(h.releases()).toEqual([{ type: 'release', requestIds: ['req1'], send: true }]);
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      expect(replays).toEqual(['first', 'second']);
    });

    it('does not replay a cancelled navigation', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      let replayed = 0;
      h.controller.holdNavigation('https://lender.example/submit', [id], () => replayed++);
      h.controller.onDecided(h.reports[0]!.holdId, 'cancelled');
      expect(replayed).toBe(0);
    });

    it('does not hold a navigation to a trusted site, under a pass, or in audit-only mode', () => {
      const id = h.typeInto(ID, '11010519491231002X');
      const never = (): void => {
        throw new Error('must not replay');
      };
      h.trusted = ['trusted.example'];
      expect(h.controller.holdNavigation('https://www.trusted.example/', [id], never)).toBe(false);
      h.controller.holdNavigation('https://lender.example/', [id], () => undefined);
      h.controller.onDecided(h.reports[0]!.holdId, 'sent-once');
      expect(h.controller.holdNavigation('https://lender.example/again', [id], never)).toBe(false);
      h.settings = { ...h.settings, auditOnly: true };
      expect(h.controller.holdNavigation('https://audit.example/', [id], never)).toBe(false);
      expect(h.reports.at(-1)).toMatchObject({ auditOnly: true, route: 'form' });
    });
  });
});
