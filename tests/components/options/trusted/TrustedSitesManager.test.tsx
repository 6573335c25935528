// The options page's trusted-platform section, rendered with fakeBrowser storage: list display, add
// (with a refused domain keeping the typed text), remove, notes, import refusals, export links and sync.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../../helpers/render';
import { TrustedSitesManager } from '@/components/options/trusted/TrustedSitesManager';
import { updateTrusted } from '@/lib/messages/write-requests';
import { DEFAULT_SETTINGS, loadSettings } from '@/lib/settings/settings';
import { SYNC_STATUS_KEY } from '@/lib/trust/trusted-sync';
import { saveTrustedList, TRUSTED_KEY } from '@/lib/trust/trusted-list';

// No background in unit tests: the page's write goes straight to the writer it would reach.
vi.mock('@/lib/messages/write-requests', async () => {
  const { applyTrustedOp } = await import('@/lib/trust/trusted-writer');
  return { updateTrusted: vi.fn((change: Parameters<typeof applyTrustedOp>[0]) => applyTrustedOp(change, Date.now())) };
});

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const stored = async () => (await fakeBrowser.storage.local.get(TRUSTED_KEY))[TRUSTED_KEY];
const storedSites = async () => ((await stored()) as { sites: Array<{ site: string; note: string }> }).sites;

