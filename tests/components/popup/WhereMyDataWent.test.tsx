// "Where my data went": one item listing every site that received it (or was stopped), the by-site
// tabs (click and arrow keys), search and filters only in a long log, the 50-group cap with "Show more",
// the data map with its table for screen readers, glanceable dates, and the report links.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { FILTERS_ABOVE, WhereMyDataWent } from '@/components/popup/WhereMyDataWent';
import type { SummaryPair } from '@/lib/log/log-summary';
import { DAY, summaryPair } from '../../helpers/summary-pair';

const NOW = Date.UTC(2026, 5, 1, 12);

const pair = (overrides: Partial<SummaryPair> = {}): SummaryPair => summaryPair(NOW, { sent: 2, ...overrides });

const PAIRS: SummaryPair[] = [
  pair(),
  pair({ site: 'xn--fsqu00a.xn--fiqs8s', pageSites: ['shop.example'], first: NOW - 3 * DAY, last: NOW - 2 * DAY, sent: 1, loanPage: false }),
  pair({ itemKey: 'id-b', kind: 'national-id', masked: '1101**********1234', first: NOW - 40 * DAY, last: NOW - 30 * DAY, sent: 1 }),
  pair({ itemKey: 'card-c', kind: 'bank-card', masked: '6222********1234', site: 'stopped.example', pageSites: ['stopped.example'], sent: 0, cancelled: 1, lastDecision: 'cancelled', first: NOW - DAY, last: NOW - DAY }),
];

/** A date this year as the component shows it (en-US, month by name), in the test machine's time zone. */
const day = (at: number) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(at);
/** A time of day as the component shows it. */
const time = (at: number) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(at);

/** Nine older phone numbers on another site: enough items for the search and filters to appear. */
const FILLER: SummaryPair[] = Array.from({ length: 9 }, (_, i) =>
  pair({ itemKey: `filler-${i}`, masked: `139****000${i}`, site: 'filler.example', pageSites: ['filler.example'], first: NOW - 200 * DAY, last: NOW - (100 + i) * DAY }),
);
const LONG_LOG = [...PAIRS, ...FILLER];


useComponentTest();


