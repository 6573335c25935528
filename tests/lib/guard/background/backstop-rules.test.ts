// lib/guard/background/backstop-rules.ts: the declarativeNetRequest rules the backstop installs. The
// URL patterns find a watched value raw, spaced or dashed (one separator between any two characters),
// reversed, hex or base64 (standard, %-encoded and URL-safe, at every byte alignment) and a code only
// as a whole number of 6+ digits, without firing on unrelated URLs; every pattern stays within what
// RE2 (the browser's regex engine) accepts; the rule shapes (tab, service-worker, trusted sites,
// resource types, priorities) and the splitting of patterns the browser finds too big.
import { describe, expect, it } from 'vitest';
import {
  ALL_RESOURCE_TYPES,
  BACKSTOP_MIN_LENGTH,
  base64Cores,
  hexOf,
  passRule,
  ruleValues,
  spacedPattern,
  tabBlockRules,
  urlPatterns,
  type BackstopRule,
  type RuleValue,
  type TabRuleInput,
} from '@/lib/guard/background/backstop-rules';

const PHONE: RuleValue = { canonical: '13800138000', kind: 'phone' };
const CN_ID: RuleValue = { canonical: '11010519491231002X', kind: 'national-id' };
const CARD: RuleValue = { canonical: '6212345678901232', kind: 'bank-card' };
const OTP: RuleValue = { canonical: '482913', kind: 'otp' };
const ALL = [PHONE, CN_ID, CARD, OTP];

/** The URL as the browser would see it (spaces and the like percent-encoded). */
const url = (raw: string): string => new URL(raw).href;
const reversed = (s: string): string => [...s].reverse().join('');
const hexUtf8 = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
const b64url = (s: string): string => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Whether any of `values`' patterns matches `href` (case-insensitive ones as the browser runs them). */
function caught(values: readonly RuleValue[], href: string): boolean {
  const { caseless, exact } = urlPatterns(values);
  return caseless.some((p) => new RegExp(p, 'i').test(href)) || exact.some((p) => new RegExp(p).test(href));
}

/** Whether a built rule set blocks `href` (what the browser does with regexFilter + isUrlFilterCaseSensitive). */
function blocks(rules: readonly BackstopRule[], href: string): boolean {
  return rules.some(
    (rule) =>
      rule.action.type === 'block' &&
      rule.condition.regexFilter !== undefined &&
      new RegExp(rule.condition.regexFilter, rule.condition.isUrlFilterCaseSensitive ? '' : 'i').test(href),
  );
}

const counter = (start = 1): (() => number) => {
  let next = start;
  return () => next++;
};
const fitsAll = async (): Promise<boolean> => true;
const input = (overrides: Partial<TabRuleInput> = {}): TabRuleInput => ({
  tabId: 7,
  values: [PHONE, CN_ID],
  pageSite: 'kuaidai.example',
  trustedSites: [],
  ...overrides,
});

describe('hexOf / spacedPattern / base64Cores', () => {
  it('hexOf spells each character as two lower-case hex digits', () => {
    for (const value of [PHONE.canonical, CN_ID.canonical, 'A0Z9']) expect(hexOf(value)).toBe(hexUtf8(value));
  });

  it('spacedPattern matches the value with or without one separator between any two characters', () => {
    const re = new RegExp(`^${spacedPattern('1380')}$`);
    for (const text of ['1380', '1-3-8-0', '13%2080', '1.38_0', '1/3+80', '13%2D8%2f0']) expect(re.test(text)).toBe(true);
    for (const text of ['138', '13800', '1--380', '1 380', '1,380', '0831']) expect(re.test(text)).toBe(false);
  });

  it('base64Cores: one core is in the base64 of any text that carries the value, wherever it sits', () => {
    for (const value of [PHONE.canonical, CN_ID.canonical, CARD.canonical, 'HEGG560427MVZRRL04']) {
      const cores = base64Cores(value);
      expect(cores).toHaveLength(3);
      for (const prefix of ['', 'a', '{"', 'id=', 'name', '{"p":"', 'xxxxxxx']) {
        for (const suffix of ['', '"', '"}', '&x=1']) {
          const encoded = btoa(prefix + value + suffix);
          expect(cores.some((core) => encoded.includes(core)), `${prefix}|${value}|${suffix}`).toBe(true);
        }
      }
    }
  });

  it('base64Cores only keep characters made from the value itself (no padding, at least 8 long)', () => {
    for (const value of [PHONE.canonical, CN_ID.canonical, '123456', '1234567']) {
      for (const core of base64Cores(value)) {
        expect(core).not.toContain('=');
        expect(core.length).toBeGreaterThanOrEqual(8);
        // Surrounded by other bytes, the core still appears: nothing in it came from the neighbours.
        const aligned = [0, 1, 2].map((n) => btoa('\xff'.repeat(n) + value + '\xff\xff\xff'));
        expect(aligned.some((encoded) => encoded.includes(core))).toBe(true);
      }
    }
    // A 6-character value leaves a core of 8 at one alignment only; the shorter ones are dropped.
    expect(base64Cores('123456')).toEqual([btoa('123456')]);
  });
});

