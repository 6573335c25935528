// Typed requests from extension pages (popup, options) to the background. The answers are
// validated too: a page renders only what matches the schema.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { tabVerdictSchema, type Message, type TabVerdict } from './messages';

async function ask<T>(message: Message, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await browser.runtime.sendMessage(message));
}

export const getTabVerdict = (tabId: number): Promise<TabVerdict | null> =>
  ask({ type: 'get-tab-verdict', tabId }, tabVerdictSchema.nullable());

export const listTabVerdicts = (): Promise<TabVerdict[]> =>
  ask({ type: 'list-tab-verdicts' }, z.array(tabVerdictSchema));

/** The tab the popup is about: `?tab=<id>` (when opened as a page) or the active tab. */
export async function currentTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
