// The one country guesser: which country a page, a site or a language points to. Used for the
// region of phone numbers typed without "+code" (in every frame, so dependency-free) and for the
// reporting offices shown in "Help after a leak". Order: an explicit setting, then the site's
// country-code TLD (a .com.mx site's users are in Mexico whatever language its page is in), then
// the language's region subtag, then a language spoken overwhelmingly in one lending market.
import { hostOf } from '../trust/trust-match';

// Languages spoken overwhelmingly in one lending market; languages shared by many countries
// (es, en, ar, fr, sw…) deliberately map to nothing, so the TLD gets a say.
const LANGUAGE_REGION: Readonly<Record<string, string>> = {
  zh: 'CN',
  id: 'ID',
  in: 'ID', // legacy ISO 639 code for Indonesian, still emitted by some Android WebViews
  pt: 'BR',
  vi: 'VN',
  th: 'TH',
  hi: 'IN',
  fil: 'PH',
  tl: 'PH',
  mr: 'IN',
  te: 'IN',
  kn: 'IN',
  ml: 'IN',
  gu: 'IN',
  ms: 'MY',
  bn: 'BD',
  ur: 'PK',
};

// Script subtags that pin Chinese to a region when no region subtag is given.
const CHINESE_SCRIPT_REGION: Readonly<Record<string, string>> = { hans: 'CN', hant: 'TW' };

// ccTLDs marketed as generic names (.io, .ai, .tv, .me…) or free-registration TLDs (.tk, .ml…)
// say nothing about where the site's users live.
const GENERIC_CCTLDS = new Set([
  'ac', 'ad', 'ai', 'am', 'cc', 'cf', 'cx', 'fm', 'ga', 'gd', 'gg', 'gq', 'io', 'la', 'ly', 'me',
  'ml', 'ms', 'nu', 'sh', 'so', 'st', 'tk', 'to', 'tv', 'vc', 'ws', 'eu', 'su',
]);

// ccTLDs whose label is not the ISO country code, including IDN ccTLDs in punycode.
const TLD_REGION: Readonly<Record<string, string>> = {
  uk: 'GB',
  'xn--fiqs8s': 'CN', // .中国
  'xn--fiqz9s': 'CN', // .中國
  'xn--kprw13d': 'TW', // .台湾
  'xn--kpry57d': 'TW', // .台灣
  'xn--j6w193g': 'HK', // .香港
  'xn--o3cw4h': 'TH', // .ไทย
  'xn--h2brj9c': 'IN', // .भारत
  'xn--p1ai': 'RU', // .рф
};

export interface RegionHints {
  /** The user's explicit choice (e.g. the phone-region setting); ignored unless a 2-letter code. */
  setting?: string;
  /** A URL, host or bare TLD of the site in question ("https://x.com.mx/", "kuaidai.cn", ".mx"). */
  url?: string;
  /** A BCP 47 language tag: the page's `lang`, or the UI language. */
  lang?: string;
}

/** The country the hints point to (ISO 3166-1 alpha-2), or undefined when nothing does. */
export function guessRegion({ setting, url, lang }: RegionHints): string | undefined {
  const chosen = setting?.trim();
  if (chosen && /^[a-z]{2}$/i.test(chosen)) return chosen.toUpperCase();
  return (url && regionFromUrl(url)) || (lang && regionFromLang(lang)) || undefined;
}

/** `zh-CN` → CN, `zh-Hant` → TW, `pt` → BR, `es` → undefined (BCP 47, also `_`-separated). */
export function regionFromLang(lang: string): string | undefined {
  const subtags = lang.trim().toLowerCase().split(/[-_]/);
  const language = subtags[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(language)) return undefined;
  const rest = subtags.slice(1);
  // The region subtag is the first 2-letter one after the language (script subtags have 4).
  const region = rest.find((s) => /^[a-z]{2}$/.test(s));
  if (region) return region.toUpperCase();
  // A numeric region such as es-419 (Latin America) names no single country.
  if (rest.some((s) => /^\d{3}$/.test(s))) return undefined;
  if (language === 'zh') {
    const script = rest.find((s) => s.length === 4);
    if (script && CHINESE_SCRIPT_REGION[script]) return CHINESE_SCRIPT_REGION[script];
  }
  return LANGUAGE_REGION[language];
}

/** `https://pinjam.co.id/` → ID, `.co` → CO (Colombia), `.com` / `.io` / IPs → undefined. */
export function regionFromUrl(url: string): string | undefined {
  // A bare TLD or host ("com.mx", ".mx") is read as a host name.
  const host = hostOf(url.includes('://') ? url : `http://${url.replace(/^\.+/, '')}`);
  if (!host || host.startsWith('[') || /^[\d.]+$/.test(host)) return undefined;
  const tld = host.replace(/\.+$/, '').split('.').pop() ?? '';
  const mapped = TLD_REGION[tld];
  if (mapped) return mapped;
  if (!/^[a-z]{2}$/.test(tld) || GENERIC_CCTLDS.has(tld)) return undefined;
  return tld.toUpperCase();
}
