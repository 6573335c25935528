// Unit tests for phone checking (lib/validate/phone.ts) and default-region guessing (lib/locale/region.ts).
import { describe, expect, it } from 'vitest';
import { checkPhone, samePhone } from '@/lib/validate/phone';
import { guessRegion, regionFromLang, regionFromUrl } from '@/lib/locale/region';

describe('checkPhone', () => {
  it.each([
    ['+86 138 0013 8000', undefined],
    ['138-0013-8000', 'CN'],
    ['13800138000', 'CN'],
    ['8613800138000', 'CN'],
    ['8613800138000', undefined], // country code typed without '+', no region known
    ['8613800138000', 'MX'], // does not fit MX, retried as +86…
    ['008613800138000', undefined], // international-call prefix
    ['(+86) 138.0013.8000', undefined],
    ['１３８００１３８０００', 'CN'], // full-width digits from a CJK input method
    ['13800138000', 'cn'], // region is case-insensitive
  ])('%s (region %s) → +8613800138000', (raw, region) => {
    expect(checkPhone(raw, region)).toEqual({
      valid: true,
      kind: 'phone',
      country: 'CN',
      scheme: 'phone', // /min metadata has no type patterns for CN
      normalized: '+8613800138000',
      masked: '138****8000',
    });
  });

  it('normalises numbers of lending markets', () => {
    expect(checkPhone('55 1234 5678', 'MX')).toMatchObject({ valid: true, normalized: '+525512345678', country: 'MX' });
    expect(checkPhone('0812-3456-7890', 'ID')).toMatchObject({ valid: true, normalized: '+6281234567890', country: 'ID', masked: '812****7890' });
    expect(checkPhone('+91 98765 43210')).toMatchObject({ valid: true, normalized: '+919876543210', country: 'IN' });
    expect(checkPhone('0803 123 4567', 'NG')).toMatchObject({ valid: true, normalized: '+2348031234567', country: 'NG' });
    expect(checkPhone('+55 11 91234-5678')).toMatchObject({ valid: true, normalized: '+5511912345678', country: 'BR' });
    expect(checkPhone('+63 917 123 4567')).toMatchObject({ valid: true, normalized: '+639171234567', country: 'PH' });
  });

  it('reports the type when the min metadata knows it', () => {
    // GB shares +44 with GG/JE/IM, so min metadata ships type patterns for it.
    expect(checkPhone('+44 20 7946 0958')).toMatchObject({ valid: true, scheme: 'fixed-line', country: 'GB' });
    expect(checkPhone('+44 7911 123456')).toMatchObject({ valid: true, scheme: 'mobile' });
    // NANP numbers cannot be split into mobile/fixed.
    expect(checkPhone('+1 202 555 0143')).toMatchObject({ valid: true, scheme: 'phone', country: 'US' });
  });

  it.each([
    ['abc', 'CN', 'no digits'],
    ['', undefined, 'no digits'],
    ['123', 'CN', 'too short'],
    ['1', 'CN', 'too short'],
    ['138001380001234', 'CN', 'too long'],
    ['+86 238 0013 8000', undefined, 'not a valid number for CN'],
    ['13800138000', 'XX', 'unknown region XX'],
    ['+999 1234567', undefined, 'unknown country code'],
  ])('%s (region %s) is invalid: %s', (raw, region, error) => {
    expect(checkPhone(raw, region)).toEqual({ valid: false, kind: 'phone', error });
  });

  it('needs a region or a country code for a national number', () => {
    const result = checkPhone('13800138000');
    expect(result.valid).toBe(false);
    expect(result.error).toMatch(/^no region given/);
  });

  it('never puts the full number in the masked form', () => {
    const result = checkPhone('+86 138 0013 8000');
    expect(result.masked).not.toContain('13800138000');
    expect(result.masked?.replace(/\*/g, '')).toHaveLength(7);
  });
});

