// "Help after a leak" data: checklist filtering by the kinds of data shared, per-country reporting
// channels (each required country has a regulator and a police channel), message keys present in
// the locales, and the country guess from UI language and site TLD.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_KINDS,
  LEAK_CHECKLIST,
  OTHER_COUNTRY,
  REPORTING_CHANNELS,
  REPORTING_COUNTRIES,
  channelKindKey,
  channelsFor,
  checklistFor,
  guessCountry,
  type ReportingChannel,
} from '@/lib/help/leak-help';
import { FIELD_KINDS } from '@/lib/types';

const root = path.resolve(__dirname, '../../..');
const LANGS = ['en', 'zh_CN', 'es', 'id'] as const;
const catalogs = Object.fromEntries(
  LANGS.map((lang) => [lang, JSON.parse(readFileSync(path.join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>]),
);
const allChannels: ReportingChannel[] = Object.values(REPORTING_CHANNELS).flat();
const ids = (steps: { id: string }[]) => steps.map((step) => step.id);

describe('checklistFor', () => {
  const general = LEAK_CHECKLIST.filter((step) => !step.kinds).map((step) => step.id);

  it('with no kinds gives exactly the general steps, in order', () => {
    expect(ids(checklistFor([]))).toEqual(general);
    expect(general).toEqual(['passwords', 'codes', 'report', 'delete', 'credit', 'contacts', 'scams']);
  });

  it.each([
    ['bank-card', 'bank'],
    ['national-id', 'identity'],
    ['phone', 'phone'],
    ['otp', 'otp'],
  ] as const)('adds the %s step only when that kind was shared', (kind, stepId) => {
    expect(ids(checklistFor([kind]))).toContain(stepId);
    for (const other of FIELD_KINDS.filter((k) => k !== kind)) expect(ids(checklistFor([other]))).not.toContain(stepId);
  });

  it('keeps the checklist order and never drops the general steps', () => {
    const steps = ids(checklistFor(['phone', 'bank-card']));
    expect(steps).toEqual(['bank', 'passwords', 'codes', 'report', 'delete', 'credit', 'phone', 'contacts', 'scams']);
    expect(ids(checklistFor([...FIELD_KINDS]))).toEqual(ids([...LEAK_CHECKLIST]));
  });

  it('"never share verification codes" applies whatever was shared', () => {
    for (const kind of FIELD_KINDS) expect(ids(checklistFor([kind]))).toContain('codes');
  });

  it('has unique step ids and keys', () => {
    expect(new Set(ids([...LEAK_CHECKLIST])).size).toBe(LEAK_CHECKLIST.length);
    const keys = LEAK_CHECKLIST.flatMap((step) => [step.titleKey, step.bodyKey]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('reporting channels', () => {
  it.each(['CN', 'MX', 'ID', 'IN', 'PH'])('%s has at least 3 channels including a regulator and the police', (country) => {
    const channels = channelsFor(country);
    expect(channels.length).toBeGreaterThanOrEqual(3);
    expect(channels.some((channel) => channel.kinds.includes('regulator'))).toBe(true);
    expect(channels.some((channel) => channel.kinds.includes('police'))).toBe(true);
  });

  it.each([...REPORTING_COUNTRIES, OTHER_COUNTRY])('%s offers a regulator, the police and a credit report', (country) => {
    const kinds = new Set(channelsFor(country).flatMap((channel) => channel.kinds));
    for (const kind of ['regulator', 'police', 'credit-report', 'spam'] as const) expect(kinds.has(kind), kind).toBe(true);
  });

  it('names the official Chinese offices with their own domains and hotlines', () => {
    const cn = channelsFor('CN');
    const byWebsite = (site: string) => cn.find((channel) => channel.website === site);
    expect(byWebsite('12377.cn')?.name).toContain('违法和不良信息举报中心');
    expect(byWebsite('12321.cn')?.kinds).toContain('spam');
    expect(byWebsite('nfra.gov.cn')?.name).toBe('国家金融监督管理总局');
    expect(byWebsite('pbccrc.org.cn')?.kinds).toEqual(['credit-report']);
    expect(cn.find((channel) => channel.kinds.includes('police'))?.phone).toMatch(/110.*96110/);
  });

  it('includes the key offices of the other required countries', () => {
    const websites = (country: string) => channelsFor(country).map((channel) => channel.website);
    expect(websites('MX')).toEqual(expect.arrayContaining(['condusef.gob.mx', 'burodecredito.com.mx']));
    expect(websites('ID')).toEqual(expect.arrayContaining(['ojk.go.id', 'patrolisiber.id', 'aduankonten.id', 'afpi.or.id']));
    expect(websites('IN')).toEqual(expect.arrayContaining(['sachet.rbi.org.in', 'cms.rbi.org.in', 'cybercrime.gov.in', 'sancharsaathi.gov.in']));
    expect(websites('PH')).toEqual(expect.arrayContaining(['sec.gov.ph', 'bsp.gov.ph', 'privacy.gov.ph', 'cicc.gov.ph']));
    expect(channelsFor('IN').find((channel) => channel.website === 'cybercrime.gov.in')?.phone).toBe('1930');
    expect(channelsFor('PH').find((channel) => channel.website === 'cicc.gov.ph')?.phone).toBe('1326');
    expect(channelsFor('ID').find((channel) => channel.website === 'ojk.go.id')?.phone).toBe('157');
    expect(channelsFor('MX').find((channel) => channel.phone === '088')?.kinds).toContain('police');
  });

  it('looks countries up case-insensitively and falls back to the generic list', () => {
    expect(channelsFor('mx')).toEqual(channelsFor('MX'));
    expect(channelsFor('US')).toEqual([...REPORTING_CHANNELS.other]);
    expect(channelsFor('')).toEqual([...REPORTING_CHANNELS.other]);
    // A copy: callers cannot reorder the shared data.
    channelsFor('CN').reverse();
    expect(channelsFor('CN')[0]?.id).toBe(REPORTING_CHANNELS.CN[0]?.id);
  });

  it('gives every channel a unique id, known kinds, one kind of name and a plain-text website', () => {
    expect(new Set(allChannels.map((channel) => channel.id)).size).toBe(allChannels.length);
    for (const channel of allChannels) {
      expect(channel.kinds.length, channel.id).toBeGreaterThan(0);
      for (const kind of channel.kinds) expect(CHANNEL_KINDS, channel.id).toContain(kind);
      // Official names stay in their language; only generic entries have a translated name.
      expect((channel.name === undefined) !== (channel.nameKey === undefined), channel.id).toBe(true);
      if (channel.name !== undefined) expect(channel.nameLang, channel.id).toBeTruthy();
      if (channel.website !== undefined) expect(channel.website, channel.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[a-z0-9-]+)*$/);
      if (channel.phone !== undefined) expect(channel.phone, channel.id).toMatch(/^[0-9 /]+$/);
    }
  });
});

describe('leak_ messages', () => {
  const dataKeys = [
    ...LEAK_CHECKLIST.flatMap((step) => [step.titleKey, step.bodyKey]),
    ...allChannels.flatMap((channel) => [channel.descriptionKey, ...(channel.nameKey ? [channel.nameKey] : [])]),
    ...CHANNEL_KINDS.map(channelKindKey),
  ];
  const componentKeys = [
    ...readFileSync(path.join(root, 'components/options/LeakHelp.tsx'), 'utf8').matchAll(/\bt\('(leak_[A-Za-z0-9_]+)'/g),
  ].map((match) => match[1]!);

  it('defines every key the data and the component use, in every language', () => {
    expect(componentKeys.length).toBeGreaterThan(10);
    for (const key of [...dataKeys, ...componentKeys]) {
      for (const lang of LANGS) expect(catalogs[lang]![key]?.message.trim(), `${key} ${lang}`).toBeTruthy();
    }
  });

  it('has no leak_ message that nothing uses', () => {
    const used = new Set([...dataKeys, ...componentKeys]);
    const unused = Object.keys(catalogs.en!).filter((key) => key.startsWith('leak_') && !used.has(key));
    expect(unused).toEqual([]);
  });
});

describe('guessCountry', () => {
  it.each([
    ['zh-CN', undefined, 'CN'],
    ['zh_CN', undefined, 'CN'],
    ['zh', undefined, 'CN'],
    ['zh-TW', undefined, ''],
    ['zh-Hant', undefined, ''],
    ['es-MX', undefined, 'MX'],
    ['es', undefined, ''],
    ['es-419', undefined, ''],
    ['es-ES', undefined, 'ES'],
    ['pt-BR', undefined, 'BR'],
    ['id', undefined, 'ID'],
    ['id-ID', undefined, 'ID'],
    ['hi', undefined, 'IN'],
    ['en-IN', undefined, 'IN'],
    ['en-PH', undefined, 'PH'],
    ['fil', undefined, 'PH'],
    ['en-US', undefined, ''],
    ['en', undefined, ''],
    ['', undefined, ''],
  ])('language %s → %s', (language, tld, expected) => {
    expect(guessCountry(language, tld)).toBe(expected);
  });

  it.each([
    ['.mx', 'MX'],
    ['com.mx', 'MX'],
    ['.co.id', 'ID'],
    ['.ph', 'PH'],
    ['.in', 'IN'],
    ['cn', 'CN'],
    ['xn--fiqs8s', 'CN'],
    ['kuaidai-loans.com.br', 'BR'],
    ['prestamos.es.', 'ES'],
  ])('site TLD %s → %s, even against the UI language', (tld, expected) => {
    expect(guessCountry('en-US', tld)).toBe(expected);
    expect(guessCountry('zh-CN', tld)).toBe(expected);
  });

  it('falls back to the UI language for generic TLDs', () => {
    expect(guessCountry('es-MX', '.com')).toBe('MX');
    expect(guessCountry('en', 'loans.app')).toBe('');
  });
});
