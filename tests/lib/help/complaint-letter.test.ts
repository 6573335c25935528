// Complaint letters from the log: the facts (pages, dates, what was received and what was stopped),
// the platform letter's requests and the office letter's addressee for every reporting country, in
// each UI language from the real locale files, with nothing left unfilled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { complaintLetter, letterDates, letterFacts, letterOffices, type Lookup } from '@/lib/help/complaint-letter';
import { OTHER_COUNTRY, REPORTING_COUNTRIES } from '@/lib/help/leak-help';
import { formatMessage, messagesFileSchema } from '@/lib/locale/i18n-format';
import { shareEventAt } from '../../helpers/share-event-factory';

const root = path.resolve(__dirname, '../../..');
const LANGS = { en: 'en', zh_CN: 'zh-CN', es: 'es', id: 'id' } as const;
const lookupFor = (lang: keyof typeof LANGS): Lookup => {
  const messages = messagesFileSchema.parse(JSON.parse(readFileSync(path.join(root, 'public/_locales', lang, 'messages.json'), 'utf8')));
  return (key, subs) => formatMessage(messages, key, subs) || `<<missing ${key}>>`;
};

const T0 = Date.UTC(2026, 4, 3, 6, 5);
const DAY = 86_400_000;
const site = 'kuaidai.example';
const events = [
  shareEventAt(T0, { destinationSites: [site], pageUrl: 'https://kuaidai.example/register', pageTitle: '快贷 注册', isLoanPage: true }),
  shareEventAt(T0 + 2 * DAY, { destinationSites: [site], pageUrl: 'https://kuaidai.example/register', pageTitle: '快贷 注册' }),
  shareEventAt(T0 + 2 * DAY + 60_000, {
    destinationSites: [site, 'tracker.example'],
    pageUrl: 'https://kuaidai.example/idcard',
    pageTitle: '实名认证',
    kind: 'national-id',
    masked: '1101**********002X',
    fingerprint: 'b'.repeat(64), // fingerprints are per kind (the factory's default is the phone's)
    decision: 'cancelled',
  }),
  shareEventAt(T0 + DAY, { destinationSites: [site], kind: 'otp', masked: '12****', decision: 'audit-only', pageUrl: 'https://kuaidai.example/sms' }),
  shareEventAt(T0, { destinationSites: ['other.example'], kind: 'bank-card', masked: '6222 **** **** 1234', fingerprint: 'c'.repeat(64) }),
];
const dates = letterDates('en', 'UTC');

describe('letterFacts', () => {
  const facts = letterFacts(events, site)!;

  it('keeps only what reached or tried to reach the site, newest first', () => {
    expect(facts.rows).toHaveLength(4);
    expect(facts.rows.map((row) => row.at)).toEqual([...facts.rows.map((row) => row.at)].sort((a, b) => b - a));
    expect(facts.first).toBe(T0);
    expect(facts.last).toBe(T0 + 2 * DAY + 60_000);
    expect(facts.loanPage).toBe(true);
    expect(facts.pages.map((page) => page.url)).toEqual(['https://kuaidai.example/idcard', 'https://kuaidai.example/register', 'https://kuaidai.example/sms']);
  });

  it('counts sent and stopped per item; SMS codes carry no masked value', () => {
    const phone = facts.items.find((item) => item.kind === 'phone')!;
    expect([phone.sent, phone.stopped]).toEqual([2, 0]);
    const id = facts.items.find((item) => item.kind === 'national-id')!;
    expect([id.sent, id.stopped]).toEqual([0, 1]);
    expect(facts.items.find((item) => item.kind === 'otp')!.masked).toBe('');
    expect(facts.rows.find((row) => row.kind === 'otp')!.masked).toBe('');
  });

  it('is null for a site the log never saw', () => {
    expect(letterFacts(events, 'nowhere.example')).toBeNull();
  });
});

