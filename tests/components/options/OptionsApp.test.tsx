// The options page's frame: the side navigation shows one section at a time, chosen by the URL's hash
// (or `?site=` for the help); a menu choice moves focus to the section's heading; About tells the
// version, the permissions and links back to the welcome page.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { OPTIONS_SECTIONS, OptionsApp, sectionFromUrl } from '@/components/options/OptionsApp';
import { openLogDb } from '@/lib/log/log-store';

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const settle = () =>
  act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
const visibleSections = () => $$('.options-section').filter((section) => !section.hidden).map((section) => section.id);
const current = () => $$('.options-nav a[aria-current="page"]').map((link) => link.getAttribute('href'));

async function mount(url: string) {
  history.replaceState(null, '', url);
  const db = await openLogDb(new IDBFactory());
  await act(() => render(<OptionsApp db={async () => db} />, container));
  await settle();
}
async function go(hash: string) {
  history.replaceState(null, '', hash);
  await act(() => void dispatchEvent(new Event('hashchange')));
  await settle();
}

useComponentTest({
  setup: () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'LoanGuard', version: '1.2.3' });
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  },
  teardown: () => history.replaceState(null, '', '/'),
});

describe('sectionFromUrl', () => {
  it('reads the hash, opens the help when a site is named, and starts with the trusted list', () => {
    expect(sectionFromUrl('#log', '')).toBe('log');
    expect(sectionFromUrl('', '?site=kuaidai.example')).toBe('help');
    expect(sectionFromUrl('#about', '?site=kuaidai.example')).toBe('about');
    expect(sectionFromUrl('#nothing-like-this', '')).toBe('trusted');
    expect(sectionFromUrl('', '')).toBe('trusted');
  });
});

describe('OptionsApp', () => {
  it('lists every section in the navigation and shows the first one alone', async () => {
    await mount('/options.html');
    expect($('nav.options-nav').getAttribute('aria-label')).toBe('optionsNavLabel');
    expect($$('.options-nav a').map((link) => [link.getAttribute('href'), link.textContent])).toEqual(
      OPTIONS_SECTIONS.map(([id, key]) => [`#${id}`, key]),
    );
    expect(OPTIONS_SECTIONS.map(([id]) => id)).toEqual(['trusted', 'sites', 'settings', 'log', 'help', 'about']);
    expect(visibleSections()).toEqual(['trusted']);
    expect(current()).toEqual(['#trusted']);
    expect($('h1').textContent).toBe('optionsTitle');
  });

  it('opens the section the link asked for', async () => {
    await mount('/options.html#help');
    expect(visibleSections()).toEqual(['help']);
    expect(current()).toEqual(['#help']);
  });

  it('switches section on a menu choice, keeps the others mounted, and puts focus on the new heading', async () => {
    await mount('/options.html');
    await go('#settings');
    expect(visibleSections()).toEqual(['settings']);
    expect(current()).toEqual(['#settings']);
    expect(document.activeElement).toBe($('#settings h2'));
    expect($('#settings h2').textContent).toBe('optionsNavWarnings');
    // The trusted list is still there (hidden), so nothing typed in it is lost.
    expect($('#trusted').hidden).toBe(true);
    expect($('#trusted-add-site')).not.toBeNull();
    await go('#about');
    expect(visibleSections()).toEqual(['about']);
    expect(document.activeElement).toBe($('#about h2'));
  });

  it('says in About what LoanGuard is, its permissions, its version, and links to the welcome page', async () => {
    await mount('/options.html#about');
    const about = $('#about');
    expect(about.querySelector('h2')!.textContent).toBe('about_heading');
    expect([...about.querySelectorAll('.about-does li')]).toHaveLength(3);
    expect([...about.querySelectorAll('.about-doesnt li')]).toHaveLength(3);
    expect($$('#about [data-permission]').map((entry) => entry.dataset.permission)).toEqual(['sites', 'storage', 'scripting', 'network']);
    expect(about.textContent).toContain('about_perm_network_why');
    expect(about.textContent).toContain('about_privacy_body');
    // The privacy policy (PRIVACY.md) ships with the extension: what is kept, where, never sent.
    const policy = about.querySelector('details.about-privacy-policy')!;
    expect(policy.querySelector('summary')!.textContent).toBe('about_privacyPolicy');
    expect(policy.textContent).toContain('makes no network requests');
    expect(policy.querySelectorAll('ul li').length).toBeGreaterThanOrEqual(4);
    expect($('[data-version]').textContent).toBe('about_version(1.2.3)');
    expect($('a[data-open-welcome]').getAttribute('href')).toBe('/welcome.html');
  });
});