const mount = (pairs: readonly SummaryPair[]) => act(() => render(<WhereMyDataWent pairs={pairs} now={NOW} locale="en-US" />, container));
const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const click = (target: Element) => act(() => void target.dispatchEvent(new MouseEvent('click', { bubbles: true })));
const groups = () => $$('ul.groups > li.group');
const typeInto = (input: HTMLInputElement, value: string) =>
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const choose = (select: HTMLSelectElement, value: string) =>
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('WhereMyDataWent', () => {
  it('lists the phone number once, with both sites that received it, newest first', async () => {
    await mount(PAIRS);
    const phone = $('li.group[data-item="phone-a"]')!;
    expect(phone.querySelector('h3')!.textContent).toBe('kind_phone 138****8000');
    expect(phone.querySelector('.group-meta')!.textContent).toBe('popup_sentToSites(2)');
    const rows = [...phone.querySelectorAll<HTMLElement>('li.row')];
    expect(rows.map((row) => row.querySelector('.site')!.textContent)).toEqual(['例子.中国', 'kuaidai.example']);
    expect(rows[1]!.textContent).toContain(`popup_lastAt(${day(NOW - 5 * DAY)})`);
    expect(rows[1]!.textContent).toContain('popup_sentTimes(2)');
    expect(rows[1]!.textContent).toContain('popup_loanTag');
    expect(rows[0]!.textContent).toContain('popup_sentOnce');
    // Items newest first, the bank card that was only ever stopped among them, marked as stopped.
    expect(groups().map((group) => group.dataset.item)).toEqual(['card-c', 'phone-a', 'id-b']);
    const card = $('li.group[data-item="card-c"]')!;
    expect(card.querySelector('.group-meta')!.textContent).toBe('popup_neverSent');
    expect(card.querySelector('li.row')!.classList.contains('row-stopped')).toBe(true);
    expect($('.overview')!.textContent).toBe('popup_overview(2|2)');
  });

  it('links each site and the whole log to the evidence report', async () => {
    await mount(PAIRS);
    const link = $<HTMLAnchorElement>('li.row[data-site="kuaidai.example"] a.report-link')!;
    expect(link.getAttribute('href')).toMatch(/^chrome-extension:\/\/[^/]+\/report\.html\?site=kuaidai\.example$/);
    expect(link.getAttribute('aria-label')).toBe('popup_reportForSite(kuaidai.example)');
    expect(link.getAttribute('target')).toBe('_blank');
    const all = $<HTMLAnchorElement>('a.report-all')!;
    expect(all.textContent).toBe('popup_reportAll');
    expect(all.getAttribute('href')).toMatch(/\/report\.html$/);
  });

  it('switches to "By site" by click and by arrow keys, as an ARIA tablist', async () => {
    await mount(PAIRS);
    const [byItem, bySite] = $$('[role="tablist"] [role="tab"]') as [HTMLButtonElement, HTMLButtonElement];
    expect(byItem.getAttribute('aria-selected')).toBe('true');
    expect(bySite.getAttribute('tabindex')).toBe('-1');
    expect($('[role="tablist"]')!.getAttribute('aria-label')).toBe('popup_tabsLabel');

    await click(bySite);
    expect(bySite.getAttribute('aria-selected')).toBe('true');
    expect($('#where-panel-site')!.hidden).toBe(false);
    expect($('#where-panel-item')!.hidden).toBe(true);
    expect($('#where-panel-site')!.getAttribute('aria-labelledby')).toBe('where-tab-site');
    expect(groups().map((group) => group.dataset.site)).toEqual(['stopped.example', 'xn--fsqu00a.xn--fiqs8s', 'kuaidai.example']);
    expect($('li.group[data-site="stopped.example"] .group-meta')!.textContent).toContain('popup_siteNothingReceived');
    const kuaidai = $('li.group[data-site="kuaidai.example"]')!;
    expect(kuaidai.querySelector('h3')!.textContent).toBe('kuaidai.examplepopup_loanTag');
    expect(kuaidai.querySelector('.group-meta')!.textContent).toContain('popup_siteReceived(2)');
    expect([...kuaidai.querySelectorAll<HTMLElement>('li.row')].map((row) => row.dataset.item)).toEqual(['phone-a', 'id-b']);
    expect(kuaidai.querySelector('a.report-link')!.getAttribute('href')).toMatch(/report\.html\?site=kuaidai\.example$/);

    await act(() => void bySite.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(byItem.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(byItem);
    await act(() => void byItem.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(bySite.getAttribute('aria-selected')).toBe('true');
  });

  it('offers search and filters only when the log is long enough to need them', async () => {
    await mount(PAIRS);
    expect($('[role="search"]')).toBeNull();
    expect($('input[type="search"]')).toBeNull();
    render(null, container);
    await mount([...PAIRS, ...FILLER.slice(0, FILTERS_ABOVE - 3)]);
    expect($('input[type="search"]')).toBeNull();
    render(null, container);
    await mount(LONG_LOG);
    expect($('[role="search"]')!.getAttribute('aria-label')).toBe('popup_filtersLabel');
    expect($('input[type="search"]')).not.toBeNull();
  });

  it('searches sites (ASCII or Unicode) and masked values', async () => {
    await mount(LONG_LOG);
    const search = $<HTMLInputElement>('input[type="search"]')!;
    expect(container.querySelector(`label[for="${search.id}"]`)!.textContent).toBe('popup_searchLabel');
    await typeInto(search, '例子');
    expect(groups().map((group) => group.dataset.item)).toEqual(['phone-a']);
    expect($$('li.row').map((row) => row.dataset.site)).toEqual(['xn--fsqu00a.xn--fiqs8s']);
    await typeInto(search, '1101');
    expect(groups().map((group) => group.dataset.item)).toEqual(['id-b']);
    await typeInto(search, 'nothing-like-this');
    expect(groups()).toHaveLength(0);
    expect(container.textContent).toContain('popup_emptyFiltered');
    await click($('.empty button')!);
    expect(search.value).toBe('');
    expect(groups()).toHaveLength(3 + FILLER.length);
  });

  it('filters by kind and date, and carries the filter into the report links', async () => {
    await mount(LONG_LOG);
    await choose($<HTMLSelectElement>('#where-kind')!, 'national-id');
    expect(groups().map((group) => group.dataset.item)).toEqual(['id-b']);
    expect($('a.report-all')!.getAttribute('href')).toMatch(/report\.html\?kind=national-id$/);
    await choose($<HTMLSelectElement>('#where-kind')!, 'all');
    await choose($<HTMLSelectElement>('#where-range')!, 'week');
    expect(groups().map((group) => group.dataset.item)).toEqual(['card-c', 'phone-a']);
    expect($('a.report-all')!.getAttribute('href')).toContain(`since=${NOW - 7 * DAY}`);
  });

  it('hides stopped attempts in a long log when asked to', async () => {
    await mount(LONG_LOG);
    expect($('li.group[data-item="card-c"]')).not.toBeNull();
    const checkbox = $<HTMLInputElement>('.filters input[type="checkbox"]')!;
    expect(checkbox.closest('label')!.textContent).toContain('popup_showStopped');
    expect(checkbox.checked).toBe(true);
    await act(() => {
      checkbox.checked = false;
      checkbox.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect($('li.group[data-item="card-c"]')).toBeNull();
    expect($('li.group[data-item="phone-a"]')).not.toBeNull();
  });

  it('says when things happened at a glance: a time today, a month by name this year', async () => {
    const today = new Date(NOW);
    const morning = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 9, 15).getTime();
    await mount([pair({ itemKey: 'today', last: morning, first: morning - 1000 }), pair({ itemKey: 'older', site: 'b.example', last: NOW - 40 * DAY })]);
    expect($('li.group[data-item="today"] li.row')!.textContent).toContain(`popup_lastAt(when_today(${time(morning)}))`);
    expect($('li.group[data-item="older"] li.row')!.textContent).toContain(`popup_lastAt(${day(NOW - 40 * DAY)})`);
    // The exact moment stays in the markup.
    expect($('li.group[data-item="today"] time')!.getAttribute('datetime')).toBe(new Date(morning).toISOString());
  });

  it('renders the first 50 groups, then 50 more per "Show more"', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      pair({ itemKey: `item-${i}`, masked: `138****${String(i).padStart(4, '0')}`, first: NOW - (i + 1) * DAY, last: NOW - i * 60_000 }),
    );
    await mount(many);
    expect(groups()).toHaveLength(50);
    expect(groups()[0]!.dataset.item).toBe('item-0');
    const more = $<HTMLButtonElement>('button.show-more')!;
    expect(more.textContent).toBe('popup_showMore(50)');
    expect($('[role="tabpanel"]:not([hidden]) [role="status"]')!.textContent).toBe('popup_showingCount(50|120)');
    await click(more);
    expect(groups()).toHaveLength(100);
    expect($('button.show-more')!.textContent).toBe('popup_showMore(20)');
    await click($('button.show-more')!);
    expect(groups()).toHaveLength(120);
    expect($('button.show-more')).toBeNull();
    // A new filter starts from the top again.
    await typeInto($<HTMLInputElement>('input[type="search"]')!, '138');
    expect(groups()).toHaveLength(50);
  });

  it('maps each item to the sites that have it, sent or stopped, with a table for screen readers', async () => {
    await mount(PAIRS);
    const map = $('figure.data-map')!;
    expect(map.getAttribute('aria-labelledby')).toBe('data-map-caption');
    // The drawing is for eyes only …
    expect(map.querySelector('.data-map-drawing')!.getAttribute('aria-hidden')).toBe('true');
    expect([...map.querySelectorAll<HTMLElement>('.map-item')].map((node) => node.dataset.item)).toEqual(['card-c', 'phone-a', 'id-b']);
    const links = [...map.querySelectorAll<SVGPathElement>('path.map-link')].map((path) => [path.dataset.item, path.dataset.site, path.dataset.sent]);
    expect(links).toEqual([
      ['card-c', 'stopped.example', 'false'],
      ['phone-a', 'xn--fsqu00a.xn--fiqs8s', 'true'],
      ['phone-a', 'kuaidai.example', 'true'],
      ['id-b', 'kuaidai.example', 'true'],
    ]);
    expect(map.querySelector('path[data-sent="false"]')!.classList.contains('map-link-stopped')).toBe(true);
    expect(map.querySelector('.map-site[data-site="xn--fsqu00a.xn--fiqs8s"]')!.textContent).toBe('例子.中国');
    // … the table says the same in words.
    const rows = [...map.querySelectorAll('table[data-map-table] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['kind_bank_card 6222********1234', 'popup_mapNone', 'stopped.example'],
      ['kind_phone 138****8000', '例子.中国, kuaidai.example', 'popup_mapNone'],
      ['kind_national_id 1101**********1234', 'kuaidai.example', 'popup_mapNone'],
    ]);
    expect(map.querySelector('table th[scope="row"]')).not.toBeNull();
  });

  it('names SMS codes by their kind alone, never as a row of stars', async () => {
    await mount([pair({ itemKey: 'otp:codes', kind: 'otp', masked: '******' })]);
    expect($('.map-item')!.textContent).toBe('kind_otp');
    expect($('li.group h3')!.textContent).toBe('kind_otp ');
    expect(container.textContent).not.toContain('******');
  });

  it('explains what will appear when the log is empty', async () => {
    await mount([]);
    expect(container.textContent).toContain('popup_whereHeading');
    expect(container.textContent).toContain('popup_emptyLog');
    expect($('svg')).toBeNull();
    expect($('figure.data-map')).toBeNull();
    expect($('[role="tablist"]')).toBeNull();
  });

  it('shows the first five sites of an item, and all of them on request', async () => {
    const sites = Array.from({ length: 8 }, (_, i) => pair({ site: `lender${i}.example`, last: NOW - (i + 1) * DAY }));
    await mount(sites);
    const rows = () => $$('#where-panel-item li.group li.row').map((row) => row.dataset.site);
    expect(rows()).toEqual(['lender0.example', 'lender1.example', 'lender2.example', 'lender3.example', 'lender4.example']);
    const more = $('#where-panel-item button.show-all')!;
    expect(more.textContent).toBe('popup_showAllRows(8)');
    await click(more);
    expect(rows()).toHaveLength(8);
    expect($('#where-panel-item button.show-all')).toBeNull();
  });
});

