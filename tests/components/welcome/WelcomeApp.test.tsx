// The welcome page: three lines on what LoanGuard does and doesn't; the phone region pre-filled from the
// user's first preferred language (or the saved setting) and saved only when confirmed, other settings untouched;
// the user's own bank added to the trusted list through the background's writer; the demo link.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import { updateTrusted } from '@/lib/messages/write-requests';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/settings/settings';
import { TRUSTED_KEY } from '@/lib/trust/trusted-list';

// No background in unit tests: the page's write goes straight to the writer it would reach.
vi.mock('@/lib/messages/write-requests', async () => {
  const { applyTrustedOp } = await import('@/lib/trust/trusted-writer');
  return { updateTrusted: vi.fn((change: Parameters<typeof applyTrustedOp>[0]) => applyTrustedOp(change, Date.now())) };
});

/** The user's preferred languages, first first (navigator.languages). */
let preferred = ['es-MX'];
useComponentTest({
  setup: () => {
    vi.mocked(updateTrusted).mockClear();
    vi.spyOn(navigator, 'languages', 'get').mockImplementation(() => preferred);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  },
});

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
async function mount(...languages: string[]) {
  preferred = languages;
  await act(() => render(<WelcomeApp />, container));
  await settle();
}
const submit = async (form: Element) => {
  await act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await settle();
};

describe('WelcomeApp', () => {
  it('says in three lines what LoanGuard does and does not do', async () => {
    await mount('en-US');
    expect($('h1').textContent).toBe('welcome_title');
    expect($$('.welcome-promises li').map((li) => li.textContent)).toEqual(['welcome_line_warns', 'welcome_line_log', 'welcome_line_private']);
    expect($('a[data-demo-link]').getAttribute('href')).toBe('http://demo.localhost:8787/');
  });

  it.each([
    ['es-MX', 'MX'],
    ['zh-CN', 'CN'],
    ['id', 'ID'],
    ['es', ''],
  ])('pre-fills the phone region from the preferred language %s', async (language, region) => {
    await mount(language);
    expect($<HTMLSelectElement>('#welcome-region').value).toBe(region);
    // Pre-filled is not saved.
    expect((await loadSettings()).value.phoneRegion).toBe(DEFAULT_SETTINGS.phoneRegion);
  });

  it('guesses from the first preferred language only', async () => {
    await mount('es', 'en-US');
    expect($<HTMLSelectElement>('#welcome-region').value).toBe('');
  });

  it('offers a guessed region even when it is not in the usual list', async () => {
    await mount('en-GB');
    expect($<HTMLSelectElement>('#welcome-region').value).toBe('GB');
  });

  it('keeps a region chosen earlier', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, phoneRegion: 'PH' });
    await mount('es-MX');
    expect($<HTMLSelectElement>('#welcome-region').value).toBe('PH');
  });

  it('saves the region when confirmed, says so, and leaves the other settings alone', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, auditOnly: true });
    await mount('es-MX');
    const select = $<HTMLSelectElement>('#welcome-region');
    await act(() => {
      select.value = 'CO';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit($('form.welcome-region'));
    const saved = (await loadSettings()).value;
    expect(saved.phoneRegion).toBe('CO');
    expect(saved.auditOnly).toBe(true);
    expect($('[data-region-note]').textContent).toMatch(/^welcome_region_saved\(.+\)$/);
  });

  it('adds the user’s bank to the trusted list through the background and shows it', async () => {
    await mount('es-MX');
    const input = $<HTMLInputElement>('#trusted-add-site');
    await act(() => {
      input.value = 'https://www.mibanco.com.mx/login';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit($('form.trusted-form'));
    expect(updateTrusted).toHaveBeenCalledWith({ op: 'add', site: 'https://www.mibanco.com.mx/login', note: '' });
    const stored = (await fakeBrowser.storage.local.get(TRUSTED_KEY))[TRUSTED_KEY] as { sites: { site: string }[] };
    expect(stored.sites.map((entry) => entry.site)).toEqual(['mibanco.com.mx']);
    expect($('[data-trust-note]').textContent).toBe('trusted_added(mibanco.com.mx)');
    expect($$('.trusted-site').map((site) => site.textContent)).toEqual(['mibanco.com.mx']);
  });

  it('refuses a public suffix and says why, adding nothing', async () => {
    await mount('es-MX');
    const input = $<HTMLInputElement>('#trusted-add-site');
    await act(() => {
      input.value = 'com.mx';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit($('form.trusted-form'));
    expect(updateTrusted).not.toHaveBeenCalled();
    expect($('#trusted-add-error').textContent).toBe('trusted_error_public_suffix');
  });
});
