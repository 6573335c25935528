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

/** The tab the popup is about: `?tab=<id>` (when opened as a page) or the active tab. */
export async function currentTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
