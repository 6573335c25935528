// Unit tests for site identity, the trusted-site list and the Punycode decoder (lib/trust/site-identity.ts).
import { domainToUnicode as nodeDomainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  domainToUnicode,
  isTrustedSite,
  normalizeTrustedEntry,
  punycodeDecode,
  registrableDomain,
  siteOf,
} from '@/lib/trust/site-identity';

describe('siteOf', () => {
  it.each([
    ['https://m.example.com/login', 'example.com', 'm.example.com'],
    ['https://a.b.example.co.uk/', 'example.co.uk', 'a.b.example.co.uk'],
    ['https://www.prestamo.com.mx/solicitud', 'prestamo.com.mx', 'www.prestamo.com.mx'],
    ['https://app.pinjam.co.id/', 'pinjam.co.id', 'app.pinjam.co.id'],
    ['http://www.beijing.gov.cn/', 'beijing.gov.cn', 'www.beijing.gov.cn'],
    ['HTTPS://M.EXAMPLE.COM/', 'example.com', 'm.example.com'],
    ['https://m.example.com./', 'example.com', 'm.example.com'],
    ['https://example.com@evil.io/', 'evil.io', 'evil.io'],
    ['https://user:pw@www.example.com:8443/x?y#z', 'example.com', 'www.example.com'],
    ['https://example.com.evil.io/', 'evil.io', 'example.com.evil.io'],
    ['https://foo.github.io/page', 'foo.github.io', 'foo.github.io'],
    ['https://bar.github.io/page', 'bar.github.io', 'bar.github.io'],
    ['https://github.io/', 'github.io', 'github.io'],
    ['http://router/', 'router', 'router'],
    ['wss://chat.example.com/socket', 'example.com', 'chat.example.com'],
    ['blob:https://www.example.com/5d7c-uuid', 'example.com', 'www.example.com'],
  ])('%s → domain %s', (url, site, host) => {
    expect(siteOf(url)).toMatchObject({ site, host, kind: 'domain' });
  });

  it('keys IDNs by punycode and displays them in Unicode', () => {
    const expected = { site: 'xn--fsqu00a.xn--fiqs8s', host: 'xn--fsqu00a.xn--fiqs8s', kind: 'domain', display: '例子.中国' };
    expect(siteOf('http://xn--fsqu00a.xn--fiqs8s/')).toEqual(expected);
    expect(siteOf('http://例子.中国/')).toEqual(expected);
    expect(siteOf('https://www.bücher.de/')).toEqual({
      site: 'xn--bcher-kva.de',
      host: 'www.xn--bcher-kva.de',
      kind: 'domain',
      display: 'bücher.de',
    });
  });

  it('treats IP addresses as their own site', () => {
    expect(siteOf('http://192.168.1.10:8080/admin')).toEqual({ site: '192.168.1.10', host: '192.168.1.10', kind: 'ip', display: '192.168.1.10' });
    expect(siteOf('http://0x7f.1/')).toMatchObject({ site: '127.0.0.1', kind: 'ip' }); // URL canonicalises IPv4
    expect(siteOf('http://[::1]:8080/')).toEqual({ site: '::1', host: '::1', kind: 'ip', display: '::1' });
    expect(siteOf('https://[2001:DB8::1]/')).toMatchObject({ site: '2001:db8::1', kind: 'ip' });
  });

  it('treats localhost as one site and each name under it as its own, ignoring the port', () => {
    expect(siteOf('http://localhost:3000/')).toEqual({ site: 'localhost', host: 'localhost', kind: 'localhost', display: 'localhost' });
    expect(siteOf('http://app.localhost:5173/')).toEqual({ site: 'app.localhost', host: 'app.localhost', kind: 'localhost', display: 'app.localhost' });
    expect(siteOf('http://www.app.localhost/')).toMatchObject({ site: 'app.localhost', host: 'www.app.localhost' });
  });

  it('makes each local file its own site', () => {
    expect(siteOf('file:///home/u/a.html?x=1#top')).toEqual({
      site: 'file:///home/u/a.html',
      host: '',
      kind: 'file',
      display: 'file:///home/u/a.html',
    });
    expect(siteOf('file:///home/u/b.html')?.site).not.toBe(siteOf('file:///home/u/a.html')?.site);
    expect(siteOf('file:///home/u/%E8%B4%B7%E6%AC%BE.html')?.display).toBe('file:///home/u/贷款.html');
  });

  it('identifies extension pages by extension id', () => {
    expect(siteOf('chrome-extension://abc/popup.html')).toEqual({
      site: 'chrome-extension://abc',
      host: 'abc',
      kind: 'extension',
      display: 'chrome-extension://abc',
    });
    expect(siteOf('moz-extension://1234-5678/options.html')).toMatchObject({ kind: 'extension', site: 'moz-extension://1234-5678' });
  });

  it('treats about:, data: and javascript: as other, without their contents', () => {
    expect(siteOf('about:blank')).toEqual({ site: 'about:blank', host: '', kind: 'other', display: 'about:blank' });
    expect(siteOf('data:text/html,<input name=idcard value=110101199003074477>')).toEqual({
      site: 'data:',
      host: '',
      kind: 'other',
      display: 'data:',
    });
    expect(siteOf('javascript:void(0)')).toMatchObject({ site: 'javascript:', kind: 'other' });
  });

  it('returns null for unparseable URLs', () => {
    expect(siteOf('')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf('example.com')).toBeNull(); // no scheme: not a URL
    expect(siteOf('http://')).toBeNull();
    expect(siteOf('http://a b.com/')).toBeNull();
  });
});