describe('urlPatterns: a watched value in a URL', () => {
  it('raw, anywhere in the URL (query, path, fragment, host label)', () => {
    for (const href of [
      'https://t.evil.example/p.gif?m=13800138000',
      'https://t.evil.example/u/13800138000/avatar.png',
      'https://t.evil.example/#13800138000',
      'https://13800138000.evil.example/',
    ])
      expect(caught([PHONE], url(href))).toBe(true);
  });

  it('case does not matter for letters in the value', () => {
    expect(caught([CN_ID], url('https://t.evil.example/p?id=11010519491231002x'))).toBe(true);
    expect(caught([CN_ID], url('https://t.evil.example/p?id=11010519491231002X'))).toBe(true);
  });

  it('spaced (as %20 or +), dashed, dotted, slashed or underscored groups', () => {
    for (const spelled of ['138 0013 8000', '138+0013+8000', '138-0013-8000', '138.0013.8000', '138_0013_8000', '1-3-8-0-0-1-3-8-0-0-0']) {
      expect(caught([PHONE], url(`https://t.evil.example/c?p=${spelled}`)), spelled).toBe(true);
    }
    expect(caught([PHONE], url('https://t.evil.example/138/0013/8000.png'))).toBe(true);
    expect(caught([PHONE], url('https://t.evil.example/c?p=138%2D0013%2D8000'))).toBe(true);
    expect(caught([PHONE], url('https://t.evil.example/c?p=138%2F0013%2F8000'))).toBe(true);
    expect(caught([CARD], url('https://t.evil.example/c?card=6212 3456 7890 1232'))).toBe(true);
    expect(caught([CN_ID], url('https://t.evil.example/c?id=110105-19491231-002X'))).toBe(true);
  });

  it('reversed, plain or spaced', () => {
    expect(caught([PHONE], url(`https://t.evil.example/r?v=${reversed(PHONE.canonical)}`))).toBe(true);
    expect(caught([CN_ID], url(`https://t.evil.example/r?v=${reversed(CN_ID.canonical)}`))).toBe(true);
    expect(caught([PHONE], url('https://t.evil.example/r?v=0008-3100-831'))).toBe(true);
  });

  it('hex, lower or upper case', () => {
    for (const value of [PHONE, CN_ID, CARD]) {
      expect(caught([value], url(`https://t.evil.example/h?d=${hexUtf8(value.canonical)}`))).toBe(true);
      expect(caught([value], url(`https://t.evil.example/h?d=ff${hexUtf8(value.canonical).toUpperCase()}00`))).toBe(true);
    }
  });

  it('hex or base64 of a value typed with lower-case letters (a Chinese ID ending in "x") is caught too', () => {
    const { caseless, exact } = urlPatterns([CN_ID]);
    const typed = CN_ID.canonical.toLowerCase();
    const hex = [...typed].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    expect(caseless.some((pattern) => new RegExp(pattern, 'i').test(`?d=${hex}`))).toBe(true);
    expect(exact.some((pattern) => new RegExp(pattern).test(`?d=${btoa(`${typed}"`)}`))).toBe(true);
  });

  it('skips values too short for a browser-wide block, and values that contain another watched value', () => {
    const prefix = { canonical: CN_ID.canonical.slice(0, 8), kind: 'national-id' as const };
    const short = { canonical: CN_ID.canonical.slice(0, BACKSTOP_MIN_LENGTH - 1), kind: 'national-id' as const };
    expect(ruleValues([short, prefix, CN_ID, PHONE])).toEqual([prefix, PHONE]);
    // The prefix's pattern still blocks an address with the whole value.
    const { caseless } = urlPatterns([short, prefix, CN_ID]);
    expect(caseless.some((pattern) => new RegExp(pattern, 'i').test(`?id=${CN_ID.canonical}`))).toBe(true);
    expect(caseless.some((pattern) => new RegExp(pattern, 'i').test(`?id=${short.canonical}`))).toBe(false);
  });

  it('base64 of the value inside a longer text, at every alignment, standard, %-encoded and URL-safe', () => {
    for (const value of [PHONE, CN_ID, CARD]) {
      for (const prefix of ['', '{', '{"', '{"p":"', 'phone=', 'u=1&phone=']) {
        const text = `${prefix}${value.canonical}","t":1}`;
        const std = btoa(text);
        for (const encoded of [std, encodeURIComponent(std), b64url(text)]) {
          expect(caught([value], `https://t.evil.example/b?d=${encoded}`), `${value.kind} ${prefix}`).toBe(true);
        }
        expect(caught([value], `https://t.evil.example/${b64url(text)}/pixel.gif`)).toBe(true);
      }
    }
  });

  it('base64 patterns are case-sensitive: the same letters in another case are not the value', () => {
    const { exact } = urlPatterns([PHONE]);
    const encoded = btoa(`{"p":"${PHONE.canonical}"}`);
    const flipped = [...encoded].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    expect(exact.some((p) => new RegExp(p).test(encoded))).toBe(true);
    expect(exact.some((p) => new RegExp(p).test(flipped))).toBe(false);
  });

  it("derives the URL-safe alphabet: a core's '+' also matches %2B and '-', its '/' also %2F and '_'", () => {
    // Values made of [0-9A-Z] never give '+' or '/', so bytes that do stand in for them here.
    const odd = { canonical: '\xfb\xef\xbe\xfb\xef\xbe\xfb\xef\xbe', kind: 'national-id' } as RuleValue;
    const encoded = btoa(odd.canonical);
    expect(encoded).toMatch(/[+/]/);
    const { exact } = urlPatterns([odd]);
    const test = (text: string): boolean => exact.some((p) => new RegExp(p).test(text));
    expect(test(encoded)).toBe(true);
    expect(test(encoded.replace(/\+/g, '%2B').replace(/\//g, '%2F'))).toBe(true);
    expect(test(encoded.replace(/\+/g, '-').replace(/\//g, '_'))).toBe(true);
    expect(test(encoded.replace(/[+/]/g, '.'))).toBe(false);
  });

  it('a code only as a whole number of 6+ digits', () => {
    for (const href of ['https://t.evil.example/v?code=482913', 'https://t.evil.example/v/482913', 'https://t.evil.example/v?a=1&c=482913&b=2']) {
      expect(caught([OTP], href), href).toBe(true);
    }
    for (const href of ['https://t.evil.example/v?t=1482913', 'https://t.evil.example/v?t=4829130', 'https://t.evil.example/v?t=17482913005']) {
      expect(caught([OTP], href), href).toBe(false);
    }
  });

  it('makes no pattern for short or non-numeric codes (they occur in unrelated URLs too often)', () => {
    for (const canonical of ['4829', '48291', 'AB12CD', '4829A1']) {
      expect(urlPatterns([{ canonical, kind: 'otp' }])).toEqual({ caseless: [], exact: [] });
    }
    expect(urlPatterns([{ canonical: '4829137', kind: 'otp' }]).caseless).toHaveLength(1);
  });

  it('does not fire on unrelated URLs', () => {
    const unrelated = [
      'https://cdn.example.com/app.3f9a1c.js?v=1700000000000',
      'https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123&cid=1234567890.1700000000&_p=987654321',
      'https://images.example.com/2024/05/13/photo_13900139000.jpg',
      'https://api.example.com/v1/items?ids=11010519491231003,11010519491231',
      'https://t.example/p?d=' + btoa('{"p":"13900139000","id":"110105194912310021"}'),
      'https://t.example/h?d=' + hexUtf8('13900139000'),
      'https://t.example/c?code=482914&t=1482913',
      'https://pay.example.com/checkout?card=6212345678901233&exp=0127',
    ];
    for (const href of unrelated) expect(caught(ALL, url(href)), href).toBe(false);
  });

  it('every pattern is valid and stays within RE2: no look-around, no back-references, no capturing groups', () => {
    const { caseless, exact } = urlPatterns([...ALL, { canonical: 'HEGG560427MVZRRL04', kind: 'national-id' }]);
    for (const pattern of [...caseless, ...exact]) {
      expect(() => new RegExp(pattern)).not.toThrow();
      expect(pattern).not.toMatch(/\(\?<?[=!]/);
      expect(pattern).not.toMatch(/\(\?</);
      expect(pattern).not.toMatch(/\\[1-9]/);
      expect(pattern).not.toMatch(/\((?!\?:)/);
    }
  });
});

describe('tabBlockRules', () => {
  it('blocks the value in any kind of request from the tab, and in what the page starts outside it', async () => {
    const rules = await tabBlockRules(input(), counter(), fitsAll);
    expect(rules.length).toBeGreaterThan(0);
    expect(blocks(rules, url('https://t.evil.example/p?m=138 0013 8000'))).toBe(true);
    expect(blocks(rules, `https://t.evil.example/p?d=${b64url(`x${CN_ID.canonical}`)}`)).toBe(true);
    expect(blocks(rules, 'https://t.evil.example/p?m=13900139000')).toBe(false);
    for (const rule of rules) {
      expect(rule.action.type).toBe('block');
      expect(rule.priority).toBe(1);
      expect([...rule.condition.resourceTypes].sort()).toEqual(
        ['csp_report', 'font', 'image', 'main_frame', 'media', 'object', 'other', 'ping', 'script', 'stylesheet', 'sub_frame', 'webbundle', 'websocket', 'webtransport', 'xmlhttprequest'].sort(),
      );
    }
    const tabRules = rules.filter((rule) => rule.condition.tabIds?.[0] === 7);
    const siteRules = rules.filter((rule) => rule.condition.tabIds === undefined);
    expect(tabRules.length + siteRules.length).toBe(rules.length);
    for (const rule of tabRules) {
      expect(rule.condition.tabIds).toEqual([7]);
      expect(rule.condition.initiatorDomains).toBeUndefined();
    }
    // Each tab rule has a twin with the same pattern for whatever the page's own site starts in no
    // tab (service and shared workers) or in another one (a window it opens).
    expect(siteRules.map((rule) => rule.condition.regexFilter)).toEqual(tabRules.map((rule) => rule.condition.regexFilter));
    for (const rule of siteRules) expect(rule.condition.initiatorDomains).toEqual(['kuaidai.example']);
  });

  it('when everything fits, one case-insensitive and one case-sensitive rule per scope', async () => {
    const rules = await tabBlockRules(input(), counter(), fitsAll);
    expect(rules).toHaveLength(4);
    expect(rules.filter((rule) => rule.condition.isUrlFilterCaseSensitive === false)).toHaveLength(2);
    expect(rules.filter((rule) => rule.condition.isUrlFilterCaseSensitive === true)).toHaveLength(2);
    // The base64 rule carries the case-sensitive patterns.
    const exactRule = rules.find((rule) => rule.condition.isUrlFilterCaseSensitive)!;
    expect(new RegExp(exactRule.condition.regexFilter!).test(btoa(PHONE.canonical))).toBe(true);
  });

  it('takes each rule id from nextId, all distinct', async () => {
    const rules = await tabBlockRules(input(), counter(100), fitsAll);
    expect(rules.map((rule) => rule.id)).toEqual(rules.map((_, i) => 100 + i));
  });

  it('no service-worker rule when the page site is unknown', async () => {
    const rules = await tabBlockRules(input({ pageSite: '' }), counter(), fitsAll);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((rule) => rule.condition.tabIds?.[0] === 7 && rule.condition.initiatorDomains === undefined)).toBe(true);
  });

  it('leaves the trusted sites out (and sets no exclusion when there are none)', async () => {
    const trusted = await tabBlockRules(input({ trustedSites: ['bank.example', 'gov.example'] }), counter(), fitsAll);
    for (const rule of trusted) expect(rule.condition.excludedRequestDomains).toEqual(['bank.example', 'gov.example']);
    const none = await tabBlockRules(input({ trustedSites: [] }), counter(), fitsAll);
    for (const rule of none) expect('excludedRequestDomains' in rule.condition).toBe(false);
  });

  it('no rules when nothing can be matched safely', async () => {
    expect(await tabBlockRules(input({ values: [] }), counter(), fitsAll)).toEqual([]);
    expect(await tabBlockRules(input({ values: [{ canonical: '4829', kind: 'otp' }] }), counter(), fitsAll)).toEqual([]);
  });

  it('asks the browser with the right case flag, and splits an alternation it rejects into one rule per pattern', async () => {
    const asked: [string, boolean][] = [];
    const { caseless, exact } = urlPatterns([PHONE, CN_ID]);
    const single = new Set([...caseless, ...exact]);
    // A browser that only takes one pattern at a time (an alternation is too big for it).
    const fits = async (regex: string, caseSensitive: boolean): Promise<boolean> => {
      asked.push([regex, caseSensitive]);
      return single.has(regex);
    };
    const rules = await tabBlockRules(input({ pageSite: '' }), counter(), fits);
    expect(rules.map((rule) => rule.condition.regexFilter)).toEqual([...caseless, ...exact]);
    expect(rules.map((rule) => rule.condition.isUrlFilterCaseSensitive)).toEqual([...caseless.map(() => false), ...exact.map(() => true)]);
    expect(asked.length).toBeGreaterThan(rules.length);
    // Base64 patterns (and their alternation) are asked about case-sensitively, the others not.
    for (const [regex, caseSensitive] of asked) expect(caseSensitive).toBe(exact.some((pattern) => regex.includes(pattern)));
    // The split rules still block what the joined one would have.
    expect(blocks(rules, url('https://t.evil.example/p?m=138 0013 8000'))).toBe(true);
    expect(blocks(rules, `https://t.evil.example/p?d=${btoa(`ab${CN_ID.canonical}`)}`)).toBe(true);
  });

  it('leaves out a pattern the browser cannot take at all, keeping the others', async () => {
    const { caseless, exact } = urlPatterns([PHONE]);
    const hex = hexOf(PHONE.canonical);
    const single = new Set([...caseless, ...exact]);
    const fits = async (regex: string): Promise<boolean> => single.has(regex) && regex !== hex;
    const rules = await tabBlockRules(input({ values: [PHONE], pageSite: '' }), counter(), fits);
    const filters = rules.map((rule) => rule.condition.regexFilter);
    expect(filters).not.toContain(hex);
    expect(filters).toEqual(expect.arrayContaining(caseless.filter((p) => p !== hex)));
    expect(blocks(rules, `https://t.evil.example/p?m=${PHONE.canonical}`)).toBe(true);
    expect(blocks(rules, `https://t.evil.example/p?h=${hex}`)).toBe(false);
  });
});

describe('passRule', () => {
  it("lets one tab send to one site, above the tab's block rules", async () => {
    const pass = passRule(55, 7, 'kuaidai.cn');
    expect(pass).toEqual({
      id: 55,
      priority: 2,
      action: { type: 'allow' },
      condition: { tabIds: [7], requestDomains: ['kuaidai.cn'], resourceTypes: [...ALL_RESOURCE_TYPES] },
    });
    const blocks = await tabBlockRules(input(), counter(), fitsAll);
    for (const rule of blocks) expect(pass.priority).toBeGreaterThan(rule.priority);
  });
});