const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
async function type(selector: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(target: HTMLElement) {
  await act(() => void target.click());
  await settle();
}
async function submitAdd() {
  await act(() => void $('form.trusted-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await settle();
}
async function mount() {
  await act(() => render(<TrustedSitesManager />, container));
  await settle();
}

useComponentTest({
  setup: async () => {
    vi.mocked(updateTrusted).mockClear();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    await saveTrustedList({
      version: 1,
      sites: [
        { site: 'example.com', addedAt: 1, note: 'my bank' },
        { site: 'xn--fsqu00a.xn--fiqs8s', addedAt: 2, note: '' },
        { site: 'other.org', addedAt: 3, note: '' },
      ],
    });
  },
});


describe('TrustedSitesManager', () => {
  it('lists the sites in Unicode with the ASCII form alongside, each with labelled controls', async () => {
    await mount();
    expect($$('.trusted-site').map((site) => site.textContent)).toEqual(['example.com', '例子.中国', 'other.org']);
    expect($$('.trusted-site')[1]!.getAttribute('title')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect($$('.trusted-site')[0]!.hasAttribute('title')).toBe(false);
    expect($$('button[data-remove]').map((button) => button.getAttribute('aria-label'))).toEqual([
      'trusted_remove_label(example.com)',
      'trusted_remove_label(例子.中国)',
      'trusted_remove_label(other.org)',
    ]);
    const note = $<HTMLInputElement>('#trusted-note-0');
    expect(note.value).toBe('my bank');
    expect($(`label[for="${note.id}"]`).textContent).toBe('trusted_note_for(example.com)');
    expect($('label[for="trusted-add-site"]').textContent).toBe('trusted_add_label');
  });

  it('shows a bad domain’s problem next to the field, keeps the text and changes nothing', async () => {
    await mount();
    const before = await stored();
    await type('#trusted-add-site', 'not a domain');
    await submitAdd();
    const input = $<HTMLInputElement>('#trusted-add-site');
    expect(input.value).toBe('not a domain');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')!.split(' ')).toContain('trusted-add-error');
    expect($('#trusted-add-error').textContent).toBe('trusted_error_spaces');
    expect(document.activeElement).toBe(input);
    expect(await stored()).toEqual(before);

    await type('#trusted-add-site', 'co.uk');
    await submitAdd();
    expect($('#trusted-add-error').textContent).toBe('trusted_error_public_suffix');
    expect(await stored()).toEqual(before);
  });

  it('adds a site with a note through the background and shows it', async () => {
    await mount();
    await type('#trusted-add-site', 'https://www.newbank.com.mx/login');
    await type('#trusted-add-note', 'salary');
    await submitAdd();
    expect(vi.mocked(updateTrusted)).toHaveBeenCalledWith({ op: 'add', site: 'https://www.newbank.com.mx/login', note: 'salary' });
    expect((await storedSites()).at(-1)).toMatchObject({ site: 'newbank.com.mx', note: 'salary' });
    expect($<HTMLInputElement>('#trusted-add-site').value).toBe('');
    expect($<HTMLInputElement>('#trusted-add-site').hasAttribute('aria-invalid')).toBe(false);
    expect($$('.trusted-site').map((site) => site.textContent)).toContain('newbank.com.mx');
    expect($('[role="status"]').textContent).toBe('trusted_added(newbank.com.mx)');
  });

  it('removes a site and moves focus to the next Remove button', async () => {
    await mount();
    await click($$('button[data-remove]')[1]!);
    expect((await storedSites()).map((entry) => entry.site)).toEqual(['example.com', 'other.org']);
    expect($$('.trusted-site').map((site) => site.textContent)).toEqual(['example.com', 'other.org']);
    expect(document.activeElement).toBe($('button[data-remove="other.org"]'));
  });

  it('saves an edited note on Enter and on blur', async () => {
    await mount();
    await type('#trusted-note-2', '  work  ');
    await act(() => void $('#trusted-note-2').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await settle();
    expect((await storedSites())[2]).toMatchObject({ site: 'other.org', note: 'work' });
    await type('#trusted-note-0', '');
    await act(() => void $('#trusted-note-0').dispatchEvent(new FocusEvent('blur')));
    await settle();
    expect((await storedSites())[0]).toMatchObject({ site: 'example.com', note: '' });
  });

  it('shows every problem of a malformed import in an alert and changes nothing', async () => {
    await mount();
    const before = await stored();
    await type('#trusted-import-text', 'good.com\nnot a domain\n\nftp://files.example.com\n');
    await click($('#trusted-import-button'));
    const items = $$('[role="alert"] li').map((item) => item.textContent);
    expect(items).toEqual([
      'trusted_import_problem_at(trusted_import_where_line(2)|not a domain|trusted_error_spaces)',
      'trusted_import_problem_at(trusted_import_where_line(4)|ftp://files.example.com|trusted_error_scheme)',
    ]);
    expect(vi.mocked(updateTrusted)).not.toHaveBeenCalled();
    expect(await stored()).toEqual(before);
    // The pasted text stays for fixing.
    expect($<HTMLTextAreaElement>('#trusted-import-text').value).toContain('not a domain');
  });

  it('refuses wrong-shaped JSON and an oversized file the same way', async () => {
    await mount();
    const before = await stored();
    await type('#trusted-import-text', '{"version": 2, "sites": []}');
    await click($('#trusted-import-button'));
    expect($$('[role="alert"] li').map((item) => item.textContent)).toEqual(['trusted_import_problem_at(version|2|trusted_import_bad_version)']);

    const input = $<HTMLInputElement>('#trusted-import-file');
    const big = new File(['x'.repeat(1024 * 1024 + 10)], 'huge.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [big], configurable: true });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect($$('[role="alert"] li').map((item) => item.textContent)).toEqual(['trusted_import_too_big']);
    expect(await stored()).toEqual(before);
  });

  it('loads a file into the text box, then merges or replaces on Import', async () => {
    await mount();
    const input = $<HTMLInputElement>('#trusted-import-file');
    const file = new File(['["example.com", {"site": "fresh.net", "note": "from file"}]'], 'list.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect($<HTMLTextAreaElement>('#trusted-import-text').value).toContain('fresh.net');
    await click($('#trusted-import-button'));
    expect((await storedSites()).map((entry) => entry.site)).toEqual(['example.com', 'xn--fsqu00a.xn--fiqs8s', 'other.org', 'fresh.net']);
    expect($('[role="status"]').textContent).toBe('trusted_import_merged(1)');

    await type('#trusted-import-text', 'only.org\n');
    await click($<HTMLInputElement>('input[name="trusted-import-mode"][value="replace"]'));
    await click($('#trusted-import-button'));
    expect((await storedSites()).map((entry) => entry.site)).toEqual(['only.org']);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('offers JSON and text downloads through Blob URLs', async () => {
    await mount();
    const links = $$('a[download]');
    expect(links.map((link) => link.getAttribute('download'))).toEqual(['loanguard-trusted-sites.json', 'loanguard-trusted-sites.txt']);
    expect(links.every((link) => link.getAttribute('href')!.startsWith('blob:'))).toBe(true);
  });

  it('binds the sync checkbox to settings.syncTrusted and shows the last sync outcome', async () => {
    await fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: { at: 1_700_000_000_000, ok: false, error: 'trusted_sync_too_large' } });
    await mount();
    const box = $<HTMLInputElement>('#trusted-sync');
    expect(box.checked).toBe(false);
    expect($('#trusted-sync-status').textContent).toMatch(/^trusted_sync_last_error\(.+\|trusted_sync_too_large\)$/);
    expect($('#trusted-sync-status').className).toContain('status-warn');
    await click(box);
    expect((await loadSettings()).value).toEqual({ ...DEFAULT_SETTINGS, syncTrusted: true });
    expect(box.checked).toBe(true);
    await act(() => fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: { at: 1_700_000_000_500, ok: true } }));
    await settle();
    expect($('#trusted-sync-status').className).toContain('status-ok');
  });

  it('offers no sync on Android, where storage.sync keeps data on the device without syncing it', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'android', arch: 'arm64' } as never);
    await mount();
    expect(container.querySelector('#trusted-sync')).toBeNull();
    expect($$('.trusted-site')).toHaveLength(3);
  });

  it('follows changes made elsewhere (another page, sync)', async () => {
    await mount();
    await act(() => saveTrustedList({ version: 1, sites: [{ site: 'elsewhere.com', addedAt: 9, note: '' }] }));
    await settle();
    expect($$('.trusted-site').map((site) => site.textContent)).toEqual(['elsewhere.com']);
  });
});
