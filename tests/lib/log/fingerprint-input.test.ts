// lib/log/fingerprint-input.ts (fakeBrowser storage, real WebCrypto): which reported values are whole
// (a valid ID of some country, a valid phone, a card or CLABE that checks, a plausible code) and whose
// country they are (the value's, not the label's); phones brought to E.164 before fingerprinting, so
// one number spelled two ways is one item; reported items turned into held items with the value
// dropped, and a fingerprint that is null, never invented, when the key or signing fails.
import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FINGERPRINT_KEY_STORAGE, resetFingerprintKeyCacheForTests } from '@/lib/log/fingerprint';
import { fingerprintInput, fingerprintItems, wholeValue } from '@/lib/log/fingerprint-input';
import type { ReportedItem } from '@/lib/messages/guard-messages';
import type { FieldKind } from '@/lib/types';

const item = (kind: FieldKind, fingerprintValue: string, extra: Partial<ReportedItem> = {}): ReportedItem => ({
  kind,
  masked: `${fingerprintValue.slice(0, 2)}****`,
  fingerprintValue,
  ...extra,
});

/** The fingerprint computed independently: HMAC-SHA256 of "kind:value" under the stored install key. */
async function expectedPrint(kind: FieldKind, value: string): Promise<string> {
  const stored = (await fakeBrowser.storage.local.get(FINGERPRINT_KEY_STORAGE))[FINGERPRINT_KEY_STORAGE] as { key: string };
  return createHmac('sha256', Buffer.from(stored.key, 'base64')).update(`${kind}:${value}`).digest('hex');
}

beforeEach(() => {
  fakeBrowser.reset();
  resetFingerprintKeyCacheForTests();
  vi.restoreAllMocks();
});

describe('fingerprintInput', () => {
  it('brings a valid phone to E.164, however it was spelled', () => {
    for (const [value, region] of [
      ['13800138000', 'CN'],
      ['138 0013 8000', 'CN'],
      ['+8613800138000', undefined],
      ['+86 138-0013-8000', 'MX'],
      ['8613800138000', undefined],
      ['008613800138000', undefined],
    ] as const) {
      expect(fingerprintInput('phone', value, region), `${value} ${region}`).toBe('+8613800138000');
    }
    expect(fingerprintInput('phone', '0803 123 4567', 'NG')).toBe('+2348031234567');
  });

  it('a phone that does not validate is kept as reported, without a leading +', () => {
    expect(fingerprintInput('phone', '+138001', 'CN')).toBe('138001');
    expect(fingerprintInput('phone', '138001', 'CN')).toBe('138001');
    expect(fingerprintInput('phone', '+138001380001234')).toBe('138001380001234');
  });

  it('other kinds are fingerprinted as reported', () => {
    for (const kind of ['national-id', 'bank-card', 'otp'] as const) {
      expect(fingerprintInput(kind, '13800138000', 'CN')).toBe('13800138000');
      expect(fingerprintInput(kind, '+8613800138000')).toBe('+8613800138000');
    }
  });
});

describe('wholeValue', () => {
  describe('national ID', () => {
    it('an ID with a check digit is whole wherever it comes from, with its country', () => {
      expect(wholeValue(item('national-id', '11010519491231002X'))).toEqual({ complete: true, country: 'CN' });
      expect(wholeValue(item('national-id', '52998224725'))).toEqual({ complete: true, country: 'BR' });
    });

    it("the value's country wins over a label naming another one", () => {
      expect(wholeValue(item('national-id', '11010519491231002X', { country: 'MX' }))).toEqual({ complete: true, country: 'CN' });
      expect(wholeValue(item('national-id', '52998224725', { country: 'CN' }))).toEqual({ complete: true, country: 'BR' });
    });

    it("a format without a check digit is whole only when the field's label names its country", () => {
      expect(wholeValue(item('national-id', '110105491231002', { country: 'CN' }))).toEqual({ complete: true, country: 'CN' });
      expect(wholeValue(item('national-id', '110105491231002'))).toEqual({ complete: false });
      expect(wholeValue(item('national-id', '536904399', { country: 'US' }))).toEqual({ complete: true, country: 'US' });
      expect(wholeValue(item('national-id', '536904399'))).toEqual({ complete: false });
    });

    it('a label naming a country without ID schemes does not stop a checked ID', () => {
      expect(wholeValue(item('national-id', '11010519491231002X', { country: 'ZZ' }))).toEqual({ complete: true, country: 'CN' });
    });

    it('a partial or wrong ID is not whole, and no country is claimed for it', () => {
      for (const value of ['1101051949', '11010519491231002Y', '11010519491331002X']) {
        expect(wholeValue(item('national-id', value)), value).toEqual({ complete: false });
        expect(wholeValue(item('national-id', value, { country: 'CN' })), `${value} CN`).toEqual({ complete: false });
      }
    });
  });

  describe('phone', () => {
    it('a valid number is whole, with the country of the number', () => {
      expect(wholeValue(item('phone', '13800138000', { region: 'CN' }))).toEqual({ complete: true, country: 'CN' });
      expect(wholeValue(item('phone', '+8613800138000'))).toEqual({ complete: true, country: 'CN' });
      // The region guessed for the page does not override an international number.
      expect(wholeValue(item('phone', '+2348031234567', { region: 'CN' }))).toEqual({ complete: true, country: 'NG' });
    });

    it('the field label country is not used for a phone', () => {
      expect(wholeValue(item('phone', '+8613800138000', { country: 'MX' }))).toEqual({ complete: true, country: 'CN' });
    });

    it('a number still being typed is not whole', () => {
      expect(wholeValue(item('phone', '138001', { region: 'CN' }))).toEqual({ complete: false });
      expect(wholeValue(item('phone', '+86138'))).toEqual({ complete: false });
      expect(wholeValue(item('phone', '138001380001234', { region: 'CN' }))).toEqual({ complete: false });
    });
  });

  describe('bank card', () => {
    it('a card that passes its check, or a valid CLABE, is whole', () => {
      for (const value of ['4111111111111111', '6212345678901232', '032180000118359719']) {
        expect(wholeValue(item('bank-card', value)), value).toEqual({ complete: true });
      }
    });

    it('a partial card, a wrong check digit or a wrong CLABE is not', () => {
      for (const value of ['411111111111', '4111111111111112', '032180000118359718', '0000000000000000']) {
        expect(wholeValue(item('bank-card', value)), value).toEqual({ complete: false });
      }
    });
  });

  describe('code', () => {
    it('4 to 8 digits or capital letters is a whole code', () => {
      for (const value of ['4829', '482913', '48291377', 'AB12', 'K7P2Q9']) expect(wholeValue(item('otp', value)).complete, value).toBe(true);
    });

    it('shorter, longer, lower-case or with other characters is not', () => {
      for (const value of ['482', '482913770', 'ab12', '48-29', '4829 13']) expect(wholeValue(item('otp', value)).complete, value).toBe(false);
    });
  });
});

