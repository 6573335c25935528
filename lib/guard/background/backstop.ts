// The browser-enforced backstop, installed by the background for each tab where values are watched.
// No page script can reach it, so it also covers what the in-page layer can't: requests from
// workers and service workers, images, scripts, styles, frames, navigations, EventSource and
// WebSocket connections.
// - Chromium: declarativeNetRequest session rules block URL-borne values (backstop-rules.ts). The
//   browser can only observe bodies and headers (webRequest in MV3): a request that carries a
//   watched value to a site not trusted, not let through by the user, and really goes out (its
//   headers are sent) is recorded as "left without LoanGuard asking" and the user is told at once;
//   one our rules stopped is recorded as blocked.
// - Firefox: blocking webRequest inspects URLs, bodies and headers and cancels.
// Requests outside any tab (service and shared workers) or in a tab the page opened count for the
// tab whose site started them.
// Rule state lives in storage.session, so a restarted service worker finds (and cleans) its rules.
import { browser } from 'wxt/browser';
import { findWatched, type WatchedValue } from '@/lib/guard/frame/value-match';
import { siteOf } from '@/lib/trust/site-identity';
import { hostIsTrusted } from '@/lib/trust/trust-match';
import { passRule, ruleValues, tabBlockRules, type BackstopRule } from './backstop-rules';

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
  /** Tabs with watched values. */
  watchedTabs(): number[];
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

interface RequestDetails {
  requestId: string;
  tabId: number;
  url: string;
  type: string;
  /** Chromium: the origin that started the request. */
  initiator?: string;
  /** Firefox: the URL of the document or worker that started it. */
  originUrl?: string;
  requestBody?: { formData?: Record<string, string[]>; raw?: { bytes?: ArrayBuffer }[] } | null;
  requestHeaders?: { name: string; value?: string }[];
  error?: string;
}

/** Texts of a request as webRequest reports it: the URL, form fields and raw body bytes. */
function requestTexts(details: RequestDetails): string[] {
  const texts = [details.url];
  const body = details.requestBody;
  if (body?.formData) for (const [key, values] of Object.entries(body.formData)) texts.push(`${key}=${values.join('&')}`);
  if (body?.raw) {
    const decoder = new TextDecoder();
    for (const part of body.raw) if (part.bytes) texts.push(decoder.decode(part.bytes));
  }
  return texts;
}

const headerTexts = (details: RequestDetails): string[] => (details.requestHeaders ?? []).map((header) => `${header.name}: ${header.value ?? ''}`);

/** Requests seen leaving but not yet sent, by id (Chromium): what they carry, to judge once the headers are known. */
const MAX_PENDING = 500;

