// The browser-enforced backstop, installed by the background for each tab where values are watched.
// No page script can reach it, so it also covers what the in-page layer can't: requests from
// workers and service workers, images, scripts, styles, frames, navigations, EventSource and
// WebSocket connections.
// - Chromium: declarativeNetRequest session rules block URL-borne values (backstop-rules.ts). The
//   browser can only observe bodies (webRequest with requestBody in MV3): a body that carries a
//   watched value to a site not trusted, not let through by the user, is recorded as "left without
//   LoanGuard asking" and the user is told at once.
// - Firefox: blocking webRequest with requestBody inspects URLs and bodies and cancels.
// Rule state lives in storage.session, so a restarted service worker finds (and cleans) its rules.
import { browser } from 'wxt/browser';
import { findWatched, type WatchedValue } from '@/lib/guard/frame/value-match';
import { siteOf } from '@/lib/trust/site-identity';
import { hostIsTrusted } from '@/lib/trust/trust-match';
import { passRule, tabBlockRules, type BackstopRule, type RuleValue } from './backstop-rules';

/** How long a "send once" (or an audit record) lets the tab send to the site. */
export const PASS_MS = 8_000;
const STATE_KEY = 'backstop:state';

interface BackstopState {
  next: number;
  /** tabId → ids of its block rules. */
  tabs: Record<string, number[]>;
  /** Pass rules and when they end. */
  passes: { id: number; tabId: number; site: string; until: number }[];
}

export interface TabWatch {
  values: (WatchedValue & { fieldKey: string })[];
  pageSite: string;
}

/** What the backstop saw leave (or stopped): the background records it and tells the tab. */
export interface BackstopEvent {
  tabId: number;
  url: string;
  site: string;
  fieldKeys: string[];
  type: string;
  blocked: boolean;
}

export interface BackstopDeps {
  /** The values watched (and guarded by the settings) in a tab, or undefined. */
  watch(tabId: number): TabWatch | undefined;
  trustedSites(): Promise<string[]>;
  onEvent(event: BackstopEvent): void;
  now(): number;
}

export interface Backstop {
  /** The tab's watched values changed (or the trusted list did): rebuild its rules. */
  update(tabId: number): Promise<void>;
  /** The user let data go to `site` from `tabId`: the backstop steps aside there for a moment. */
  allow(tabId: number, site: string): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
}

type Dnr = {
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: BackstopRule[] }): Promise<void>;
  isRegexSupported(options: { regex: string; isCaseSensitive?: boolean }): Promise<{ isSupported: boolean }>;
  getSessionRules(): Promise<{ id: number }[]>;
};

async function loadState(): Promise<BackstopState> {
  const stored = (await browser.storage.session.get(STATE_KEY))[STATE_KEY] as Partial<BackstopState> | undefined;
  return {
    next: typeof stored?.next === 'number' ? stored.next : 1,
    tabs: stored?.tabs && typeof stored.tabs === 'object' ? stored.tabs : {},
    passes: Array.isArray(stored?.passes) ? stored.passes : [],
  };
}

const saveState = (state: BackstopState): Promise<void> => browser.storage.session.set({ [STATE_KEY]: state });

/** Texts of a request as webRequest reports it: the URL, form fields and raw body bytes. */
function requestTexts(details: { url: string; requestBody?: { formData?: Record<string, string[]>; raw?: { bytes?: ArrayBuffer }[] } | null }): string[] {
  const texts = [details.url];
  const body = details.requestBody;
  if (body?.formData) for (const [key, values] of Object.entries(body.formData)) texts.push(`${key}=${values.join('&')}`);
  if (body?.raw) {
    const decoder = new TextDecoder();
    for (const part of body.raw) if (part.bytes) texts.push(decoder.decode(part.bytes));
  }
  return texts;
}

