// The popup's one way to the site-identity helpers, which carry the public-suffix list (tldts, the
// largest script of the extension): loaded alongside the tab's details, never before the first paint.
type SiteIdentityModule = typeof import('@/lib/trust/site-identity');

let loaded: SiteIdentityModule | undefined;
let loading: Promise<SiteIdentityModule> | undefined;

export function loadSiteIdentity(): Promise<SiteIdentityModule> {
  return (loading ??= import('@/lib/trust/site-identity').then((module) => (loaded = module)));
}

/** The helpers, once loadSiteIdentity() has resolved (the popup shows "this site" only after that). */
export function siteIdentity(): SiteIdentityModule {
  if (!loaded) throw new Error('site identity used before loadSiteIdentity()');
  return loaded;
}