export function createBackstop(deps: BackstopDeps, flavour: 'chromium' | 'firefox'): Backstop {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const passes = new Map<string, number>(); // `${tabId} ${site}` → until (in-memory mirror for the listeners)
  const queued = new Map<number, Promise<void>>(); // tabId → its update waiting in the queue
  // tabId → what its rules were made from (values, page site, trusted list): unchanged means nothing
  // to do. Kept in memory only, since it holds the watched values: a restarted worker rebuilds once.
  const ruleKeys = new Map<number, string>();
  const passKey = (tabId: number, site: string): string => `${tabId} ${site}`;
  const passing = (tabId: number, site: string): boolean => (passes.get(passKey(tabId, site)) ?? 0) > deps.now();

  /**
   * The tab a request counts for: its own when values are watched there; else (a worker's request in
   * no tab, a window the page opened) the watched tab of the site that started it.
   */
  const tabOf = (details: RequestDetails): number | undefined => {
    if (details.tabId >= 0 && deps.watch(details.tabId)) return details.tabId;
    const starter = siteOf(details.initiator ?? details.originUrl ?? '')?.site;
    return starter ? deps.watchedTabs().find((tabId) => deps.watch(tabId)?.pageSite === starter) : undefined;
  };

  /** What in a request (to a site not trusted, not let through) carries watched values of its tab. */
  const inspect = async (details: RequestDetails, texts: string[]): Promise<BackstopEvent | undefined> => {
    const tabId = tabOf(details);
    const watch = tabId === undefined ? undefined : deps.watch(tabId);
    if (tabId === undefined || !watch || watch.values.length === 0) return undefined;
    let url: URL;
    try {
      url = new URL(details.url);
    } catch {
      return undefined;
    }
    if (!/^(https?|wss?):$/.test(url.protocol)) return undefined;
    const site = siteOf(details.url)?.site ?? url.hostname;
    if (hostIsTrusted(url.hostname, await deps.trustedSites()) || passing(tabId, site)) return undefined;
    const found = findWatched(texts, watch.values) as (WatchedValue & { fieldKey: string })[];
    if (found.length === 0) return undefined;
    return { tabId, url: details.url, site, fieldKeys: [...new Set(found.map((value) => value.fieldKey))], type: details.type, blocked: false };
  };

  const webRequest = (browser as unknown as { webRequest?: typeof browser.webRequest }).webRequest;
  const listen = (event: unknown, listener: (details: RequestDetails) => unknown, extra?: string[]): void =>
    (event as { addListener(l: unknown, filter: unknown, extra?: string[]): void }).addListener(listener, { urls: ['<all_urls>'] }, extra);
  try {
    if (flavour === 'firefox' && webRequest) {
      // Firefox lets an extension inspect and cancel: the backstop blocks, whether the value is in the URL, body or headers.
      const cancelIfCarried = (texts: (details: RequestDetails) => string[]) => (details: RequestDetails) =>
        inspect(details, texts(details)).then((event) => {
          if (!event) return {};
          deps.onEvent({ ...event, blocked: true });
          return { cancel: true };
        });
      listen(webRequest.onBeforeRequest, cancelIfCarried(requestTexts), ['blocking', 'requestBody']);
      listen(webRequest.onBeforeSendHeaders, cancelIfCarried(headerTexts), ['blocking', 'requestHeaders']);
    } else if (webRequest) {
      // Chromium: the body is only shown before the request is sent, the headers only as it is sent.
      const pending = new Map<string, string[]>();
      listen(
        webRequest.onBeforeRequest,
        (details) => {
          if (tabOf(details) === undefined) return undefined;
          if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
          pending.set(details.requestId, requestTexts(details));
          return undefined;
        },
        ['requestBody'],
      );
      // Sent: whatever carried a value left without LoanGuard asking; record it honestly and tell the user.
      listen(
        webRequest.onSendHeaders,
        (details) => {
          const texts = pending.get(details.requestId);
          pending.delete(details.requestId);
          if (texts) void inspect(details, [...texts, ...headerTexts(details)]).then((event) => event && deps.onEvent(event));
        },
        ['requestHeaders', 'extraHeaders'],
      );
      // Stopped by our rules: say so (the URL still carries the value, so the same check names it).
      listen(webRequest.onErrorOccurred, (details) => {
        pending.delete(details.requestId);
        if (details.error === 'net::ERR_BLOCKED_BY_CLIENT') void inspect(details, [details.url]).then((event) => event && deps.onEvent({ ...event, blocked: true }));
      });
      // Answered from the cache, never sent.
      listen(webRequest.onResponseStarted, (details) => void pending.delete(details.requestId));
    }
  } catch {
    // No webRequest in this context (a test's fake browser): the rules still block; nothing is observed.
  }

  const dnr = flavour === 'chromium' ? (browser as unknown as { declarativeNetRequest?: Dnr }).declarativeNetRequest : undefined;

  // The rule ids in storage.session and the browser's session rules can disagree: a worker stopped
  // between adding rules and saving its state leaves rules nobody knows of, and the next id would
  // collide with one of them ("does not have a unique ID"), failing every later update. Once per
  // worker life, before the first change, the browser's own list is the truth: unknown rules go
  // (nothing could ever remove them), and ids continue past the highest in use.
  let reconciled = false;
  const loadReconciled = async (): Promise<BackstopState> => {
    const state = await loadState();
    if (reconciled || !dnr) return state;
    const inUse = (await dnr.getSessionRules()).map((rule) => rule.id);
    const known = new Set([...Object.values(state.tabs).flat(), ...state.passes.map((pass) => pass.id)]);
    const unknown = inUse.filter((id) => !known.has(id));
    if (unknown.length > 0) await dnr.updateSessionRules({ removeRuleIds: unknown });
    state.next = Math.max(state.next, ...inUse.map((id) => id + 1));
    await saveState(state);
    reconciled = true;
    return state;
  };
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
    update: (tabId) => {
      // Typing sends an update per keystroke: one waiting update per tab is enough (it reads the latest values).
      const waiting = queued.get(tabId);
      if (waiting) return waiting;
      const run = serial(async () => {
        queued.delete(tabId);
        if (!dnr) return;
        const state = await loadReconciled();
        const watch = deps.watch(tabId);
        const values = ruleValues((watch?.values ?? []).map(({ canonical, kind }) => ({ canonical, kind })));
        const trustedSites = await deps.trustedSites();
        const ended = expirePasses(state);
        const key = JSON.stringify([values, watch?.pageSite ?? '', trustedSites]);
        // The longer values a field holds as the user types make the same rules: nothing to change.
        if (key === ruleKeys.get(tabId) && ended.length === 0) return;
        const rules = values.length === 0 ? [] : await tabBlockRules({ tabId, values, pageSite: watch?.pageSite ?? '', trustedSites }, () => state.next++, fits);
        await dnr.updateSessionRules({ removeRuleIds: [...(state.tabs[tabId] ?? []), ...ended], addRules: rules });
        if (rules.length > 0) {
          state.tabs[tabId] = rules.map((rule) => rule.id);
          ruleKeys.set(tabId, key);
        } else {
          delete state.tabs[tabId];
          ruleKeys.delete(tabId);
        }
        await saveState(state);
      });
      queued.set(tabId, run);
      return run;
    },
    allow: (tabId, site) =>
      serial(async () => {
        const until = deps.now() + PASS_MS;
        passes.set(passKey(tabId, site), until);
        setTimeout(() => passes.delete(passKey(tabId, site)), PASS_MS);
        if (!dnr || !site) return;
        const state = await loadReconciled();
        const id = state.next++;
        const ended = expirePasses(state);
        state.passes.push({ id, tabId, site, until });
        await dnr.updateSessionRules({ removeRuleIds: ended, addRules: [passRule(id, tabId, site)] });
        await saveState(state);
        setTimeout(() => void serial(async () => {
          const later = await loadReconciled();
          const gone = expirePasses(later);
          await dnr.updateSessionRules({ removeRuleIds: gone });
          await saveState(later);
        }), PASS_MS + 50);
      }),
    forgetTab: (tabId) =>
      serial(async () => {
        if (!dnr) return;
        const state = await loadReconciled();
        const ids = [...(state.tabs[tabId] ?? []), ...state.passes.filter((pass) => pass.tabId === tabId).map((pass) => pass.id)];
        delete state.tabs[tabId];
        ruleKeys.delete(tabId);
        state.passes = state.passes.filter((pass) => pass.tabId !== tabId);
        if (ids.length > 0) await dnr.updateSessionRules({ removeRuleIds: ids });
        await saveState(state);
      }),
  };
}
