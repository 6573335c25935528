// The "Help after a leak" view: lists only sites that received data, follows the chosen site, calls
// back for the evidence report, switches reporting channels by country, and keeps ticks per site.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { LeakHelp } from '@/components/options/LeakHelp';
import type { SummaryPair } from '@/lib/log/log-summary';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 1, 12);

function pair(site: string, kind: SummaryPair['kind'], masked: string, sent: number, cancelled = 0): SummaryPair {
  return {
    itemKey: `${kind}:${masked}:${site}`,
    kind,
    masked,
    site,
    pageSites: [site],
    first: T0,
    last: T0 + (sent > 1 ? 3 * DAY : 0),
    sent,
    cancelled,
    lastDecision: sent > 0 ? 'sent-once' : 'cancelled',
    loanPage: true,
  };
}

const PAIRS: SummaryPair[] = [
  pair('kuaidai.example', 'phone', '138****8000', 2),
  pair('kuaidai.example', 'national-id', '1101**********1234', 1),
  pair('xn--nwq620m.example', 'bank-card', '6222 **** **** 1234', 1),
  pair('xn--nwq620m.example', 'phone', '138****8000', 0, 1),
  pair('stopped.example', 'otp', '12****', 0, 3),
  pair('prestamo.com.mx', 'otp', '45****', 1),
];

let uiLanguage = 'zh-CN';

useComponentTest({
  setup: () => {
    uiLanguage = 'zh-CN';
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => uiLanguage);
  },
});


async function mount(props: { pairs?: SummaryPair[]; initialSite?: string; onOpenReport?: (site: string) => void } = {}) {
  const onOpenReport = props.onOpenReport ?? vi.fn();
  await act(() =>
    render(<LeakHelp pairs={props.pairs ?? PAIRS} initialSite={props.initialSite} onOpenReport={onOpenReport} />, container),
  );
  return onOpenReport;
}

const q = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const qa = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const siteSelect = () => q<HTMLSelectElement>('select#leak-site');
const countrySelect = () => q<HTMLSelectElement>('select#leak-country')!;
const receivedKinds = () => qa('.leak-received > li').map((li) => li.dataset.kind);
const steps = () => qa('.leak-checklist > li').map((li) => li.dataset.step);
const channels = () => qa('.leak-channels > li').map((li) => li.dataset.channel);
const choose = (select: HTMLSelectElement, value: string) =>
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
const click = (target: HTMLElement) => act(() => void target.dispatchEvent(new MouseEvent('click', { bubbles: true })));

