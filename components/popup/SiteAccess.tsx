// Site access in the popup: browsers let people withhold or revoke an extension's access per site
// (Firefox asks for it; Chrome's "on click" setting), and LoanGuard then neither checks the page
// nor holds anything there. Say so, and offer to ask the browser for access to this one site.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/locale/i18n';

/** The slice of browser.permissions used here (a test can hand in a fake). */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/** `http(s)://host/*` for a web page's URL (match patterns carry no port); null for other pages. */
export function originPattern(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.protocol}//${parsed.hostname}/*` : null;
  } catch {
    return null;
  }
}

type Access = 'checking' | 'granted' | 'missing' | 'just-granted' | 'denied';

export function SiteAccess({ url, display, permissions = browser.permissions as unknown as PermissionsApi }: { url?: string; display: string; permissions?: PermissionsApi }) {
  const pattern = originPattern(url);
  const [access, setAccess] = useState<Access>('checking');

  useEffect(() => {
    if (!pattern) return;
    let live = true;
    Promise.resolve()
      .then(() => permissions.contains({ origins: [pattern] }))
      .then(
      (has) => live && setAccess(has ? 'granted' : 'missing'),
      // Unknown: say nothing rather than something wrong.
      () => live && setAccess('granted'),
    );
    return () => {
      live = false;
    };
  }, [pattern]);

  if (!pattern || access === 'checking' || access === 'granted') return null;
  // Called straight from the click: browsers only show the permission request for a user action.
  const grant = (): void => {
    Promise.resolve(permissions.request({ origins: [pattern] })).then(
      (given) => setAccess(given ? 'just-granted' : 'denied'),
      () => setAccess('denied'),
    );
  };
  return (
    <section class="notice notice-warn site-access" data-access={access} role="status">
      {access === 'just-granted' ? (
        <p>{t('popup_siteAccessGranted')}</p>
      ) : (
        <>
          <p>{t('popup_siteAccessMissing', [display])}</p>
          {access === 'denied' && <p>{t('popup_siteAccessDenied')}</p>}
          <button type="button" class="site-access-grant" onClick={grant}>
            {t('popup_siteAccessGrant')}
          </button>
        </>
      )}
    </section>
  );
}
