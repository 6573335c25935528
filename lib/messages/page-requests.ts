// Typed requests from extension pages (popup, options) to the background. The answers are
// validated too: a page renders only what matches the schema.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { PageMessage } from './by-sender';
import { tabVerdictSchema, type TabVerdict } from './verdict-messages';

async function ask<T>(message: PageMessage, schema: z.ZodMiniType<T>): Promise<T> {
  return schema.parse(await browser.runtime.sendMessage(message));
}

export const getTabVerdict = (tabId: number): Promise<TabVerdict | null> =>
  ask({ type: 'get-tab-verdict', tabId }, z.nullable(tabVerdictSchema));

export const listTabVerdicts = (): Promise<TabVerdict[]> =>
  ask({ type: 'list-tab-verdicts' }, z.array(tabVerdictSchema));

/**
 * The tab the popup is about and its URL: `?tab=<id>` (when opened as a page) or the active tab of
 * the current window. The URL comes with the `activeTab` permission, which the browser grants for
 * the tab the user opened the popup on; without it (a page opened by hand) it may be missing.
 */
export async function currentTab(search: string): Promise<{ id?: number; url?: string }> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  const tab =
    Number.isInteger(fromQuery) && fromQuery > 0
      ? {
          id: fromQuery,
          url: await Promise.resolve()
            .then(() => browser.tabs.get(fromQuery))
            .then((found) => found?.url, () => undefined),
        }
      : await activeWebTab();
  return { ...(tab?.id === undefined ? {} : { id: tab.id }), ...(tab?.url ? { url: tab.url } : {}) };
}

const isOwnPage = (url: string | undefined): boolean => !!url && url.startsWith(browser.runtime.getURL('/'));

/**
 * The tab the user opened the popup from. Firefox for Android opens the popup as a page of its own
 * and supports tabs.query only in part: when the active tab of the current window is not found, or
 * is our own page, the most recently used other tab is the one the user came from.
 */
async function activeWebTab(): Promise<{ id?: number; url?: string } | undefined> {
  const active = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  const found = active.find((tab) => !isOwnPage(tab.url));
  if (found) return found;
  const all = await browser.tabs.query({}).catch(() => []);
  const others = all.filter((tab) => !isOwnPage(tab.url));
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0] ?? active[0];
}
