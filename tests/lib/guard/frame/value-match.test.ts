// lib/guard/frame/value-match.ts: typed values found in realistic request URLs and bodies, in every
// usual encoding and the simple tricks pages use to hide them, without false hits on unrelated bodies
// or timestamps; and values split over several requests to one destination.
import { describe, expect, it } from 'vitest';
import { canonicalValue, DigitStreams, findWatched, watchedValue, type WatchedKind, type WatchedValue } from '@/lib/guard/frame/value-match';

function w(kind: WatchedKind, raw: string, id: string = kind): WatchedValue {
  const value = watchedValue(id, kind, raw);
  if (!value) throw new Error(`not watchable: ${raw}`);
  return value;
}

const PHONE = w('phone', '138 0013 8000');
const CN_ID = w('national-id', '11010519491231002x');
const CARD = w('bank-card', '6212 3456 7890 1232');
const OTP = w('otp', '482913');
const ALL = [PHONE, CN_ID, CARD, OTP];

/** A body as the page-realm snapshot hands it over: text (FormData as key=value lines, bytes decoded). */
function bodyText(body: unknown): string {
  if (body == null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return String(body);
  if (body instanceof FormData) {
    let text = '';
    body.forEach((value, key) => (text += `${key}=${typeof value === 'string' ? value : value.name}\n`));
    return text;
  }
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return new TextDecoder().decode(body as ArrayBuffer);
  return String(body);
}

/** Ids of the watched values found in a request with this URL and body. */
function hits(url: string, body: unknown, watched: readonly WatchedValue[] = ALL): string[] {
  return findWatched([url, bodyText(body)], watched).map((v) => v.id).sort();
}

const b64url = (s: string): string => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('canonicalValue / watchedValue', () => {
  it('folds full-width characters, case and punctuation', () => {
    expect(canonicalValue('１３８-0013 8000')).toBe('13800138000');
    expect(canonicalValue('110105 19491231 002x')).toBe('11010519491231002X');
    expect(canonicalValue('goma-850101.hdfrrn05')).toBe('GOMA850101HDFRRN05');
  });

  it('refuses values too short to match safely', () => {
    expect(watchedValue('a', 'otp', '123')).toBeNull();
    expect(watchedValue('a', 'otp', '1234')).toEqual({ id: 'a', kind: 'otp', canonical: '1234' });
    expect(watchedValue('a', 'bank-card', '12345')).toBeNull();
    expect(watchedValue('a', 'national-id', '- - -')).toBeNull();
    expect(watchedValue('a', 'phone', '+86 123')).toBeNull();
  });

  it('keeps the part of a phone number that survives country-code and trunk-prefix spellings', () => {
    expect(watchedValue('p', 'phone', '138 0013 8000')?.canonical).toBe('13800138000');
    expect(watchedValue('p', 'phone', '+86 138 0013 8000')?.canonical).toBe('3800138000');
    expect(watchedValue('p', 'phone', '(+86) 138 0013 8000')?.canonical).toBe('3800138000');
    expect(watchedValue('p', 'phone', '＋８６ １３８ ００１３ ８０００')?.canonical).toBe('3800138000');
    expect(watchedValue('p', 'phone', '0086 138 0013 8000')?.canonical).toBe('3800138000');
    expect(watchedValue('p', 'phone', '8613800138000')?.canonical).toBe('3800138000');
    expect(watchedValue('p', 'phone', '0803 123 4567')?.canonical).toBe('8031234567');
    expect(watchedValue('p', 'phone', '+1 (415) 555-2671')?.canonical).toBe('55552671');
    expect(watchedValue('p', 'phone', '+65 9123 4567')?.canonical).toBe('91234567');
  });
});

describe('findWatched', () => {
  it('returns at once when nothing is watched', () => {
    expect(findWatched(['phone=13800138000'], [])).toEqual([]);
  });

  it('finds values in an application/x-www-form-urlencoded body', () => {
    expect(hits('https://loan.example/apply', 'phone=138+0013+8000&id=11010519491231002X')).toEqual([
      'national-id',
      'phone',
    ]);
    expect(hits('', 'id=110105%2019491231%20002x&card=6212-3456-7890-1232')).toEqual(['bank-card', 'national-id']);
  });

  it('finds values in JSON: strings, numbers and \\u escapes', () => {
    expect(hits('', JSON.stringify({ mobile: '13800138000' }))).toEqual(['phone']);
    expect(hits('', '{"mobile":13800138000}')).toEqual(['phone']);
    expect(hits('', '{"p":"\\u0031\\u0033\\u0038\\u0030\\u0030\\u0031\\u0033\\u0038\\u0030\\u0030\\u0030"}')).toEqual([
      'phone',
    ]);
    // JSON carried as a string inside JSON: the escapes are doubled.
    expect(hits('', JSON.stringify({ data: '{"c":"\\u0034\\u0038\\u0032\\u0039\\u0031\\u0033"}' }))).toEqual(['otp']);
    expect(hits('', JSON.stringify({ user: { card: 6212345678901232, idNo: '11010519491231002X' } }))).toEqual([
      'bank-card',
      'national-id',
    ]);
  });

  it('finds values in FormData, URLSearchParams and typed arrays', () => {
    const fd = new FormData();
    fd.append('mobile', '138-0013-8000');
    fd.append('smsCode', '482913');
    expect(hits('', fd)).toEqual(['otp', 'phone']);
    expect(hits('', new URLSearchParams({ bankCard: '6212 3456 7890 1232' }))).toEqual(['bank-card']);
    expect(hits('', new TextEncoder().encode('{"idCard":"11010519491231002X"}'))).toEqual(['national-id']);
    expect(hits('', new TextEncoder().encode('{"idCard":"11010519491231002X"}').buffer)).toEqual(['national-id']);
  });

  it('finds values in base64 and base64url of a JSON body, and in base64 tokens', () => {
    const json = JSON.stringify({ mobile: '13800138000', code: '482913', name: 'Wang' });
    expect(hits('', btoa(json))).toEqual(['otp', 'phone']);
    expect(hits('', b64url(json))).toEqual(['otp', 'phone']);
    expect(hits('', JSON.stringify({ v: 2, payload: btoa(json) }))).toEqual(['otp', 'phone']);
    expect(hits('https://t.example/c?d=' + encodeURIComponent(btoa(json)), null)).toEqual(['otp', 'phone']);
    // PHP's json_encode escapes '/' as '\/', which would otherwise cut the base64 token apart.
    const withSlash = Array.from({ length: 200 }, (_, i) => btoa(`{"n":"${'?'.repeat(i % 9)}","mobile":"13800138000"}`)).find(
      (t) => t.indexOf('/') > 4,
    );
    expect(withSlash).toBeDefined();
    expect(hits('', `{"d":"${(withSlash ?? '').replace(/\//g, '\\/')}"}`)).toEqual(['phone']);
    // A JWT-like triple: each part is decoded on its own.
    const jwt = `${b64url('{"alg":"none"}')}.${b64url('{"sub":"11010519491231002X"}')}.c2lnbmF0dXJlLXNpZw`;
    expect(hits('', `token=${jwt}`)).toEqual(['national-id']);
    // base64 of \u-escaped JSON: decoded, then unescaped.
    expect(hits('', btoa('{"m":"\\u0031\\u0033\\u0038\\u0030\\u0030\\u0031\\u0033\\u0038\\u0030\\u0030\\u0030"}'))).toEqual([
      'phone',
    ]);
  });

  it('finds values in the URL of a GET beacon, single and double URL-encoded', () => {
    expect(hits('https://log.example/b.gif?ev=blur&f=mobile&v=138%200013%208000&t=1748291300123', null)).toEqual([
      'phone',
    ]);
    expect(hits('https://log.example/b?q=' + encodeURIComponent(encodeURIComponent('id=110105 19491231 002x')), null)).toEqual(
      ['national-id'],
    );
  });

  it('matches phones across country-code spellings in both directions', () => {
    const national = [w('phone', '138 0013 8000')];
    const international = [w('phone', '+86 138 0013 8000')];
    for (const body of ['m=%2B8613800138000', '{"m":"0086 138-0013-8000"}', 'm=86-138-0013-8000', '{"m":13800138000}']) {
      expect(hits('', body, national)).toEqual(['phone']);
      expect(hits('', body, international)).toEqual(['phone']);
    }
    expect(hits('', 'msisdn=2348031234567', [w('phone', '0803 123 4567')])).toEqual(['phone']);
    expect(hits('', 'm=07911123456', [w('phone', '+44 (0)7911 123456')])).toEqual(['phone']);
  });

  it('matches a CN ID typed with a lower-case x and a card typed with spaces', () => {
    expect(hits('', '{"id":"11010519491231002X"}', [w('national-id', '110105 19491231 002x')])).toEqual(['national-id']);
    expect(hits('', '{"id":"11010519491231002x"}', [w('national-id', '11010519491231002X')])).toEqual(['national-id']);
    expect(hits('', 'cardNo=6212345678901232', [w('bank-card', '6212 3456 7890 1232')])).toEqual(['bank-card']);
    expect(hits('', 'cardNo=6212%203456%207890%201232', [w('bank-card', '6212345678901232')])).toEqual(['bank-card']);
  });

  it('matches full-width digits in a body', () => {
    expect(hits('', '{"mobile":"１３８００１３８０００"}')).toEqual(['phone']);
    expect(hits('', 'mobile=' + encodeURIComponent('１３８ ００１３ ８０００'))).toEqual(['phone']);
  });

  it('matches an OTP only as a whole digit run', () => {
    expect(hits('', '{"smsCode":"482913","ts":1748291301}')).toEqual(['otp']);
    expect(hits('', 'code=482913')).toEqual(['otp']);
    expect(hits('', '{"ts":1748291300,"seq":94829130}')).toEqual([]);
    expect(hits('', 'v=a482913b')).toEqual(['otp']);
  });

  it('matches an OTP sent as separate digit boxes, but not digit groups', () => {
    expect(hits('', '{"code":[4,8,2,9,1,3]}')).toEqual(['otp']);
    expect(hits('', '{"code":["4","8","2","9","1","3"]}')).toEqual(['otp']);
    expect(hits('', 'code=4 8 2 9 1 3')).toEqual(['otp']);
    expect(hits('', '{"amount":"1,748,291,300"}')).toEqual([]);
    expect(hits('', '{"v":[7,4,8,2,9,1,3]}')).toEqual([]);
    expect(hits('', '{"v":[4,8,2,9,1,3,0]}')).toEqual([]);
    expect(hits('', '{"v":[4,8,2,9,1-3]}')).toEqual([]);
  });

  it('matches an alphanumeric OTP as a whole token, ignoring case', () => {
    const otp = [w('otp', 'a7k2q9')];
    expect(hits('', 'code=A7K2Q9', otp)).toEqual(['otp']);
    expect(hits('', 'code=a7k2q9', otp)).toEqual(['otp']);
    expect(hits('', 'code=xa7k2q9', otp)).toEqual([]);
  });

  it('does not match unrelated bodies', () => {
    const bodies = [
      '{"event":"page_view","ts":1748291300123,"session":"a81f3c9e2b","screen":"1920x1080"}',
      'utm_source=google&utm_medium=cpc&gclid=Cj0KCQjw8O-VBhCpARIsACMvVLOkLm1lR4',
      JSON.stringify({ amount: 5000, term: 12, rate: 0.0138, order: '20250101123456789' }),
      btoa(JSON.stringify({ mobile: '13900139000', code: '123456' })),
      'https://cdn.example/static/js/app.3f9a1c.js',
    ];
    for (const body of bodies) expect(hits('https://api.example/collect?v=2', body)).toEqual([]);
  });

  it('never throws on malformed encodings', () => {
    const bad = [
      '%E0%A4%A',
      'a=%E0%A4%A&b=%ZZ%',
      'id=%B2%E2%CA%D411010519491231002X',
      'x=!!!notbase64@@@@@@@@@@@@@@@@@@@',
      'AAAAAAAAAAAAAAAAA',
      'eyJtb2JpbGUiOiIxMzgwMDEzODAwMCJ',
      '{"a":"\\u00zz\\',
      '\\',
    ];
    for (const body of bad) expect(() => hits('', body)).not.toThrow();
    // A GBK-encoded name glued to %-encoded digits: the run is not UTF-8, its ASCII escapes still decode.
    const gbkThenId = '%D5%C5%C8%FD' + [...'11010519491231002X'].map((c) => '%' + c.charCodeAt(0).toString(16)).join('');
    expect(hits('', `q=${gbkThenId}`)).toEqual(['national-id']);
    // Truncated base64url JSON still decodes far enough.
    expect(hits('', 'eyJtb2JpbGUiOiIxMzgwMDEzODAwMCJ')).toEqual(['phone']);
  });

  it('finds nothing in empty texts', () => {
    expect(findWatched([''], ALL)).toEqual([]);
  });

  it('finishes on a 1 MB body and still finds a value at its end', () => {
    const filler = 'k=' + 'Zq9'.repeat(340_000);
    expect(hits('', `${filler}&mobile=13800138000`)).toEqual(['phone']);
    const tokens = Array.from({ length: 40_000 }, (_, i) => `Tok${i}AbCdEfGhIjKlMn`).join(',');
    expect(hits('', `${tokens},"code":"482913"`)).toEqual(['otp']);
    const escaped = '%41'.repeat(350_000) + '\\u0041'.repeat(100_000);
    expect(hits('', escaped)).toEqual([]);
  }, 30_000); // a generous bound: this is about finishing at all, not about speed (measured in the benchmark)

  it('is not stopped by decoy base64 tokens before the real one', () => {
    const decoys = Array.from({ length: 500 }, (_, i) => btoa(`{"n":"decoy number ${i}"}`)).join(' ');
    expect(hits('', `${decoys} ${btoa('{"mobile":"13800138000"}')}`)).toEqual(['phone']);
  });

  it('finds values in the simple re-encodings pages use to hide them', () => {
    const id = '11010519491231002X';
    const hex = [...id].map((c) => c.charCodeAt(0).toString(16)).join('');
    const codes = [...id].map((c) => c.charCodeAt(0)).join(',');
    const triple = encodeURIComponent(encodeURIComponent(encodeURIComponent(`id=${id}`)));
    expect(hits('', `data=${[...id].reverse().join('')}`)).toEqual(['national-id']);
    expect(hits('', `h=${hex}`)).toEqual(['national-id']);
    expect(hits('', `h=${hex.toUpperCase()}`)).toEqual(['national-id']);
    expect(hits('', `{"c":[${codes}]}`)).toEqual(['national-id']);
    expect(hits('', `q=${triple}`)).toEqual(['national-id']);
    expect(hits('', `b=${btoa(btoa(JSON.stringify({ id })))}`)).toEqual(['national-id']);
    expect(hits('', `s="\\x31\\x33\\x38\\x30\\x30\\x31\\x33\\x38\\x30\\x30\\x30"`)).toEqual(['phone']);
  });

  it('counts an internal failure as a match, so the request is held', () => {
    const hostile = { toUpperCase: () => { throw new Error('boom'); } } as unknown as string;
    expect(findWatched([hostile], ALL)).toEqual(ALL);
  });
});

describe('DigitStreams', () => {
  it('finds a value split over two requests to the same destination, and only there', () => {
    const streams = new DigitStreams();
    expect(streams.feed('collector.example', ['{"a":"110105194"}'], ALL, 1_000)).toEqual([]);
    expect(streams.feed('other.example', ['{"b":"91231002X"}'], ALL, 1_100)).toEqual([]);
    expect(streams.feed('collector.example', ['{"b":"91231002X"}'], ALL, 1_200)).toEqual([CN_ID]);
  });

  it('is not cut apart by the digits every address to the destination carries (port, path)', () => {
    const streams = new DigitStreams();
    const at = (path: string) => `http://collector.example:41234/x/api/v2/${path}`;
    expect(streams.feed('collector.example', [at('part-1'), '110105194'], ALL, 1_000)).toEqual([]);
    expect(streams.feed('collector.example', [at('part-2'), '91231002X'], ALL, 1_300)).toEqual([CN_ID]);
  });

  it('finds a value sent in three pieces', () => {
    const streams = new DigitStreams();
    streams.feed('c.example', ['a=110105'], ALL, 0);
    streams.feed('c.example', ['b=194912'], ALL, 10);
    expect(streams.feed('c.example', ['c=31002X'], ALL, 20)).toEqual([CN_ID]);
  });

  it('forgets after the window, and never counts a match inside one request', () => {
    const streams = new DigitStreams(16, 1_000);
    streams.feed('c.example', ['p=1380013'], ALL, 0);
    expect(streams.feed('c.example', ['p=8000'], ALL, 5_000)).toEqual([]);
    expect(streams.feed('c.example', ['x=1', 'p=13800138000'], ALL, 5_100)).toEqual([]);
  });

});
