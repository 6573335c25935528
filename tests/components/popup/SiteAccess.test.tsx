// Site access in the popup: nothing when LoanGuard may run on the tab's site; otherwise a notice
// and a button that asks the browser for that one site (match pattern without the port), and what
// the user answered. Also: the popup finds the tab it is about, and lays itself out as a page, when Firefox for Android opens it as a page of its own.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { SiteAccess, originPattern, type PermissionsApi } from '@/components/popup/SiteAccess';
import { currentTab } from '@/lib/messages/page-requests';
import { PopupApp } from '@/components/popup/PopupApp';

useComponentTest();

const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });

function fakePermissions(granted: boolean, answer: boolean): PermissionsApi & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    contains: async () => granted,
    request: async ({ origins }) => {
      asked.push(origins);
      return answer;
    },
  };
}

describe('originPattern', () => {
  it('makes a match pattern for web pages only, without the port', () => {
    expect(originPattern('http://www.kuaidai.test:8787/apply?x=1')).toBe('http://www.kuaidai.test/*');
    expect(originPattern('https://example.com/')).toBe('https://example.com/*');
    expect(originPattern('about:blank')).toBeNull();
    expect(originPattern(undefined)).toBeNull();
  });
});

describe('SiteAccess', () => {
  it('says nothing when access is granted', async () => {
    await act(() => render(<SiteAccess url="https://example.com/" display="example.com" permissions={fakePermissions(true, true)} />, container));
    await settle();
    expect(container.textContent).toBe('');
  });

  it('names the site when access is missing, and asks the browser for that site on a click', async () => {
    const permissions = fakePermissions(false, true);
    await act(() => render(<SiteAccess url="https://www.example.com:8443/a" display="example.com" permissions={permissions} />, container));
    await settle();
    expect(container.querySelector('[data-access="missing"]')!.textContent).toContain('popup_siteAccessMissing(example.com)');
    await act(() => container.querySelector<HTMLButtonElement>('.site-access-grant')!.click());
    await settle();
    expect(permissions.asked).toEqual([['https://www.example.com/*']]);
    expect(container.textContent).toBe('popup_siteAccessGranted');
  });

  it('says access is still off when the user declines, and offers the button again', async () => {
    const permissions = fakePermissions(false, false);
    await act(() => render(<SiteAccess url="https://example.com/" display="example.com" permissions={permissions} />, container));
    await settle();
    await act(() => container.querySelector<HTMLButtonElement>('.site-access-grant')!.click());
    await settle();
    expect(container.querySelector('[data-access="denied"]')!.textContent).toContain('popup_siteAccessDenied');
    expect(container.querySelector('.site-access-grant')).not.toBeNull();
  });
});

describe('currentTab', () => {
  it('takes the active tab of the current window', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, url: 'https://a.example/' } as never]);
    expect(await currentTab('')).toEqual({ id: 3, url: 'https://a.example/' });
  });

  it('opened as a page of its own (Firefox for Android), takes the most recently used web tab', async () => {
    const own = fakeBrowser.runtime.getURL('/popup.html');
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (query: { active?: boolean }) =>
      query.active
        ? [{ id: 9, url: own }]
        : [
            { id: 9, url: own, lastAccessed: 300 },
            { id: 4, url: 'https://old.example/', lastAccessed: 100 },
            { id: 5, url: 'https://loan.example/apply', lastAccessed: 200 },
          ]) as never);
    expect(await currentTab('')).toEqual({ id: 5, url: 'https://loan.example/apply' });
  });
});

describe('PopupApp on Android', () => {
  it('lays itself out as the full page Firefox for Android opens it as', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'android', arch: 'arm64' } as never);
    await act(() => render(<PopupApp db={() => Promise.reject(new Error('no log here'))} search="" />, container));
    await settle();
    expect(container.querySelector('main.popup')!.getAttribute('data-platform')).toBe('android');
  });

  it('stays the toolbar popup elsewhere', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64' } as never);
    await act(() => render(<PopupApp db={() => Promise.reject(new Error('no log here'))} search="" />, container));
    await settle();
    expect(container.querySelector('main.popup')!.hasAttribute('data-platform')).toBe(false);
  });
});
