// Background side of the guard: keeps each held request's description while its prompt is open
// (storage.session, so a service-worker restart mid-prompt loses nothing), turns the user's answer
// into ShareEvents, and adds a site to the trusted list when asked.
import { browser } from 'wxt/browser';
import { holdSchema, type Decision, type GuardHoldMessage, type Hold, type ShareEvent } from './guard-messages';
import { siteOf } from './site-identity';
import { loadTrustedList, saveTrustedList, withTrustedSite } from './trusted-sites';
import { appendShareEvents } from './share-event-store';

import { holdKey } from './hold-read';

/** origin + path: the page without query string or fragment (they often carry personal data). */
export function pageUrlForLog(url: string): string {
  try {
    const parsed = new URL(url);
    // A blob: page belongs to the page that made it, whose URL is inside.
    if (parsed.protocol === 'blob:') return pageUrlForLog(parsed.pathname);
    if (parsed.protocol === 'about:') return `about:${parsed.pathname}`;
    if (parsed.origin !== 'null') return `${parsed.origin}${parsed.pathname}`;
    // file:, and other schemes without a web origin: keep the host (a file server) and path.
    if (parsed.host || parsed.protocol === 'file:') return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
    // data:, javascript:: the "path" is the content itself and may hold the very data being guarded.
    return parsed.protocol;
  } catch {
    return '';
  }
}

export function holdFromMessage(message: GuardHoldMessage, tabId: number, frameId: number, frameUrl: string, now: number): Hold {
  const destination = siteOf(message.destinationUrl);
  const page = siteOf(frameUrl);
  let origin = '';
  try {
    origin = new URL(message.destinationUrl).origin;
  } catch {
    origin = '';
  }
  return {
    holdId: message.holdId,
    tabId,
    frameId,
    route: message.route,
    destination: { site: destination?.site ?? origin, display: destination?.display ?? origin, origin },
    page: { site: page?.site ?? '', display: page?.display ?? '', url: pageUrlForLog(frameUrl), title: message.pageTitle },
    isLoanPage: message.isLoanPage,
    loanReasons: message.loanReasons,
    items: message.items,
    createdAt: now,
  };
}

export function shareEventsFor(hold: Hold, decision: Decision, now: number): ShareEvent[] {
  return hold.items.map((item, index) => ({
    version: 1 as const,
    id: `${hold.holdId}-${index}`,
    at: now,
    decision,
    route: hold.route,
    // Clamped to the event's limits: an over-long page URL or file path must not make the
    // event invalid (appendShareEvents would reject, and the decision would never be applied).
    pageUrl: hold.page.url.slice(0, 2048),
    pageTitle: hold.page.title.slice(0, 500),
    pageSite: hold.page.site.slice(0, 300),
    destinationSite: hold.destination.site.slice(0, 300),
    isLoanPage: hold.isLoanPage,
    item,
  }));
}

export async function openHold(hold: Hold): Promise<void> {
  await browser.storage.session.set({ [holdKey(hold.holdId)]: hold });
}


let trustQueue: Promise<unknown> = Promise.resolve();

/** Adds a site to the trusted list; read-modify-write calls run one at a time, so none is lost. */
function trustSite(site: string): Promise<void> {
  const task = trustQueue.then(async () => {
    const { list } = await loadTrustedList();
    await saveTrustedList(withTrustedSite(list, site, Date.now()));
  });
  trustQueue = task.catch(() => undefined);
  return task;
}

/** Applies the user's answer once: records it, trusts the site if asked, forgets the hold. */
export async function closeHold(hold: Hold, decision: Exclude<Decision, 'audit-only'>): Promise<void> {
  await browser.storage.session.remove(holdKey(hold.holdId));
  if (decision === 'trusted' && hold.destination.site) await trustSite(hold.destination.site);
  await appendShareEvents(shareEventsFor(hold, decision, Date.now()));
}

export async function recordAudit(hold: Hold): Promise<void> {
  await appendShareEvents(shareEventsFor(hold, 'audit-only', Date.now()));
}

/** Holds of a closed tab can never be answered: drop them (recorded as cancelled, which they were). */
export async function dropTabHolds(tabId: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('hold:')) continue;
    const parsed = holdSchema.safeParse(value);
    if (parsed.success && parsed.data.tabId === tabId) await closeHold(parsed.data, 'cancelled');
  }
}
