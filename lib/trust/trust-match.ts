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
