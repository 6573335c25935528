// Background side of per-tab verdicts: keeps them in storage.session (survives service-worker
// restarts, gone when the browser closes), serialises writes per tab so frames reporting at once
// don't overwrite each other, and keeps the toolbar badge in step.
import { browser } from 'wxt/browser';
import { tabVerdictSchema, type FrameVerdictMessage, type TabVerdict } from '@/lib/messages/verdict-messages';
import { siteOf } from '@/lib/trust/site-identity';
import { withSiteMemory } from '@/lib/detect/site-memory';
import { mergeFrameVerdict, tabVerdictKey } from './tab-verdicts';
import { rememberLoanPage, siteMemoryEntry } from './site-memory-store';
import { t } from '@/lib/locale/i18n';

/** Sites the memory is kept for: web sites, not files or extension pages. */
const WEB_KINDS = new Set(['domain', 'ip', 'localhost']);

const pending = new Map<number, Promise<unknown>>();

/** Run `task` after every earlier task for the same tab has finished. */
function serialised<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const previous = pending.get(tabId) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  pending.set(tabId, settled);
  void settled.then(() => {
    if (pending.get(tabId) === settled) pending.delete(tabId);
  });
  return next;
}

export async function readTabVerdict(tabId: number): Promise<TabVerdict | undefined> {
  const key = tabVerdictKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  const parsed = tabVerdictSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function listTabVerdicts(): Promise<TabVerdict[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith('tab:'))
    .flatMap(([, value]) => {
      const parsed = tabVerdictSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export function recordFrameVerdict(tabId: number, message: FrameVerdictMessage): Promise<TabVerdict> {
  return serialised(tabId, async () => {
    const previous = await readTabVerdict(tabId);
    const identity = message.isTop ? siteOf(message.url) : null;
    const label = identity
      ? { site: identity.site, display: identity.display }
      : { site: previous?.site ?? '', display: previous?.siteDisplay ?? '' };
    const now = Date.now();
    let verdict = mergeFrameVerdict(previous, message, tabId, label, now);
    // A site is a lender, not a page: the top page's verdict goes through the site memory.
    if (message.isTop && identity && WEB_KINDS.has(identity.kind)) {
      if (message.loan?.isLoanPage) await rememberLoanPage(identity.site, message.url, now).catch(() => undefined);
      verdict = applyMemory(verdict, message.loan, await siteMemoryEntry(identity.site).catch(() => undefined));
    }
    await browser.storage.session.set({ [tabVerdictKey(tabId)]: verdict });
    await showBadge(tabId, verdict);
    return verdict;
  });
}

/** The tab verdict with the memory's word on its top page (`pageLoan` keeps the page's own). */
function applyMemory(verdict: TabVerdict, pageLoan: TabVerdict['loan'], entry: Parameters<typeof withSiteMemory>[1]): TabVerdict {
  const { verdict: loan, override } = withSiteMemory(pageLoan, entry);
  const { pageLoan: _old, override: _was, ...rest } = verdict;
  return loan === pageLoan ? { ...rest, loan } : { ...rest, loan, pageLoan, ...(override ? { override } : {}) };
}

/**
 * The user changed what `site` is: every open tab of it gets its verdict again from its page's own
 * and the memory, its badge, and (through `tell`) the new page status for its frames.
 */
export async function reapplySiteMemory(site: string, tell: (tabId: number, status: TabVerdict) => Promise<void>): Promise<void> {
  const entry = await siteMemoryEntry(site);
  for (const stored of await listTabVerdicts()) {
    if (stored.site !== site) continue;
    const updated = await serialised(stored.tabId, async () => {
      const current = await readTabVerdict(stored.tabId);
      if (!current || current.site !== site) return null;
      const next = applyMemory(current, current.pageLoan !== undefined ? current.pageLoan : current.loan, entry);
      await browser.storage.session.set({ [tabVerdictKey(stored.tabId)]: next });
      await showBadge(stored.tabId, next);
      return next;
    });
    if (updated) await tell(stored.tabId, updated);
  }
}

export function forgetTab(tabId: number): Promise<void> {
  return serialised(tabId, () => browser.storage.session.remove(tabVerdictKey(tabId)));
}

async function showBadge(tabId: number, verdict: TabVerdict): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods.
  const action = browser.action ?? browser.browserAction;
  const isLoan = verdict.loan?.isLoanPage === true;
  try {
    await action.setBadgeText({ tabId, text: isLoan ? '!' : '' });
    if (isLoan) await action.setBadgeBackgroundColor({ tabId, color: '#c2410c' });
    await action.setTitle({ tabId, title: isLoan ? t('badgeLoanPage') : t('extName') });
  } catch {
    // The tab closed while we were working: nothing to mark.
  }
}
