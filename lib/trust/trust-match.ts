/** Where the trusted list is stored (storage.local). */
export const TRUSTED_KEY = 'trustedSites';
/** Most sites a trusted list holds. */
export const TRUSTED_MAX = 10_000;

// Is a host covered by the trusted list? Runs in every frame, so no public-suffix list here: trusted
// entries are already registrable domains (checked when added), and a host is covered when it is the
// entry or ends in "." + entry. `example.com` covers `m.example.com`, never `example.com.evil.io`.

export function hostIsTrusted(host: string, trusted: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  if (!h) return false;
  return trusted.some((site) => h === site || h.endsWith(`.${site}`));
}

/** The host a URL sends to, or '' when it has none (data:, about:, malformed). */
export function hostOf(url: string, base?: string): string {
  try {
    return new URL(url, base).hostname;
  } catch {
    return '';
  }
}

/**
 * The trusted sites in a stored list as pages read it (no schema library in page code): a list
 * the schema in trusted-list.ts would refuse counts as empty, so damage means more questions,
 * never fewer.
 */
export function trustedSitesInPage(stored: unknown): string[] {
  const list = stored as { version?: unknown; sites?: unknown } | null;
  if (typeof list !== 'object' || list === null || list.version !== 1 || !Array.isArray(list.sites) || list.sites.length > TRUSTED_MAX) return [];
  const sites: string[] = [];
  for (const entry of list.sites as unknown[]) {
    const { site, addedAt, note } = (entry ?? {}) as { site?: unknown; addedAt?: unknown; note?: unknown };
    const valid =
      typeof site === 'string' && site.length >= 1 && site.length <= 253 && typeof addedAt === 'number' && (note === undefined || (typeof note === 'string' && note.length <= 200));
    if (!valid) return [];
    sites.push(site);
  }
  return sites;
}
