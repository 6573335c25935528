// "This site" in the popup: trusted / not trusted, one-click Trust and Stop trusting through
// updateTrusted (mocked), errors as a status message, non-web pages, what the site received; and the
// whole PopupApp on a seeded fake-indexeddb log (summary first, damaged-summary fallback, notices).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { ThisSite } from '@/components/popup/ThisSite';
import { loadSiteIdentity } from '@/components/popup/site-identity-lazy';
import { PopupApp, POPUP_RENDERED_MARK } from '@/components/popup/PopupApp';
import { updateTrusted, quarantineLogEntries } from '@/lib/messages/write-requests';
import { appendEvents, openLogDb } from '@/lib/log/log-store';
import type { SummaryPair } from '@/lib/log/log-summary';
import { DAY, summaryPair } from '../../helpers/summary-pair';
import type { ShareEvent } from '@/lib/log/share-event';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import { TRUSTED_KEY } from '@/lib/trust/trusted-list';

vi.mock('@/lib/messages/write-requests', () => ({
  updateTrusted: vi.fn(),
  quarantineLogEntries: vi.fn(async () => ({ ok: true })),
  deleteFromLog: vi.fn(),
  clearLogQuarantine: vi.fn(),
}));

const NOW = Date.UTC(2026, 5, 1, 12);

const verdict = (url: string, isLoanPage = true): TabVerdict => ({
  tabId: 5,
  url,
  title: 'Borrow now',
  site: 'kuaidai.example',
  siteDisplay: 'kuaidai.example',
  loan: { isLoanPage, score: 4.5, reasons: [{ code: 'title_keyword', detail: '借款', weight: 2 }] },
  fields: [],
  updatedAt: NOW,
});

const pair = (overrides: Partial<SummaryPair> = {}): SummaryPair => summaryPair(NOW, { ...overrides });

const trustSites = (...sites: string[]) =>
  fakeBrowser.storage.local.set({ [TRUSTED_KEY]: { version: 1, sites: sites.map((site) => ({ site, addedAt: 1, note: '' })) } });

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const click = (target: Element) => act(() => void target.dispatchEvent(new MouseEvent('click', { bubbles: true })));
/** Let storage reads, IndexedDB and the renders they cause finish. */
const settle = async (rounds = 30) => {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
};

useComponentTest({
  setup: () => {
    vi.mocked(updateTrusted).mockReset();
    vi.mocked(quarantineLogEntries).mockClear();
  },
});


async function mountSite(props: { verdict?: TabVerdict | null; url?: string; pairs?: readonly SummaryPair[] | null }) {
  await act(() => render(<ThisSite verdict={props.verdict ?? null} url={props.url} pairs={props.pairs === undefined ? [] : props.pairs} locale="en-US" />, container));
  await settle(5);
}

const trustButton = () => $<HTMLButtonElement>('button.trust-button')!;


// The popup loads the site helpers with the tab's details; a bare ThisSite needs them loaded first.
beforeAll(() => loadSiteIdentity());

