// The options page's list of remembered sites against the real background handler: every site with
// what it is, Remove with Undo, "Forget my choice" keeping the detection, empty and damaged states.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { container, useComponentTest } from '../../helpers/render';
import { SiteMemoryList } from '@/components/options/SiteMemoryList';
import { pageMessages } from '@/lib/background/from-pages';
import { routeMessages } from '@/lib/background/message-router';
import { loadSiteMemory, SITE_MEMORY_KEY } from '@/lib/background/site-memory-store';

const ORIGIN = 'chrome-extension://abcdefgh/';
const log = { remove: async () => 0, quarantine: async () => 0, clearQuarantine: async () => undefined };
const route = routeMessages([pageMessages(log, () => 3)], () => ORIGIN);
const LENDER = { site: 'shandianjie.test', detected: { page: 'https://www.shandianjie.test/register', at: 1 }, user: { loan: false, at: 2 } };
const MARKED = { site: 'other.test', user: { loan: true, at: 5 } };

useComponentTest({
  setup: async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) =>
      route(message, { url: `${ORIGIN}options.html` } as Browser.runtime.MessageSender)) as never);
    await fakeBrowser.storage.local.set({ [SITE_MEMORY_KEY]: { version: 1, sites: [LENDER, MARKED] } });
  },
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const rows = () => [...container.querySelectorAll('li[data-site]')].map((li) => li.getAttribute('data-site'));
const clickIn = async (site: string, text: string) => {
  const row = container.querySelector(`li[data-site="${site}"]`)!;
  await act(() => [...row.querySelectorAll('button')].find((b) => b.textContent === text)!.click());
  await settle();
};

describe('SiteMemoryList', () => {
  it('lists every remembered site, newest first, with what it is', async () => {
    render(<SiteMemoryList locale="en" />, container);
    await settle();
    expect(rows()).toEqual(['other.test', 'shandianjie.test']);
    expect(container.querySelector('li[data-site="other.test"]')?.textContent).toContain('siteMemory_userLoan');
    expect(container.querySelector('li[data-site="shandianjie.test"]')?.textContent).toContain('siteMemory_userNotLoan');
    expect(container.querySelector('li[data-site="other.test"] button[aria-label]')?.getAttribute('aria-label')).toBe('siteMemory_removeLabel(other.test)');
  });

  it('removes a site and undoes the removal', async () => {
    render(<SiteMemoryList locale="en" />, container);
    await settle();
    await clickIn('other.test', 'siteMemory_remove');
    expect(rows()).toEqual(['shandianjie.test']);
    expect(container.querySelector('[role=status]')?.textContent).toContain('siteMemory_removed(other.test)');
    await act(() => container.querySelector<HTMLButtonElement>('[role=status] button')!.click());
    await settle();
    expect((await loadSiteMemory()).value.sites).toContainEqual(MARKED);
  });

  it("forgets the user's choice but keeps what LoanGuard saw", async () => {
    render(<SiteMemoryList locale="en" />, container);
    await settle();
    await clickIn('shandianjie.test', 'siteMemory_unmark');
    expect((await loadSiteMemory()).value.sites.find((e) => e.site === 'shandianjie.test')).toEqual({ site: 'shandianjie.test', detected: LENDER.detected });
  });

  it('says when nothing is remembered, and when the stored list was damaged', async () => {
    await fakeBrowser.storage.local.set({ [SITE_MEMORY_KEY]: { version: 9, sites: 'x' } });
    render(<SiteMemoryList locale="en" />, container);
    await settle();
    expect(container.textContent).toContain('siteMemory_recovered');
    expect(container.textContent).toContain('siteMemory_empty');
  });
});