describe('LeakHelp', () => {
  it('lists only the sites that received data, by their Unicode names, with a label', async () => {
    await mount();
    const select = siteSelect()!;
    expect([...select.options].map((option) => option.value).sort()).toEqual(
      ['kuaidai.example', 'prestamo.com.mx', 'xn--nwq620m.example'].sort(),
    );
    expect([...select.options].map((option) => option.textContent)).toContain('借贷.example');
    expect(container.textContent).not.toContain('stopped.example');
    expect(q('label[for="leak-site"]')?.textContent).toBe('leak_site_label');
  });

  it('shows what the chosen site received: kind, masked value, dates and count', async () => {
    await mount({ initialSite: 'kuaidai.example' });
    expect(siteSelect()!.value).toBe('kuaidai.example');
    expect(q('h3#leak-received-heading')?.textContent).toBe('leak_received_heading(kuaidai.example)');
    expect(receivedKinds()).toEqual(['phone', 'national-id']);
    const phone = qa('.leak-received > li')[0]!;
    expect(phone.textContent).toContain('kind_phone');
    expect(phone.textContent).toContain('138****8000');
    expect(phone.textContent).toContain('leak_item_times(2)');
    expect(phone.textContent).toMatch(/leak_item_dates\(.+\|.+\)/);
    expect(qa('.leak-received > li')[1]!.textContent).toMatch(/leak_item_date\(.+\)/);
  });

  it('switching site changes the received list and the checklist', async () => {
    await mount({ initialSite: 'kuaidai.example' });
    expect(steps()).toContain('identity');
    expect(steps()).toContain('phone');
    expect(steps()).not.toContain('bank');

    await choose(siteSelect()!, 'xn--nwq620m.example');
    expect(q('h3#leak-received-heading')?.textContent).toBe('leak_received_heading(借贷.example)');
    // The cancelled phone number never left, so it is not listed.
    expect(receivedKinds()).toEqual(['bank-card']);
    expect(steps()[0]).toBe('bank');
    expect(steps()).not.toContain('identity');
    expect(steps()).toContain('codes');
  });

  it('the report button calls back with the chosen site', async () => {
    const onOpenReport = await mount({ initialSite: 'kuaidai.example' });
    const button = q<HTMLButtonElement>('button.leak-report-button')!;
    expect(button.textContent).toBe('leak_open_report');
    await click(button);
    expect(onOpenReport).toHaveBeenCalledWith('kuaidai.example');

    await choose(siteSelect()!, 'xn--nwq620m.example');
    await click(q<HTMLButtonElement>('button.leak-report-button')!);
    expect(onOpenReport).toHaveBeenLastCalledWith('xn--nwq620m.example');
  });

  it('defaults the country from the UI language, and switching country changes the channels', async () => {
    await mount({ initialSite: 'kuaidai.example' });
    expect(countrySelect().value).toBe('CN');
    expect(channels()).toContain('cn-12321');
    expect(container.textContent).toContain('leak_channel_website(12321.cn)');
    expect(container.textContent).toContain('国家金融监督管理总局');

    await choose(countrySelect(), 'IN');
    expect(channels()).toContain('in-cybercrime');
    expect(channels()).not.toContain('cn-12321');
    expect(container.textContent).toContain('leak_channel_phone(1930)');

    await choose(countrySelect(), 'other');
    expect(channels()).toEqual(['other-regulator', 'other-privacy', 'other-police', 'other-credit', 'other-spam']);
    expect(container.textContent).toContain('leak_generic_police_name');
  });

  it("prefers the site's country TLD, until the user picks a country", async () => {
    uiLanguage = 'en-US';
    await mount({ initialSite: 'prestamo.com.mx' });
    expect(countrySelect().value).toBe('MX');
    expect(channels()).toContain('mx-condusef');
    expect(steps()).toContain('otp');

    await choose(siteSelect()!, 'kuaidai.example');
    expect(countrySelect().value).toBe('other');

    await choose(countrySelect(), 'PH');
    await choose(siteSelect()!, 'prestamo.com.mx');
    expect(countrySelect().value).toBe('PH');
    expect(channels()).toContain('ph-cicc');
  });

  it('ticks steps in memory, per site, and reports progress', async () => {
    await mount({ initialSite: 'kuaidai.example' });
    const total = steps().length;
    expect(q('[role="status"]')?.textContent).toBe(`leak_checklist_progress(0|${total})`);
    const box = q<HTMLInputElement>('input#leak-step-codes')!;
    expect(q('label[for="leak-step-codes"]')?.textContent).toBe('leak_step_codes_title');
    expect(box.getAttribute('aria-describedby')).toBe('leak-step-codes-body');
    await click(box);
    expect(q<HTMLInputElement>('input#leak-step-codes')!.checked).toBe(true);
    expect(q('[role="status"]')?.textContent).toBe(`leak_checklist_progress(1|${total})`);

    await choose(siteSelect()!, 'xn--nwq620m.example');
    expect(q<HTMLInputElement>('input#leak-step-codes')!.checked).toBe(false);
    await choose(siteSelect()!, 'kuaidai.example');
    expect(q<HTMLInputElement>('input#leak-step-codes')!.checked).toBe(true);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('with no site that received data explains so and shows the general checklist', async () => {
    const onOpenReport = await mount({ pairs: [pair('stopped.example', 'otp', '12****', 0, 3)] });
    expect(container.textContent).toContain('leak_no_sites');
    expect(siteSelect()).toBeNull();
    expect(q('button.leak-report-button')).toBeNull();
    expect(steps()).toEqual(['passwords', 'codes', 'report', 'delete', 'credit', 'contacts', 'scams']);
    expect(countrySelect().value).toBe('CN');
    expect(channels().length).toBeGreaterThanOrEqual(3);
    expect(onOpenReport).not.toHaveBeenCalled();
  });

  it('is structured with a section heading, headings per part, and an ordered checklist', async () => {
    await mount();
    expect(q('section[aria-labelledby="leak-heading"] > h2#leak-heading')?.textContent).toBe('leak_heading');
    expect(qa('h3').map((h) => h.id)).toEqual(['leak-received-heading', 'leak-checklist-heading', 'leak-where-heading', 'idmark-heading']);
    expect(q('ol.leak-checklist')).not.toBeNull();
    expect(q('label[for="leak-country"]')?.textContent).toBe('leak_country_label');
    // Official names carry their language for screen readers.
    await choose(countrySelect(), 'CN');
    expect(q('[data-channel="cn-nfra"] .leak-channel-name')?.getAttribute('lang')).toBe('zh-CN');
  });

  it('falls back gracefully when the UI language is unavailable', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => {
      throw new Error('not implemented');
    });
    await mount({ initialSite: 'kuaidai.example' });
    expect(countrySelect().value).toBe('other');
    expect(receivedKinds()).toEqual(['phone', 'national-id']);
  });
});