describe('samePhone', () => {
  it('matches one number written in different formats', () => {
    expect(samePhone('+86 138 0013 8000', '138-0013-8000', 'CN')).toBe(true);
    expect(samePhone('8613800138000', '+86 13800138000')).toBe(true);
  });
  it('does not match different or invalid numbers', () => {
    expect(samePhone('+86 138 0013 8000', '+86 138 0013 8001')).toBe(false);
    expect(samePhone('123', '123', 'CN')).toBe(false);
    expect(samePhone('13800138000', '13800138000')).toBe(false); // no region: neither is valid
  });
});

describe('guessRegion (lib/locale/region)', () => {
  it('prefers the user setting', () => {
    expect(guessRegion({ setting: 'mx', lang: 'zh-CN', url: 'https://x.co.id/' })).toBe('MX');
  });
  it('ignores a setting that is not a region code', () => {
    expect(guessRegion({ setting: 'auto', lang: 'vi' })).toBe('VN');
    expect(guessRegion({ setting: '', lang: 'th' })).toBe('TH');
  });
  it("uses the site's country TLD before the page language", () => {
    expect(guessRegion({ lang: 'zh-CN', url: 'https://loan.com.mx/' })).toBe('MX');
    expect(guessRegion({ lang: 'es-MX', url: 'https://loan.com/' })).toBe('MX');
    expect(guessRegion({ lang: 'en-US', url: 'https://pinjam.co.id/' })).toBe('ID');
  });
  it('falls back to the TLD when the language names no country', () => {
    expect(guessRegion({ lang: 'es', url: 'https://presta.com.mx/solicitud' })).toBe('MX');
    expect(guessRegion({ lang: 'es', url: 'https://presta.co/' })).toBe('CO');
    expect(guessRegion({ lang: 'es-419', url: 'https://presta.cl/' })).toBe('CL');
    expect(guessRegion({ lang: 'en', url: 'https://quickcash.ng/' })).toBe('NG');
    expect(guessRegion({ lang: 'es' })).toBeUndefined();
    expect(guessRegion({})).toBeUndefined();
  });

  it.each([
    ['zh-CN', 'CN'],
    ['zh', 'CN'],
    ['zh_CN', 'CN'],
    ['zh-TW', 'TW'],
    ['zh-Hant', 'TW'],
    ['zh-Hans-CN', 'CN'],
    ['es-MX', 'MX'],
    ['es', undefined],
    ['es-419', undefined],
    ['id', 'ID'],
    ['in', 'ID'],
    ['pt-BR', 'BR'],
    ['pt', 'BR'],
    ['pt-PT', 'PT'],
    ['vi', 'VN'],
    ['th', 'TH'],
    ['hi', 'IN'],
    ['en-IN', 'IN'],
    ['fil', 'PH'],
    ['tl', 'PH'],
    ['en', undefined],
    ['', undefined],
    ['x-klingon', undefined],
  ])('language %s → %s', (lang, region) => {
    expect(regionFromLang(lang)).toBe(region);
  });

  it.each([
    ['https://prestamo.com.mx/', 'MX'],
    ['https://pinjaman.co.id/daftar', 'ID'],
    ['https://daikuan.cn/', 'CN'],
    ['https://emprestimo.com.br/', 'BR'],
    ['https://loan.in/', 'IN'],
    ['https://utang.ph/', 'PH'],
    ['https://presta.pe/', 'PE'],
    ['https://presta.co/', 'CO'],
    ['https://vay.vn/', 'VN'],
    ['https://loan.ke/', 'KE'],
    ['https://loan.com.pk/', 'PK'],
    ['https://LOAN.TH./', 'TH'],
    ['https://loan.co.uk/', 'GB'],
    ['https://例子.中国/', 'CN'],
    ['pinjam.co.id', 'ID'],
    ['https://loan.com/', undefined],
    ['https://loan.io/', undefined],
    ['https://loan.tk/', undefined],
    ['http://192.168.1.1/', undefined],
    ['http://[::1]/', undefined],
    ['not a url at all', undefined],
  ])('URL %s → %s', (url, region) => {
    expect(regionFromUrl(url)).toBe(region);
  });
});