describe('registrableDomain', () => {
  it('gives eTLD+1 for domains only', () => {
    expect(registrableDomain('https://a.b.example.co.uk/x')).toBe('example.co.uk');
    expect(registrableDomain('https://shop.example.com.mx/')).toBe('example.com.mx');
    expect(registrableDomain('http://例子.中国/')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(registrableDomain('https://foo.blogspot.com/')).toBe('foo.blogspot.com');
    expect(registrableDomain('https://github.io/')).toBeNull();
    expect(registrableDomain('http://router/')).toBeNull();
    expect(registrableDomain('http://10.0.0.1/')).toBeNull();
    expect(registrableDomain('http://localhost/')).toBeNull();
    expect(registrableDomain('file:///a.html')).toBeNull();
    expect(registrableDomain('garbage')).toBeNull();
  });
});

describe('normalizeTrustedEntry', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['example.com.', 'example.com'],
    ['https://www.example.com/path?q=1', 'example.com'],
    ['http://m.example.com:8080', 'example.com'],
    ['*.example.com', 'example.com'],
    ['www.example.com/loan', 'example.com'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a.xn--fiqs8s'],
    ['prestamo.com.mx', 'prestamo.com.mx'],
    ['alice.github.io', 'alice.github.io'],
    ['192.168.1.1', '192.168.1.1'],
    ['[::1]', '::1'],
    ['::1', '::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
  ])('%s → %s', (input, site) => {
    expect(normalizeTrustedEntry(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['', 'empty entry'],
    ['   ', 'empty entry'],
    ['exa mple.com', 'an address cannot contain spaces'],
    ['com', '"com" is a public suffix shared by many sites; enter a full domain such as example.com'],
    ['co.uk', '"co.uk" is a public suffix shared by many sites; enter a full domain such as example.co.uk'],
    ['*.com.mx', '"com.mx" is a public suffix shared by many sites; enter a full domain such as example.com.mx'],
    ['github.io', '"github.io" is a public suffix shared by many sites; enter a full domain such as example.github.io'],
    ['http://', 'not a valid web address'],
    ['???', 'not a valid web address'],
    ['!!!', '"!!!" is not a valid host name'],
    ['-bad-.com', '"-bad-.com" is not a valid host name'],
    ['intranet', '"intranet" is not a complete domain name'],
    ['ftp://example.com', 'only web addresses (http or https) can be trusted'],
    ['file:///home/u/a.html', 'only web addresses (http or https) can be trusted'],
    ['example.com@evil.io', 'an address with "@" (user name) is not accepted'],
    ['https://example.com@evil.io/', 'an address with "@" (user name) is not accepted'],
    [`${'a'.repeat(250)}.com`, 'host name is too long'],
    ['x'.repeat(3000), 'entry is too long'],
  ])('rejects %s', (input, error) => {
    expect(normalizeTrustedEntry(input)).toEqual({ ok: false, error });
  });
});

describe('isTrustedSite', () => {
  const trusted = ['example.com'];

  it('covers the site and its subdomains', () => {
    expect(isTrustedSite('https://example.com/', trusted)).toBe(true);
    expect(isTrustedSite('https://m.example.com/apply', trusted)).toBe(true);
    expect(isTrustedSite('HTTPS://WWW.EXAMPLE.COM./', trusted)).toBe(true);
    expect(isTrustedSite('https://m.example.com/', ['EXAMPLE.COM'])).toBe(true);
  });

  it('does not cover look-alikes', () => {
    expect(isTrustedSite('https://example.com.evil.io/', trusted)).toBe(false);
    expect(isTrustedSite('https://notexample.com/', trusted)).toBe(false);
    expect(isTrustedSite('https://evil.io/?x=example.com', trusted)).toBe(false);
    expect(isTrustedSite('https://evil.io/example.com', trusted)).toBe(false);
    expect(isTrustedSite('https://example.com@evil.io/', trusted)).toBe(false);
    expect(isTrustedSite('https://example.co/', trusted)).toBe(false);
  });

  it('keeps users of private suffixes apart', () => {
    expect(isTrustedSite('https://alice.github.io/', ['alice.github.io'])).toBe(true);
    expect(isTrustedSite('https://mallory.github.io/', ['alice.github.io'])).toBe(false);
  });

  it('matches an IDN entry against its punycode URL and vice versa', () => {
    expect(isTrustedSite('http://xn--fsqu00a.xn--fiqs8s/', ['例子.中国'])).toBe(true);
    expect(isTrustedSite('http://www.例子.中国/', ['xn--fsqu00a.xn--fiqs8s'])).toBe(true);
    expect(isTrustedSite('http://xn--fsqu00a.xn--fiqz9s/', ['例子.中国'])).toBe(false); // .中國 ≠ .中国
  });

  it('handles IPs and localhost', () => {
    expect(isTrustedSite('http://[::1]:8080/', ['::1'])).toBe(true);
    expect(isTrustedSite('http://192.168.1.1/', ['192.168.1.1'])).toBe(true);
    expect(isTrustedSite('http://192.168.1.2/', ['192.168.1.1'])).toBe(false);
    expect(isTrustedSite('http://localhost:5173/', ['localhost'])).toBe(true);
    // Trusting one local name does not trust another (the demo's separate sites).
    expect(isTrustedSite('http://bank.localhost:8787/', ['bank.localhost'])).toBe(true);
    expect(isTrustedSite('http://kuaidai.localhost:8787/', ['bank.localhost'])).toBe(false);
  });

  it('never trusts non-web pages or invalid entries', () => {
    expect(isTrustedSite('about:blank', trusted)).toBe(false);
    expect(isTrustedSite('data:text/html,hi', ['data:'])).toBe(false);
    expect(isTrustedSite('file:///home/u/a.html', ['file:///home/u/a.html'])).toBe(false);
    expect(isTrustedSite('https://example.com/', ['com'])).toBe(false);
    expect(isTrustedSite('https://example.com/', [])).toBe(false);
    expect(isTrustedSite('not a url', trusted)).toBe(false);
  });
});

describe('punycodeDecode / domainToUnicode', () => {
  it('decodes RFC 3492 samples', () => {
    expect(punycodeDecode('fsqu00a')).toBe('例子');
    expect(punycodeDecode('fiqs8s')).toBe('中国');
    expect(punycodeDecode('bcher-kva')).toBe('bücher');
    // RFC 3492 §7.1 (B) Chinese (simplified) and (L) Japanese with a mixed-case ASCII prefix.
    expect(punycodeDecode('ihqwcrb4cv8a8dqg056pqjye')).toBe('他们为什么不说中文');
    expect(punycodeDecode('3B-ww4c5e180e575a65lsy2b')).toBe('3年B組金八先生');
    expect(punycodeDecode('ls8h')).toBe('💩'); // astral code point
  });

  it('rejects malformed input', () => {
    expect(punycodeDecode('a-?')).toBeNull();
    expect(punycodeDecode('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz')).toBeNull();
  });

  it('agrees with Node for real domains', () => {
    const domains = [
      'xn--fsqu00a.xn--fiqs8s',
      'www.xn--bcher-kva.de',
      'xn--mnchen-3ya.de',
      'xn--80ak6aa92e.com',
      'xn--eckwd4c7cu47r2wf.jp',
      'xn--h2brj9c',
      'xn--o3cw4h',
      'xn--p1ai',
      'xn--ls8h.la',
      'xn--pnjaman-cwa.co.id',
      'example.com',
    ];
    for (const domain of domains) expect(domainToUnicode(domain)).toBe(nodeDomainToUnicode(domain));
  });

  it('leaves undecodable labels as they are', () => {
    expect(domainToUnicode('xn--a-?.com')).toBe('xn--a-?.com');
  });
});
