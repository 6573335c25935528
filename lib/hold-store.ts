// Background side of the guard: keeps each held request's description while its prompt is open
// (storage.session, so a service-worker restart mid-prompt loses nothing), turns the user's answer
// into ShareEvents, and adds a site to the trusted list when asked.
import { browser } from 'wxt/browser';
import { holdSchema, type Decision, type GuardHoldMessage, type Hold, type ShareEvent } from './guard-messages';
import { siteOf } from './site-identity';
import { loadTrustedList, saveTrustedList, withTrustedSite } from './trusted-sites';
import { appendShareEvents } from './share-event-store';

const holdKey = (holdId: string): string => `hold:${holdId}`;

/** origin + path: the page without query string or fragment (they often carry personal data). */
export function pageUrlForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' || parsed.origin === 'null' ? `${parsed.protocol}${parsed.pathname}` : `${parsed.origin}${parsed.pathname}`;
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
    pageUrl: hold.page.url,
    pageTitle: hold.page.title,
    pageSite: hold.page.site,
    destinationSite: hold.destination.site,
    isLoanPage: hold.isLoanPage,
    item,
  }));
}

export async function openHold(hold: Hold): Promise<void> {
  await browser.storage.session.set({ [holdKey(hold.holdId)]: hold });
}

export async function readHold(holdId: string): Promise<Hold | null> {
  const stored = (await browser.storage.session.get(holdKey(holdId)))[holdKey(holdId)];
  const parsed = holdSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Applies the user's answer once: records it, trusts the site if asked, forgets the hold. */
export async function closeHold(hold: Hold, decision: Exclude<Decision, 'audit-only'>): Promise<void> {
  await browser.storage.session.remove(holdKey(hold.holdId));
  if (decision === 'trusted' && hold.destination.site) {
    const { list } = await loadTrustedList();
    await saveTrustedList(withTrustedSite(list, hold.destination.site, Date.now()));
  }
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
