// The popup's site-memory controls against the real background handler (the message transport is
// the only stand-in): what is remembered is shown, "This is not a loan site" / "This is a loan site"
// store the user's mark, Undo puts back what was there, and a failed write says so.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { container, useComponentTest } from '../../helpers/render';
import { SiteMemoryControls } from '@/components/popup/SiteMemoryControls';
import { pageMessages } from '@/lib/background/from-pages';
import { routeMessages } from '@/lib/background/message-router';
import { loadSiteMemory, SITE_MEMORY_KEY } from '@/lib/background/site-memory-store';

const ORIGIN = 'chrome-extension://abcdefgh/';
const log = { remove: async () => 0, quarantine: async () => 0, clearQuarantine: async () => undefined };
const route = routeMessages([pageMessages(log, () => Date.UTC(2026, 10, 29))], () => ORIGIN);
const DETECTED = { site: 'shandianjie.test', detected: { page: 'https://www.shandianjie.test/register', at: Date.UTC(2026, 10, 28) } };

let failWrites = false;
useComponentTest({
  setup: async () => {
    failWrites = false;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) =>
      failWrites ? undefined : route(message, { url: `${ORIGIN}popup.html` } as Browser.runtime.MessageSender)) as never);
    await fakeBrowser.storage.local.set({ [SITE_MEMORY_KEY]: { version: 1, sites: [DETECTED] } });
  },
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const button = (cls: string) => container.querySelector<HTMLButtonElement>(`button.${cls}`)!;
const click = async (cls: string) => {
  await act(() => button(cls).click());
  await settle();
};

describe('SiteMemoryControls', () => {
  it('says what LoanGuard remembers about the site', async () => {
    render(<SiteMemoryControls site="shandianjie.test" display="shandianjie.test" locale="en" />, container);
    await settle();
    expect(container.querySelector('.site-memory')?.getAttribute('data-memory')).toBe('detected');
    expect(container.querySelector('.site-memory-state')?.textContent).toMatch(/^siteMemory_detected\(https:\/\/www\.shandianjie\.test\/register\|/);
  });

  it('"This is not a loan site" stores the mark; Undo puts the remembered detection back', async () => {
    render(<SiteMemoryControls site="shandianjie.test" display="shandianjie.test" locale="en" />, container);
    await settle();
    await click('site-memory-not-loan');
    expect((await loadSiteMemory()).value.sites[0]?.user).toEqual({ loan: false, at: Date.UTC(2026, 10, 29) });
    expect(container.querySelector('[role=status]')?.textContent).toContain('siteMemory_markedNotLoan(shandianjie.test)');
    expect(button('site-memory-not-loan').getAttribute('aria-pressed')).toBe('true');
    await click('site-memory-undo');
    expect((await loadSiteMemory()).value.sites).toEqual([DETECTED]);
    expect(container.querySelector('.site-memory')?.getAttribute('data-memory')).toBe('detected');
  });

  it('"This is a loan site" on a site never seen; Undo forgets it again', async () => {
    render(<SiteMemoryControls site="other.test" display="other.test" locale="en" />, container);
    await settle();
    expect(container.querySelector('.site-memory')?.getAttribute('data-memory')).toBe('none');
    await click('site-memory-loan');
    expect((await loadSiteMemory()).value.sites.find((e) => e.site === 'other.test')?.user?.loan).toBe(true);
    await click('site-memory-undo');
    expect((await loadSiteMemory()).value.sites.map((e) => e.site)).toEqual(['shandianjie.test']);
  });

  it('says so when the write fails, and changes nothing', async () => {
    render(<SiteMemoryControls site="shandianjie.test" display="shandianjie.test" locale="en" />, container);
    await settle();
    failWrites = true;
    await click('site-memory-loan');
    expect(container.querySelector('[role=status]')?.textContent).toBe('siteMemory_saveError');
    expect((await loadSiteMemory()).value.sites).toEqual([DETECTED]);
  });
});