describe('ThisSite', () => {
  it('shows an untrusted loan site with the reasons, and trusts it in one click', async () => {
    vi.mocked(updateTrusted).mockResolvedValue({ ok: true });
    await mountSite({ verdict: verdict('https://m.kuaidai.example/apply') });
    expect($('.site-name')!.textContent).toBe('kuaidai.example');
    expect($('[data-verdict="loan"]')!.textContent).toContain('verdictLoan');
    expect($$('ul.reasons li').map((li) => li.textContent)).toEqual(['reason_title_keyword(借款)']);
    expect($('.trust')!.dataset.trusted).toBe('false');
    expect($('.trust-state')!.textContent).toBe('popup_notTrusted');
    expect(trustButton().textContent).toBe('popup_trustButton');

    await click(trustButton());
    await settle(5);
    expect(updateTrusted).toHaveBeenCalledTimes(1);
    expect(updateTrusted).toHaveBeenCalledWith({ op: 'add', site: 'kuaidai.example', note: '' });
    expect($('.trust')!.dataset.trusted).toBe('true');
    expect(trustButton().textContent).toBe('popup_untrustButton');
    expect($('.trust [role="status"]')!.textContent).toBe('popup_trustAdded(kuaidai.example)');
  });

  it('says in plain words what the page asks for, with the reasons behind "Why?" and no raw score', async () => {
    const fields: TabVerdict['fields'] = [
      { frameUrl: 'https://m.kuaidai.example/apply', selector: '#phone', kind: 'phone', confidence: 0.9, reasons: [] },
      { frameUrl: 'https://m.kuaidai.example/apply', selector: '#id', kind: 'national-id', country: 'CN', confidence: 0.95, reasons: [] },
      { frameUrl: 'https://m.kuaidai.example/apply', selector: '#id2', kind: 'national-id', confidence: 0.5, reasons: [] },
    ];
    await mountSite({ verdict: { ...verdict('https://m.kuaidai.example/apply'), fields } });
    const status = $('[data-verdict="loan"]')!;
    expect(status.querySelector('.verdict-asks')!.textContent).toBe('popup_pageAsksFor(kind_national_id and kind_phone)');
    const why = status.querySelector('details.why')!;
    expect(why.querySelector('summary')!.textContent).toBe('popup_why');
    expect(why.hasAttribute('open')).toBe(false);
    expect(why.querySelector('ul.reasons')).not.toBeNull();
    expect(container.textContent).not.toMatch(/score|4\.5/);
  });

  it('shows a trusted site (trusted by its registrable domain) and stops trusting it', async () => {
    await trustSites('kuaidai.example');
    vi.mocked(updateTrusted).mockResolvedValue({ ok: true });
    await mountSite({ verdict: verdict('https://m.kuaidai.example/apply', false) });
    expect($('[data-verdict="not-loan"]')!.textContent).toContain('verdictNotLoan');
    expect($('.trust')!.dataset.trusted).toBe('true');
    expect($('.trust-state')!.textContent).toBe('popup_trusted');
    expect(trustButton().textContent).toBe('popup_untrustButton');

    await click(trustButton());
    await settle(5);
    expect(updateTrusted).toHaveBeenCalledWith({ op: 'remove', site: 'kuaidai.example' });
    expect(trustButton().textContent).toBe('popup_trustButton');
    expect($('.trust [role="status"]')!.textContent).toBe('popup_trustRemoved(kuaidai.example)');
  });

  it('keeps the old state and says so when the background refuses', async () => {
    vi.mocked(updateTrusted).mockResolvedValue({ ok: false, error: 'writeFailed' });
    await mountSite({ url: 'https://kuaidai.example/' });
    await click(trustButton());
    await settle(5);
    expect(trustButton().textContent).toBe('popup_trustButton');
    expect($('.trust')!.dataset.trusted).toBe('false');
    const status = $('.trust [role="status"]')!;
    expect(status.textContent).toBe('popup_trustError');
    expect(status.classList.contains('note-error')).toBe(true);
    expect(trustButton().disabled).toBe(false);
  });

  it('shows the Unicode name of an IDN site and trusts its ASCII form', async () => {
    vi.mocked(updateTrusted).mockResolvedValue({ ok: true });
    await mountSite({ url: 'https://www.xn--fsqu00a.xn--fiqs8s/' });
    expect($('.site-name')!.textContent).toBe('例子.中国');
    expect($('.this-site')!.textContent).toContain('popup_notChecked');
    await click(trustButton());
    expect(updateTrusted).toHaveBeenCalledWith({ op: 'add', site: 'xn--fsqu00a.xn--fiqs8s', note: '' });
  });

  it.each([['chrome://newtab/'], ['chrome-extension://abcdef/options.html'], ['about:blank'], [undefined]])(
    'says LoanGuard does not check %s',
    async (url) => {
      await mountSite({ url });
      expect($('.this-site')!.textContent).toContain('popup_notWebPage');
      expect($('button.trust-button')).toBeNull();
    },
  );

  it('lists what this site received or what was typed on it, sent or stopped', async () => {
    const pairs = [
      pair(),
      pair({ itemKey: 'id-b', kind: 'national-id', masked: '1101**********1234', sent: 0, cancelled: 2, lastDecision: 'cancelled', last: NOW - DAY }),
      pair({ itemKey: 'card-c', kind: 'bank-card', masked: '6222********1234', site: 'tracker.example', last: NOW - 2 * DAY }),
      pair({ itemKey: 'other', site: 'elsewhere.example', pageSites: ['elsewhere.example'] }),
    ];
    await mountSite({ url: 'https://kuaidai.example/', pairs });
    const rows = $$('ul.shared li.row');
    expect(rows.map((row) => row.dataset.item)).toEqual(['id-b', 'card-c', 'phone-a']);
    expect(rows[0]!.textContent).toContain('kind_national_id 1101**********1234');
    expect(rows[0]!.querySelector('.badge')!.textContent).toBe('popup_statusStopped');
    expect(rows[0]!.textContent).toContain('popup_stoppedTimes(2)');
    expect(rows[1]!.textContent).toContain('popup_typedHereSentTo(tracker.example)');
    expect(rows[2]!.querySelector('.badge')!.textContent).toBe('popup_statusSent');
    expect(rows[2]!.textContent).toContain('kind_phone 138****8000');
  });

  it('says when nothing was shared, and waits for the log', async () => {
    await mountSite({ url: 'https://new.example/', pairs: [pair()] });
    expect($('.this-site')!.textContent).toContain('popup_sharedNone');
    render(null, container);
    await mountSite({ url: 'https://new.example/', pairs: null });
    expect($('.this-site')!.textContent).toContain('loading');
  });
});

// ---------------------------------------------------------------------------------------------
// The whole popup on a seeded log.