export function createBackstop(deps: BackstopDeps, flavour: 'chromium' | 'firefox'): Backstop {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const passes = new Map<string, number>(); // `${tabId} ${site}` → until (in-memory mirror for the listeners)
  const passKey = (tabId: number, site: string): string => `${tabId} ${site}`;
  const passing = (tabId: number, site: string): boolean => (passes.get(passKey(tabId, site)) ?? 0) > deps.now();

  /** What in a request (to a site not trusted, not let through) carries watched values of its tab. */
  const inspect = async (details: { tabId: number; url: string; type: string; requestBody?: unknown }): Promise<BackstopEvent | undefined> => {
    const watch = details.tabId >= 0 ? deps.watch(details.tabId) : undefined;
    if (!watch || watch.values.length === 0) return undefined;
    const host = (() => {
      try {
        return new URL(details.url).hostname;
      } catch {
        return '';
      }
    })();
    if (!/^(https?|wss?):$/.test(new URL(details.url).protocol)) return undefined;
    const site = siteOf(details.url)?.site ?? host;
    if (hostIsTrusted(host, await deps.trustedSites()) || passing(details.tabId, site)) return undefined;
    const found = findWatched(requestTexts(details as Parameters<typeof requestTexts>[0]), watch.values) as (WatchedValue & { fieldKey: string })[];
    if (found.length === 0) return undefined;
    return { tabId: details.tabId, url: details.url, site, fieldKeys: [...new Set(found.map((value) => value.fieldKey))], type: details.type, blocked: false };
  };

  const webRequest = (browser as unknown as { webRequest?: typeof browser.webRequest }).webRequest;
  type Details = { tabId: number; url: string; type: string; requestBody?: unknown; error?: string };
  try {
    if (flavour === 'firefox' && webRequest) {
      // Firefox lets an extension inspect bodies and cancel: the backstop blocks, URL or body.
      webRequest.onBeforeRequest.addListener(
        ((details: Details) =>
          inspect(details).then((event) => {
            if (!event) return {};
            deps.onEvent({ ...event, blocked: true });
            return { cancel: true };
          })) as never,
        { urls: ['<all_urls>'] },
        ['blocking', 'requestBody'],
      );
    } else if (webRequest) {
      // Chromium: bodies can only be watched; what leaves is recorded honestly and the user told.
      webRequest.onBeforeRequest.addListener(
        ((details: Details) => {
          void inspect(details).then((event) => event && deps.onEvent(event));
          return undefined;
        }) as never,
        { urls: ['<all_urls>'] },
        ['requestBody'],
      );
      // Blocked by our rules: say so (the URL still carries the value, so the same check names it).
      webRequest.onErrorOccurred.addListener(
        ((details: Details) => {
          if (details.error !== 'net::ERR_BLOCKED_BY_CLIENT') return;
          void inspect(details).then((event) => event && deps.onEvent({ ...event, blocked: true }));
        }) as never,
        { urls: ['<all_urls>'] },
      );
    }
  } catch {
    // No webRequest in this context (a test's fake browser): the rules still block; nothing is observed.
  }

  const dnr = flavour === 'chromium' ? (browser as unknown as { declarativeNetRequest?: Dnr }).declarativeNetRequest : undefined;
  const fits = (regex: string, caseSensitive: boolean): Promise<boolean> =>
    dnr ? dnr.isRegexSupported({ regex, isCaseSensitive: caseSensitive }).then((r) => r.isSupported, () => false) : Promise.resolve(false);

  /** Removes passes that have ended (also those a stopped worker could not remove in time). */
  const expirePasses = (state: BackstopState): number[] => {
    const now = deps.now();
    const ended = state.passes.filter((pass) => pass.until <= now).map((pass) => pass.id);
    state.passes = state.passes.filter((pass) => pass.until > now);
    return ended;
  };

  return {
    update: (tabId) =>
      serial(async () => {
        if (!dnr) return;
        const state = await loadState();
        const old = state.tabs[tabId] ?? [];
        const watch = deps.watch(tabId);
        const values: RuleValue[] = (watch?.values ?? []).map(({ canonical, kind }) => ({ canonical, kind }));
        const rules =
          values.length === 0
            ? []
            : await tabBlockRules({ tabId, values, pageSite: watch?.pageSite ?? '', trustedSites: await deps.trustedSites() }, () => state.next++, fits);
        const ended = expirePasses(state);
        await dnr.updateSessionRules({ removeRuleIds: [...old, ...ended], addRules: rules });
        if (rules.length > 0) state.tabs[tabId] = rules.map((rule) => rule.id);
        else delete state.tabs[tabId];
        await saveState(state);
      }),
    allow: (tabId, site) =>
      serial(async () => {
        const until = deps.now() + PASS_MS;
        passes.set(passKey(tabId, site), until);
        setTimeout(() => passes.delete(passKey(tabId, site)), PASS_MS);
        if (!dnr || !site) return;
        const state = await loadState();
        const id = state.next++;
        const ended = expirePasses(state);
        state.passes.push({ id, tabId, site, until });
        await dnr.updateSessionRules({ removeRuleIds: ended, addRules: [passRule(id, tabId, site)] });
        await saveState(state);
        setTimeout(() => void serial(async () => {
          const later = await loadState();
          const gone = expirePasses(later);
          await dnr.updateSessionRules({ removeRuleIds: gone });
          await saveState(later);
        }), PASS_MS + 50);
      }),
    forgetTab: (tabId) =>
      serial(async () => {
        if (!dnr) return;
        const state = await loadState();
        const ids = [...(state.tabs[tabId] ?? []), ...state.passes.filter((pass) => pass.tabId === tabId).map((pass) => pass.id)];
        delete state.tabs[tabId];
        state.passes = state.passes.filter((pass) => pass.tabId !== tabId);
        if (ids.length > 0) await dnr.updateSessionRules({ removeRuleIds: ids });
        await saveState(state);
      }),
  };
}
