// Unit tests for lib/trust/trust-match.ts: which destination hosts the trusted list covers, and the host a (relative) URL sends to.
import { describe, expect, it } from 'vitest';
import { hostIsTrusted, hostOf, trustedSitesInPage } from '@/lib/trust/trust-match';
import { parseTrustedList, trustedSiteNames } from '@/lib/trust/trusted-list';
import { normalizeTrustedEntry } from '@/lib/trust/site-identity';

/** A trusted-list entry exactly as the options page would store it. */
function entry(typed: string): string {
  const normalized = normalizeTrustedEntry(typed);
  if (!normalized.ok) throw new Error(`not a trusted entry: ${typed}`);
  return normalized.site;
}

describe('hostIsTrusted', () => {
  const trusted = ['example.com', 'bank.co.id'];

  it('covers the entry itself and its subdomains at any depth', () => {
    expect(hostIsTrusted('example.com', trusted)).toBe(true);
    expect(hostIsTrusted('m.example.com', trusted)).toBe(true);
    expect(hostIsTrusted('api.v2.example.com', trusted)).toBe(true);
    expect(hostIsTrusted('www.bank.co.id', trusted)).toBe(true);
  });

  it('never covers a look-alike that merely contains or starts with the entry', () => {
    expect(hostIsTrusted('example.com.evil.io', trusted)).toBe(false);
    expect(hostIsTrusted('notexample.com', trusted)).toBe(false);
    expect(hostIsTrusted('example.co', trusted)).toBe(false);
    expect(hostIsTrusted('evil-example.com', trusted)).toBe(false);
    expect(hostIsTrusted('co.id', trusted)).toBe(false);
  });

  it('ignores the case of the host', () => {
    expect(hostIsTrusted('EXAMPLE.COM', trusted)).toBe(true);
    expect(hostIsTrusted('Api.Example.Com', trusted)).toBe(true);
  });

  it('treats a fully-qualified host (trailing dot) as the same host', () => {
    expect(hostIsTrusted('example.com.', trusted)).toBe(true);
    expect(hostIsTrusted('m.example.com.', trusted)).toBe(true);
    expect(hostIsTrusted(hostOf('https://EXAMPLE.com./login'), trusted)).toBe(true);
  });

  it('matches IPv6 hosts given with or without brackets against the stored (bracketless) entry', () => {
    const list = [entry('[::1]')];
    expect(list).toEqual(['::1']);
    expect(hostIsTrusted('[::1]', list)).toBe(true);
    expect(hostIsTrusted('::1', list)).toBe(true);
    expect(hostIsTrusted(hostOf('http://[::1]:8080/api'), list)).toBe(true);
    expect(hostIsTrusted(hostOf('http://[::2]/api'), list)).toBe(false);
  });

  it('matches IPv4 hosts exactly', () => {
    const list = [entry('http://192.168.0.1:8080/')];
    expect(hostIsTrusted(hostOf('http://192.168.0.1/x'), list)).toBe(true);
    expect(hostIsTrusted(hostOf('http://192.168.0.10/x'), list)).toBe(false);
  });

  it('matches an IDN destination (punycode, as URLs give it) against its punycode entry', () => {
    const list = [entry('bücher.example')];
    expect(list).toEqual(['xn--bcher-kva.example']);
    const host = hostOf('https://shop.bücher.example/checkout');
    expect(host).toBe('shop.xn--bcher-kva.example');
    expect(hostIsTrusted(host, list)).toBe(true);
    expect(hostIsTrusted(hostOf('https://bucher.example/'), list)).toBe(false);
  });

  it('never trusts an empty host, even with an empty or odd list', () => {
    expect(hostIsTrusted('', trusted)).toBe(false);
    expect(hostIsTrusted('', [''])).toBe(false);
    expect(hostIsTrusted('.', trusted)).toBe(false);
    expect(hostIsTrusted('[]', trusted)).toBe(false);
    expect(hostIsTrusted('example.com', [])).toBe(false);
  });
});

describe('hostOf', () => {
  it('gives the host of an absolute URL (lowercase, without port or credentials)', () => {
    expect(hostOf('https://User:pw@API.Lender.Example:8443/v1?x=1#y')).toBe('api.lender.example');
    expect(hostOf('wss://ws.lender.example/socket')).toBe('ws.lender.example');
  });

  it('resolves relative URLs against the base', () => {
    expect(hostOf('/api/apply', 'https://shop.example/form')).toBe('shop.example');
    expect(hostOf('apply?x=1', 'https://shop.example/a/b')).toBe('shop.example');
    expect(hostOf('//cdn.other.example/p', 'https://shop.example/')).toBe('cdn.other.example');
    // An absolute URL ignores the base.
    expect(hostOf('https://lender.example/x', 'https://shop.example/')).toBe('lender.example');
  });

  it("gives '' for URLs without a host and for garbage", () => {
    expect(hostOf('data:text/plain,13800138000')).toBe('');
    expect(hostOf('about:blank')).toBe('');
    expect(hostOf('javascript:void(0)')).toBe('');
    expect(hostOf('not a url')).toBe('');
    expect(hostOf('/relative/without/base')).toBe('');
    expect(hostOf('http://')).toBe('');
    expect(hostOf('')).toBe('');
    expect(hostOf('/x', 'about:blank')).toBe('');
  });
});

describe('trustedSitesInPage (the reader for code in pages) agrees with the schema', () => {
  const good = { version: 1, sites: [{ site: 'example.com', addedAt: 1, note: 'bank' }, { site: 'xn--fsqu00a.xn--fiqs8s', addedAt: 2 }] };
  it.each([
    ['a valid list', good],
    ['nothing stored', undefined],
    ['another version', { ...good, version: 2 }],
    ['sites not an array', { version: 1, sites: 'example.com' }],
    ['one entry without addedAt', { version: 1, sites: [...good.sites, { site: 'evil.example' }] }],
    ['one entry with a number for a site', { version: 1, sites: [{ site: 42, addedAt: 1 }] }],
    ['an over-long note', { version: 1, sites: [{ site: 'a.example', addedAt: 1, note: 'x'.repeat(201) }] }],
    ['an empty site', { version: 1, sites: [{ site: '', addedAt: 1 }] }],
    ['too many sites', { version: 1, sites: Array.from({ length: 10_001 }, (_, i) => ({ site: `s${i}.example`, addedAt: i })) }],
    ['null', null],
  ])('%s', (_, stored) => {
    const full = parseTrustedList(stored);
    expect(trustedSitesInPage(stored)).toEqual(trustedSiteNames(full.value));
  });
});