const FINGERPRINT = 'a'.repeat(64);
function event(id: string, overrides: Partial<ShareEvent> = {}): ShareEvent {
  return {
    version: 2,
    id,
    at: NOW - DAY,
    decision: 'sent-once',
    route: 'form',
    pageUrl: 'https://kuaidai.example/apply',
    pageTitle: 'Apply',
    pageSite: 'kuaidai.example',
    destinationSites: ['kuaidai.example'],
    isLoanPage: true,
    kind: 'phone',
    masked: '138****8000',
    fingerprint: FINGERPRINT,
    ...overrides,
  };
}

async function seededDb(damage: { summary?: boolean; unreadable?: boolean; quarantine?: boolean } = {}): Promise<IDBDatabase> {
  const db = await openLogDb(new IDBFactory());
  await appendEvents(db, [event('hold_aaaaaaaa-0'), event('hold_bbbbbbbb-0', { destinationSites: ['loans.example'], pageSite: 'loans.example', at: NOW - 2 * DAY })]);
  const put = (store: string, value: unknown, key?: IDBValidKey) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  if (damage.summary) await put('meta', { version: 99 }, 'summary');
  if (damage.unreadable) await put('events', { id: 'garbage-entry-1', junk: true });
  if (damage.quarantine) await put('quarantine', { at: 1, reason: 'test', raw: 'x' });
  return db;
}

function answerVerdict(value: TabVerdict | null) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) =>
    message.type === 'get-tab-verdict' ? value : undefined) as never);
}

describe('PopupApp', () => {
  it('shows this site and where the phone number went, and marks the first render', async () => {
    answerVerdict(verdict('https://kuaidai.example/apply'));
    const db = await seededDb();
    performance.clearMarks(POPUP_RENDERED_MARK);
    await act(() => render(<PopupApp db={async () => db} search="?tab=5" />, container));
    await settle();
    expect($('h1')!.textContent).toBe('extName');
    expect($('.site-name')!.textContent).toBe('kuaidai.example');
    expect($$('ul.shared li.row').map((row) => row.dataset.item)).toEqual([FINGERPRINT]);
    const phone = $(`li.group[data-item="${FINGERPRINT}"]`)!;
    expect(phone.querySelector('.group-meta')!.textContent).toBe('popup_sentToSites(2)');
    expect([...phone.querySelectorAll<HTMLElement>('li.row')].map((row) => row.dataset.site)).toEqual(['kuaidai.example', 'loans.example']);
    expect(performance.getEntriesByName(POPUP_RENDERED_MARK)).toHaveLength(1);
    expect($('.notice')).toBeNull();
    const footer = $$('.popup-footer a').map((a) => [a.textContent, a.getAttribute('href')!.replace(/^chrome-extension:\/\/[^/]+\//, '')]);
    expect(footer).toEqual([
      ['popup_footerSettings', 'options.html'],
      ['popup_footerHelp', 'options.html#help'],
      ['popup_footerReport', 'report.html'],
    ]);
  });

  it('rebuilds a damaged summary from the events, sets unreadable entries aside and says so', async () => {
    answerVerdict(null);
    const db = await seededDb({ summary: true, unreadable: true, quarantine: true });
    await act(() => render(<PopupApp db={async () => db} search="?tab=5" />, container));
    await settle();
    expect(container.textContent).toContain('popup_summaryRebuilt');
    expect(quarantineLogEntries).toHaveBeenCalledWith(['garbage-entry-1']);
    expect($('.notice-warn')!.textContent).toContain('popup_quarantineNotice(2)');
    expect($(`li.group[data-item="${FINGERPRINT}"] .group-meta`)!.textContent).toBe('popup_sentToSites(2)');
    // No verdict and no known URL: not a page LoanGuard checks.
    expect($('.this-site')!.textContent).toContain('popup_notWebPage');
  });

  it('names the site of any web page from the active tab, also when no field on it was checked', async () => {
    answerVerdict(null);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://news.example/story?id=1' } as never]);
    const db = await seededDb();
    await act(() => render(<PopupApp db={async () => db} search="" />, container));
    await settle();
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect($('.site-name')!.textContent).toBe('news.example');
    expect($('[data-verdict="unchecked"]')!.textContent).toBe('popup_notChecked');
    expect($('.this-site')!.textContent).not.toContain('popup_notWebPage');
    expect(trustButton().textContent).toBe('popup_trustButton');
  });

  it('shows an error instead of the list when the log cannot be opened', async () => {
    answerVerdict(null);
    await act(() => render(<PopupApp db={() => Promise.reject(new Error('no idb'))} search="?tab=5" />, container));
    await settle(10);
    expect($('[role="alert"]')!.textContent).toBe('popup_logLoadError');
    // "This site" waits for the log's summary, and still comes when the log fails.
    expect($('.this-site')!.getAttribute('aria-busy')).toBeNull();
    expect($('.this-site')!.textContent).toContain('popup_notWebPage');
  });
});
