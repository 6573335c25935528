// The browser-enforced backstop's rules (Chromium's declarativeNetRequest): while values are watched
// in a tab, any request from that tab — an image, a script, a stylesheet, a frame, a navigation, an
// EventSource or WebSocket, a request from a worker or service worker — whose URL carries one of
// them (raw, spaced or dashed, reversed, hex or base64) to a site not trusted is blocked by the
// browser itself, out of any page script's reach. Pure: builds the rules; backstop.ts installs them.

/** Every kind of request a rule covers (declarativeNetRequest's resource types, main frame included). */
export const ALL_RESOURCE_TYPES = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webtransport',
  'webbundle',
  'other',
] as const;

/** Separators pages put between groups of digits in a URL: space (as %20 or +), dash, dot, slash, underscore. */
const SEP = '(?:[-_./+]|%20|%2[dDfF])?';

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `value` with an optional separator between any two characters. */
export function spacedPattern(value: string): string {
  return [...value].map(escapeRegex).join(SEP);
}

export function hexOf(value: string): string {
  return [...value].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
}

/**
 * The base64 text that is the same wherever `value` sits in a longer base64-encoded string: one
 * core per alignment (the value starting at byte 0, 1 or 2 of a 3-byte group), partial characters
 * at the ends dropped. Standard alphabet; the URL-safe one is derived from it.
 */
export function base64Cores(value: string): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = '\0'.repeat(offset) + value;
    const encoded = btoa(padded);
    // Characters whose 6 bits come only from the value: skip those touched by the padding at the
    // start, and the last group when the value doesn't fill it.
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor((padded.length * 8) / 6);
    const core = encoded.slice(start, end);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}

export interface RuleValue {
  /** Upper-case [0-9A-Z] (see lib/guard/frame/value-match.ts canonicalValue). */
  canonical: string;
  kind: 'national-id' | 'phone' | 'bank-card' | 'otp';
}

/**
 * Shortest value (IDs, phones, cards) the backstop blocks on: the in-page layer asks about shorter
 * pieces too, but a browser-wide block on 6 characters would catch unrelated addresses.
 */
export const BACKSTOP_MIN_LENGTH = 8;

/**
 * The values worth a rule: long enough, and not containing another one (a pattern for "11010519"
 * already matches every address that carries "11010519491231002X", so the longer values the field
 * held as the user typed add nothing).
 */
export function ruleValues(values: readonly RuleValue[]): RuleValue[] {
  const long = values.filter(({ canonical, kind }) => kind === 'otp' || canonical.length >= BACKSTOP_MIN_LENGTH);
  const unique = [...new Map(long.map((value) => [`${value.kind}:${value.canonical}`, value])).values()];
  return unique.filter(
    (value) => value.kind === 'otp' || !unique.some((other) => other !== value && other.kind !== 'otp' && value.canonical.includes(other.canonical)),
  );
}

/** The value as a page may have sent it: canonical upper case, and lower case when it has letters (an ID typed "…002x"). */
const spellings = (canonical: string): string[] => (/[A-Z]/.test(canonical) ? [canonical, canonical.toLowerCase()] : [canonical]);

/** The URL patterns for the values: case-insensitive ones and case-sensitive (base64) ones. */
export function urlPatterns(values: readonly RuleValue[]): { caseless: string[]; exact: string[] } {
  const caseless: string[] = [];
  const exact: string[] = [];
  for (const { canonical, kind } of ruleValues(values)) {
    // Short codes occur in unrelated URLs too often; codes are only blocked as a whole number of 6+ digits.
    if (kind === 'otp') {
      if (/^\d{6,}$/.test(canonical)) caseless.push(`(?:^|[^0-9])${canonical}(?:[^0-9]|$)`);
      continue;
    }
    caseless.push(spacedPattern(canonical), spacedPattern([...canonical].reverse().join('')));
    for (const spelling of spellings(canonical)) {
      caseless.push(hexOf(spelling));
      for (const core of base64Cores(spelling)) exact.push(escapeRegex(core).replace(/\\\+/g, '(?:\\+|%2B|-)').replace(/\//g, '(?:/|%2F|_)'));
    }
  }
  return { caseless, exact };
}

export interface BackstopRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' };
  condition: {
    regexFilter?: string;
    isUrlFilterCaseSensitive?: boolean;
    tabIds?: number[];
    initiatorDomains?: string[];
    requestDomains?: string[];
    excludedRequestDomains?: string[];
    resourceTypes: string[];
  };
}

export interface TabRuleInput {
  tabId: number;
  values: readonly RuleValue[];
  /**
   * The page's registrable domain: requests it starts outside the tab are covered too — its
   * service and shared workers' (no tab), and windows it opens (another tab).
   */
  pageSite: string;
  trustedSites: readonly string[];
}

/**
 * The block rules for one tab, `nextId()` giving each its id. Each regex is an alternation of the
 * tab's patterns; `fits(regex, caseSensitive)` (the browser's isRegexSupported) decides when to split
 * one pattern per rule instead.
 */
export async function tabBlockRules(
  input: TabRuleInput,
  nextId: () => number,
  fits: (regex: string, caseSensitive: boolean) => Promise<boolean>,
): Promise<BackstopRule[]> {
  const { caseless, exact } = urlPatterns(input.values);
  const regexes: { regex: string; caseSensitive: boolean }[] = [];
  const group = async (patterns: string[], caseSensitive: boolean): Promise<void> => {
    if (patterns.length === 0) return;
    const joined = `(?:${patterns.join('|')})`;
    if (await fits(joined, caseSensitive)) regexes.push({ regex: joined, caseSensitive });
    else for (const pattern of patterns) if (await fits(pattern, caseSensitive)) regexes.push({ regex: pattern, caseSensitive });
  };
  await group(caseless, false);
  await group(exact, true);
  const excluded = input.trustedSites.length > 0 ? { excludedRequestDomains: [...input.trustedSites] } : {};
  const rules: BackstopRule[] = [];
  for (const { regex, caseSensitive } of regexes) {
    const base = { regexFilter: regex, isUrlFilterCaseSensitive: caseSensitive, resourceTypes: [...ALL_RESOURCE_TYPES], ...excluded };
    rules.push({ id: nextId(), priority: 1, action: { type: 'block' }, condition: { ...base, tabIds: [input.tabId] } });
    if (input.pageSite) rules.push({ id: nextId(), priority: 1, action: { type: 'block' }, condition: { ...base, initiatorDomains: [input.pageSite] } });
  }
  return rules;
}

/** "Send once" or audit-only: for a short while, this tab may send to `site` (a higher-priority allow). */
export function passRule(id: number, tabId: number, site: string): BackstopRule {
  return { id, priority: 2, action: { type: 'allow' }, condition: { tabIds: [tabId], requestDomains: [site], resourceTypes: [...ALL_RESOURCE_TYPES] } };
}