describe('complaintLetter', () => {
  const facts = letterFacts(events, site)!;
  const en = lookupFor('en');

  it('to the platform: the facts, received apart from stopped, and the three requests', () => {
    const letter = complaintLetter(facts, { recipient: { to: 'platform' }, lookup: en, dates, now: T0 + 10 * DAY });
    expect(letter).toContain('To: the operator of kuaidai.example');
    expect(letter).toContain('Date: May 13, 2026');
    expect(letter).toContain('Request to delete my personal data');
    expect(letter).toContain('- https://kuaidai.example/register (快贷 注册)');
    const received = letter.slice(letter.indexOf('received from me:'), letter.indexOf('tried to receive'));
    expect(received).toContain('Phone number 138****8000: 2 time(s), May 3, 2026 to May 5, 2026');
    expect(received).not.toContain('1101');
    const tried = letter.slice(letter.indexOf('tried to receive'), letter.indexOf('Record ('));
    expect(tried).toContain('1101**********002X: 1 time(s), May 5, 2026');
    expect(letter).toContain('not sent (I stopped it)');
    expect(letter).toContain('delete all personal data about me');
    expect(letter).toContain('stop contacting me, my family');
    expect(letter).toContain('LoanGuard recognised these pages');
    // The OTP line names the kind only.
    expect(letter).not.toContain('12****');
    expect(letter).not.toContain('other.example');
  });

  it('to an office: its official name and website, the site named, no requests meant for the platform', () => {
    const [nfra] = letterOffices('CN');
    expect(nfra!.id).toBe('cn-nfra');
    const letter = complaintLetter(facts, { recipient: { to: 'office', channel: nfra! }, lookup: en, dates, now: T0 });
    expect(letter.split('\n').slice(0, 2)).toEqual(['To: 国家金融监督管理总局 (National Financial Regulatory Administration (NFRA))', 'nfra.gov.cn']);
    expect(letter).toContain('Complaint about the online lending site kuaidai.example');
    expect(letter).toContain('look into how this site collects');
    expect(letter).not.toContain('delete all personal data about me');
  });

  it('leaves older record lines to the evidence report', () => {
    const letter = complaintLetter(facts, { recipient: { to: 'platform' }, lookup: en, dates, now: T0, maxRows: 2 });
    expect(letter.split('\n').filter((line) => line.startsWith('- ') && line.includes(' · '))).toHaveLength(2);
    expect(letter).toContain('and 2 more entries');
  });

  it('a single day is written once, not as a range', () => {
    const oneDay = letterFacts([events[0]!], site)!;
    const letter = complaintLetter(oneDay, { recipient: { to: 'platform' }, lookup: en, dates, now: T0 });
    expect(letter).toContain('on these dates: May 3, 2026.');
  });

  describe.each(Object.keys(LANGS) as (keyof typeof LANGS)[])('in %s', (lang) => {
    const lookup = lookupFor(lang);
    const localDates = letterDates(LANGS[lang], 'UTC');
    const marker = { en: 'Dear Sir or Madam', zh_CN: '您好', es: 'Estimados señores', id: 'Dengan hormat' }[lang];

    it.each([...REPORTING_COUNTRIES, OTHER_COUNTRY])('to the platform and every office of %s, fully filled in', (country) => {
      const offices = letterOffices(country);
      expect(offices.length).toBeGreaterThan(0);
      const recipients = [{ to: 'platform' as const }, ...offices.map((channel) => ({ to: 'office' as const, channel }))];
      for (const recipient of recipients) {
        const letter = complaintLetter(facts, { recipient, lookup, dates: localDates, now: T0 });
        expect(letter).toContain(marker);
        expect(letter).toContain('kuaidai.example');
        expect(letter).toContain('138****8000');
        expect(letter).toContain('1101**********002X');
        expect(letter).not.toMatch(/<<missing|\$P?\d|\$[A-Z]/);
        if (recipient.to === 'office' && recipient.channel.name) expect(letter).toContain(recipient.channel.name);
      }
    });
  });

  it('every country with a regulator puts one first among its offices', () => {
    for (const country of REPORTING_COUNTRIES) expect(letterOffices(country)[0]!.kinds).toContain('regulator');
  });
});
