import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, messagesFileSchema, type MessagesFile } from '@/lib/locale/i18n-format';
import { describeReason } from '@/lib/locale/i18n';

const root = path.resolve(__dirname, '../../..');
const load = (lang: string): MessagesFile =>
  messagesFileSchema.parse(JSON.parse(readFileSync(path.join(root, 'public/_locales', lang, 'messages.json'), 'utf8')));
const LANGS = ['en', 'zh_CN', 'es', 'id'];

/** Every literal key passed to t('…') in the UI code. */
function keysUsedInSource(): string[] {
  const keys = new Set<string>();
  for (const dir of ['components', 'entrypoints', 'lib']) {
    for (const file of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      const source = readFileSync(path.join(root, dir, file), 'utf8');
      for (const match of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) keys.add(match[1]!);
    }
  }
  return [...keys];
}

describe('locales', () => {
  it.each(LANGS.slice(1))('%s has exactly the keys of en, with the same placeholders', (lang) => {
    const en = load('en');
    const other = load(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      expect(Object.keys(other[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      expect(other[key]!.message.trim(), key).not.toBe('');
    }
  });

  it('defines every key the UI asks for', () => {
    const en = load('en');
    const missing = keysUsedInSource().filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('has a name for every field kind', () => {
    const en = load('en');
    for (const kind of ['national_id', 'phone', 'bank_card', 'otp']) expect(en[`kind_${kind}`]).toBeDefined();
  });
});

describe('formatMessage', () => {
  const messages: MessagesFile = {
    hello: { message: 'Hello $USER$, $$5 off', placeholders: { user: { content: '$1' } } },
    direct: { message: 'Got $1 and $2' },
  };
  it('fills named placeholders and keeps $$ as a dollar sign', () => {
    expect(formatMessage(messages, 'hello', ['Ana'])).toBe('Hello Ana, $5 off');
  });
  it('fills positional substitutions', () => {
    expect(formatMessage(messages, 'direct', ['a', 'b'])).toBe('Got a and b');
  });
  it('returns an empty string for an unknown key', () => {
    expect(formatMessage(messages, 'nope')).toBe('');
  });
});

describe('describeReason', () => {
  it('uses the reason template when one exists', () => {
    const lookup = (key: string, subs?: string[]) => (key === 'reason_title_loan_words' ? `Title: ${subs?.[0]}` : key);
    expect(describeReason({ code: 'title_loan_words', detail: '借款', weight: 3 }, lookup)).toBe('Title: 借款');
  });
  it('names the field kinds listed in a sensitive-fields reason', () => {
    const lookup = (key: string, subs?: string[]) =>
      ({ reason_sensitive_fields: `Asks for: ${subs?.[0]}`, kind_phone: 'Phone number', kind_national_id: 'ID number' })[key] ?? key;
    expect(describeReason({ code: 'sensitive_fields', detail: 'phone, national-id', weight: 2 }, lookup)).toBe('Asks for: Phone number, ID number');
  });
  it('falls back to code and detail for an unknown reason', () => {
    expect(describeReason({ code: 'mystery', detail: 'x', weight: 1 }, (key) => key)).toBe('mystery: x');
  });
});
