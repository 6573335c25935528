// "A site is a lender, not a page": once a page of a registrable domain is recognised as a loan
// page, the site's other pages (log-in, SMS step, bank-card step, download page) are treated as loan
// pages too, and the user can say otherwise either way. Pure: the background keeps the memory in
// storage.local (lib/background/site-memory-store.ts) and is its only writer.
import type { LoanVerdict, Reason } from '@/lib/types';

/** Sites kept at most; past it the oldest detections go (the user's own choices are never dropped). */
export const SITE_MEMORY_MAX = 2000;

export interface SiteMemoryEntry {
  /** Registrable domain (eTLD+1, ASCII), as lib/trust/site-identity.ts siteOf makes it. */
  site: string;
  /** The page that showed a loan sign-up (origin + path, no query) and when (ms since epoch). */
  detected?: { page: string; at: number };
  /** The user's own word, which wins over the classifier: `loan` true or false, and when. */
  user?: { loan: boolean; at: number };
}

export interface SiteMemory {
  version: 1;
  sites: SiteMemoryEntry[];
}

export const EMPTY_SITE_MEMORY: SiteMemory = { version: 1, sites: [] };

/** What one change to the memory asks for (from the background's verdict handler or the user). */
export type SiteMemoryOp =
  | { op: 'mark'; site: string; loan: boolean }
  | { op: 'unmark'; site: string }
  | { op: 'forget'; site: string }
  | { op: 'restore'; entry: SiteMemoryEntry };

/** Where the verdict of a page came from when the memory changed it. */
export type SiteOverride = 'site-memory' | 'user';

export const entryOf = (memory: SiteMemory, site: string): SiteMemoryEntry | undefined =>
  memory.sites.find((entry) => entry.site === site);

/** Origin and path of a page URL: the query string may carry personal data, so it is never kept. */
export function pageOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 500);
  } catch {
    return '';
  }
}

function replace(memory: SiteMemory, site: string, entry: SiteMemoryEntry | undefined): SiteMemory {
  const others = memory.sites.filter((e) => e.site !== site);
  return { ...memory, sites: entry ? [...others, entry] : others };
}

/** Drops the oldest classifier-only entries beyond SITE_MEMORY_MAX. */
function capped(memory: SiteMemory): SiteMemory {
  if (memory.sites.length <= SITE_MEMORY_MAX) return memory;
  const detectedOnly = memory.sites.filter((e) => !e.user).sort((a, b) => (a.detected?.at ?? 0) - (b.detected?.at ?? 0));
  const drop = new Set(detectedOnly.slice(0, memory.sites.length - SITE_MEMORY_MAX).map((e) => e.site));
  return { ...memory, sites: memory.sites.filter((e) => !drop.has(e.site)) };
}

/**
 * A page of `site` was classified as a loan page: remember the first page that showed it. Returns
 * the memory unchanged (same object) when the site is already remembered, so callers can skip a write.
 */
export function recordLoanPage(memory: SiteMemory, site: string, url: string, now: number): SiteMemory {
  const entry = entryOf(memory, site);
  if (!site || entry?.detected) return memory;
  return capped(replace(memory, site, { ...entry, site, detected: { page: pageOf(url), at: now } }));
}

/** Applies one change; the user's mark replaces any earlier mark and keeps the detection. */
export function applySiteMemoryOp(memory: SiteMemory, change: SiteMemoryOp, now: number): SiteMemory {
  switch (change.op) {
    case 'mark': {
      const entry = entryOf(memory, change.site);
      return capped(replace(memory, change.site, { ...entry, site: change.site, user: { loan: change.loan, at: now } }));
    }
    case 'unmark': {
      const entry = entryOf(memory, change.site);
      if (!entry) return memory;
      const { user: _dropped, ...rest } = entry;
      return replace(memory, change.site, rest.detected ? rest : undefined);
    }
    case 'forget':
      return replace(memory, change.site, undefined);
    case 'restore':
      return capped(replace(memory, change.entry.site, change.entry));
  }
}

/** yyyy-mm-dd in UTC: shown inside a reason's detail, so it reads the same in every language. */
const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The reason the memory gives for a site's verdict, or null when it has nothing to say. */
export function memoryReason(entry: SiteMemoryEntry | undefined): { reason: Reason; isLoanPage: boolean; override: SiteOverride } | null {
  if (entry?.user) {
    const code = entry.user.loan ? 'user_marked_loan' : 'user_marked_not_loan';
    return { reason: { code, detail: day(entry.user.at), weight: 0 }, isLoanPage: entry.user.loan, override: 'user' };
  }
  if (entry?.detected) {
    return {
      reason: { code: 'site_memory', detail: `${entry.detected.page} (${day(entry.detected.at)})`, weight: 0 },
      isLoanPage: true,
      override: 'site-memory',
    };
  }
  return null;
}

/**
 * The verdict a page of a remembered site gets: the user's mark wins over everything; a remembered
 * loan site makes every page of it a loan page. The page's own reasons are kept after the memory's,
 * and its own score. `override` says when the memory changed the page's own answer.
 */
export function withSiteMemory(page: LoanVerdict | null, entry: SiteMemoryEntry | undefined): { verdict: LoanVerdict | null; override: SiteOverride | null } {
  const memory = memoryReason(entry);
  if (!memory) return { verdict: page, override: null };
  // A remembered lender whose page is a loan page on its own needs no override, only the reason.
  const changes = memory.override === 'user' || !page?.isLoanPage;
  const own = page?.reasons ?? [];
  return {
    verdict: { isLoanPage: memory.isLoanPage, score: page?.score ?? 0, reasons: [memory.reason, ...own].slice(0, 20) },
    override: changes ? memory.override : null,
  };
}
