// What "a site" is for trust decisions: the registrable domain (eTLD+1) of a URL, plus the
// user's trusted-site list. Uses tldts (~47 KB), so background/popup/CLI only, not content scripts.
import { hostIsTrusted } from './trust-match';
import { parse } from 'tldts';
import { domainToUnicode } from './domain-unicode';

// The decoder lives apart (no tldts) so pages that only show names needn't load the suffix list.
export { domainToUnicode, punycodeDecode } from './domain-unicode';

export type SiteKind = 'domain' | 'ip' | 'localhost' | 'file' | 'extension' | 'other';

export interface SiteIdentity {
  /** Key for trust decisions: eTLD+1 in ASCII (punycode), IP, 'localhost', 'file:///path'… */
  site: string;
  /** Full host name (ASCII, lowercase, no trailing dot, IPv6 without brackets); '' if none. */
  host: string;
  kind: SiteKind;
  /** `site` for showing to people: IDN labels decoded to Unicode. */
  display: string;
}

// Private suffixes (github.io, blogspot.com, vercel.app…) are honoured: every user of such a
// host is a different party, so trusting alice.github.io must not trust mallory.github.io.
const TLDTS_OPTIONS = { allowPrivateDomains: true } as const;

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:', 'extension:']);
const HOST_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
const MAX_ENTRY_LENGTH = 2048;

/** Site of a URL, or null when it is not an absolute URL. */
export function siteOf(url: string): SiteIdentity | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  const scheme = parsed.protocol;

  if (HOST_SCHEMES.has(scheme)) return siteOfHost(parsed.hostname);
  // A blob: URL belongs to the origin that created it, which is its inner URL.
  if (scheme === 'blob:') return siteOf(parsed.pathname);
  if (scheme === 'file:') {
    // Local files share no origin; a downloaded phishing page must not inherit the trust given
    // to another file, so each file (by path, without query/fragment) is its own site.
    const site = `file://${parsed.hostname}${parsed.pathname}`;
    return { site, host: parsed.hostname, kind: 'file', display: safeDecodeUri(site) };
  }
  if (EXTENSION_SCHEMES.has(scheme)) {
    const site = `${scheme}//${parsed.hostname}`;
    return { site, host: parsed.hostname, kind: 'extension', display: site };
  }
  // about:, data:, javascript:, … are opaque; never include their body (it may hold data).
  const site = scheme === 'about:' ? `about:${parsed.pathname}` : scheme;
  return { site, host: '', kind: 'other', display: site };
}

/** eTLD+1 of a URL's host (ASCII), or null for IPs, localhost, bare suffixes and non-web URLs. */
export function registrableDomain(url: string): string | null {
  const identity = siteOf(url);
  if (identity?.kind !== 'domain') return null;
  return parse(identity.host, TLDTS_OPTIONS).domain ?? null;
}

/**
 * Turn what a user typed into the trusted list into a site key: accepts `example.com`,
 * `https://www.example.com/path`, `*.example.com`, IDNs, IPs and `localhost`.
 */
export function normalizeTrustedEntry(input: string): { ok: true; site: string } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false, error }) as const;
  let text = input.trim();
  if (text === '') return fail('empty entry');
  if (text.length > MAX_ENTRY_LENGTH) return fail('entry is too long');
  if (/\s/.test(text)) return fail('an address cannot contain spaces');
  // A wildcard adds nothing (trusting a site covers its subdomains) but is a common way to type it.
  text = text.replace(/^\*\./, '');

  let url = text;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme !== 'http' && scheme !== 'https') return fail('only web addresses (http or https) can be trusted');
  } else {
    // A bare IPv6 address ("::1") needs brackets to be read as a host.
    if (/^[0-9a-f]*:[0-9a-f:.]*:[0-9a-f.]*$/i.test(text)) text = `[${text}]`;
    url = `http://${text}`;
  }

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('not a valid web address');
  }
  // "example.com@evil.io" means host evil.io; accepting it would trust the wrong site silently.
  if (parsed.username || parsed.password) return fail('an address with "@" (user name) is not accepted');
  const host = stripTrailingDots(parsed.hostname);
  if (host === '') return fail('no host name in the address');
  if (host.length > 253) return fail('host name is too long');

  const identity = siteOfHost(host);
  if (identity.kind === 'domain') {
    if (!isValidHostname(host)) return fail(`"${host}" is not a valid host name`);
    const info = parse(host, TLDTS_OPTIONS);
    if (!info.domain) {
      if (info.isIcann || info.isPrivate) {
        return fail(`"${identity.display}" is a public suffix shared by many sites; enter a full domain such as example.${identity.display}`);
      }
      return fail(`"${identity.display}" is not a complete domain name`);
    }
  }
  return { ok: true, site: identity.site };
}

/**
 * True when the URL's host is covered by one of the trusted entries (each normalised first), by the
 * same rule the content scripts use (lib/trust/trust-match.ts): `example.com` covers `m.example.com` but
 * not `example.com.evil.io`.
 */
export function isTrustedSite(url: string, trusted: readonly string[]): boolean {
  const identity = siteOf(url);
  if (!identity || (identity.kind !== 'domain' && identity.kind !== 'ip' && identity.kind !== 'localhost')) {
    return false;
  }
  const sites = trusted.flatMap((entry) => {
    const normalized = normalizeTrustedEntry(entry);
    return normalized.ok ? [normalized.site] : [];
  });
  return hostIsTrusted(identity.host, sites);
}

function siteOfHost(rawHost: string): SiteIdentity {
  let host = stripTrailingDots(rawHost.toLowerCase());
  if (host.startsWith('[') && host.endsWith(']')) {
    host = host.slice(1, -1);
    return { site: host, host, kind: 'ip', display: host };
  }
  // URL has already normalised every IPv4 spelling (0x7f.1, 2130706433) to dotted decimal.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { site: host, host, kind: 'ip', display: host };
  // `localhost` is one site; under it, each name (kuaidai.localhost) is a site of its own, as a
  // registrable domain is, so local test sites can be trusted one by one.
  if (host === 'localhost' || host.endsWith('.localhost')) {
    const site = host.split('.').slice(-2).join('.');
    return { site, host, kind: 'localhost', display: site };
  }
  // A host that is itself a public suffix or a single intranet label is its own site.
  const site = parse(host, TLDTS_OPTIONS).domain ?? host;
  return { site, host, kind: 'domain', display: domainToUnicode(site) };
}

function stripTrailingDots(host: string): string {
  return host.replace(/\.+$/, '');
}

function isValidHostname(host: string): boolean {
  // Underscores appear in real DNS names (e.g. some CDN hosts), so they are tolerated.
  return host.split('.').every((label) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(label));
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