describe('fingerprintItems', () => {
  it('drops the value, the region and the label country; keeps kind, mask and field; adds fingerprint, wholeness and the value\'s country', async () => {
    const reported = [
      item('national-id', '11010519491231002X', { masked: '1101**********002X', country: 'MX', fieldKey: 'a.f1' }),
      item('phone', '138 0013 8000', { masked: '138****8000', region: 'CN', fieldKey: 'a.f2' }),
      item('bank-card', '4111111111111112', { masked: '4111********1112', fieldKey: 'a.f3' }),
      item('otp', '482913', { masked: '48****' }),
    ];
    const held = await fingerprintItems(reported);
    expect(held).toEqual([
      { kind: 'national-id', masked: '1101**********002X', fieldKey: 'a.f1', country: 'CN', complete: true, fingerprint: await expectedPrint('national-id', '11010519491231002X') },
      { kind: 'phone', masked: '138****8000', fieldKey: 'a.f2', country: 'CN', complete: true, fingerprint: await expectedPrint('phone', '+8613800138000') },
      { kind: 'bank-card', masked: '4111********1112', fieldKey: 'a.f3', complete: false, fingerprint: await expectedPrint('bank-card', '4111111111111112') },
      { kind: 'otp', masked: '48****', complete: true, fingerprint: await expectedPrint('otp', '482913') },
    ]);
    // Apart from the fingerprints (checked above), nothing carries the values.
    const text = JSON.stringify(held.map(({ fingerprint: _fingerprint, ...rest }) => rest));
    for (const value of ['11010519491231002X', '0013', '4111111111111112', '482913']) expect(text).not.toContain(value);
    for (const entry of held) {
      expect(entry).not.toHaveProperty('fingerprintValue');
      expect(entry).not.toHaveProperty('region');
    }
  });

  it('a label country is not kept when the value does not show one', async () => {
    const [held] = await fingerprintItems([item('national-id', '1101051949', { country: 'CN' })]);
    expect(held).not.toHaveProperty('country');
    expect(held?.complete).toBe(false);
  });

  it('one phone spelled two ways on two sites is one fingerprint; another phone is not', async () => {
    const [a, b, c] = await fingerprintItems([
      item('phone', '138 0013 8000', { region: 'CN' }),
      item('phone', '+8613800138000', { region: 'MX' }),
      item('phone', '13900139000', { region: 'CN' }),
    ]);
    expect(a?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(b?.fingerprint).toBe(a?.fingerprint);
    expect(c?.fingerprint).not.toBe(a?.fingerprint);
  });

  it('the same digits as different kinds are different fingerprints', async () => {
    const [phone, otp] = await fingerprintItems([item('phone', '48291377'), item('otp', '48291377')]);
    expect(phone?.fingerprint).not.toBe(otp?.fingerprint);
  });

  it('no list, no work', async () => {
    expect(await fingerprintItems([])).toEqual([]);
  });

  it('without a key (storage failing), every fingerprint is null and the values are still dropped', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage unavailable'));
    const held = await fingerprintItems([item('phone', '13800138000', { region: 'CN', masked: '138****8000' }), item('otp', '482913')]);
    expect(held.map((entry) => entry.fingerprint)).toEqual([null, null]);
    expect(held.map((entry) => entry.complete)).toEqual([true, true]);
    expect(held[0]).toMatchObject({ kind: 'phone', masked: '138****8000', country: 'CN' });
    expect(JSON.stringify(held)).not.toContain('13800138000');
  });

  it('a signing failure leaves that fingerprint null without failing the rest', async () => {
    const sign = crypto.subtle.sign.bind(crypto.subtle);
    let calls = 0;
    vi.spyOn(crypto.subtle, 'sign').mockImplementation((...args: Parameters<SubtleCrypto['sign']>) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('OperationError')) : sign(...args);
    });
    const held = await fingerprintItems([item('otp', '482913'), item('otp', '730155')]);
    expect(held.filter((entry) => entry.fingerprint === null)).toHaveLength(1);
    expect(held.filter((entry) => typeof entry.fingerprint === 'string')).toHaveLength(1);
  });
});
