// Background side of the guard: keeps each held request's description while its prompt is open
// (storage.session, so a service-worker restart mid-prompt loses nothing), turns the user's answer
// into ShareEvents for the log, and adds a site to the trusted list when asked.
import { browser } from 'wxt/browser';
import { holdSchema, type Decision, type GuardHoldMessage, type HeldItem, type Hold } from '@/lib/messages/guard-messages';
import type { ShareEvent } from '@/lib/log/share-event';
import { siteOf } from '@/lib/trust/site-identity';
import { trustSiteFromPrompt } from '@/lib/trust/trusted-writer';
import { holdKey } from '@/lib/prompt/hold-read';

/** Where decisions go: the log writer (idempotent by event id, so recording twice stores once). */
export type RecordEvents = (events: readonly ShareEvent[]) => Promise<unknown>;

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

/** `items`: the message's items with their values already replaced by fingerprints. */
export function holdFromMessage(message: GuardHoldMessage, items: HeldItem[], tabId: number, frameId: number, frameUrl: string, now: number): Hold {
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
    items,
    createdAt: now,
  };
}

export function shareEventsFor(hold: Hold, decision: Decision, now: number): ShareEvent[] {
  return hold.items.map((item, index) => ({
    version: 2 as const,
    // Deterministic: the same decision recorded again (a worker restart mid-way) is stored once.
    id: `${hold.holdId}-${index}`,
    at: now,
    decision,
    route: hold.route,
    // Clamped to the event's limits: an over-long page URL or file path must not make the
    // event invalid (appendShareEvents would reject, and the decision would never be applied).
    pageUrl: hold.page.url.slice(0, 2048),
    pageTitle: hold.page.title.slice(0, 500),
    pageSite: hold.page.site.slice(0, 300),
    destinationSites: [(hold.destination.site || hold.destination.origin || '(unknown)').slice(0, 300)],
    isLoanPage: hold.isLoanPage,
    kind: item.kind,
    masked: item.masked,
    ...(item.country ? { country: item.country } : {}),
    fingerprint: item.fingerprint,
  }));
}

export async function openHold(hold: Hold): Promise<void> {
  await browser.storage.session.set({ [holdKey(hold.holdId)]: hold });
}


/**
 * Applies the user's answer: records it, trusts the site if asked, and only then forgets the hold,
 * so a worker stopped half-way leaves the hold to be answered again (and recorded once).
 */
export async function closeHold(hold: Hold, decision: Exclude<Decision, 'audit-only'>, record: RecordEvents): Promise<void> {
  try {
    await record(shareEventsFor(hold, decision, Date.now()));
    if (decision === 'trusted' && hold.destination.site) await trustSiteFromPrompt(hold.destination.site, Date.now());
  } finally {
    await browser.storage.session.remove(holdKey(hold.holdId));
  }
}

export async function recordAudit(hold: Hold, record: RecordEvents): Promise<void> {
  await record(shareEventsFor(hold, 'audit-only', Date.now()));
}

/** Holds of a closed tab can never be answered: drop them (recorded as cancelled, which they were). */
export async function dropTabHolds(tabId: number, record: RecordEvents): Promise<void> {
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('hold:')) continue;
    const parsed = holdSchema.safeParse(value);
    if (parsed.success && parsed.data.tabId === tabId) await closeHold(parsed.data, 'cancelled', record).catch(() => undefined);
  }
}
