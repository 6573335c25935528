// Options-page section "About": what LoanGuard does and does not do, each permission and why, the
// privacy promise and the privacy policy (PRIVACY.md), the version, a way back to the welcome page, and what it found in the open tabs.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import { listTabVerdicts } from '@/lib/messages/page-requests';
import { t } from '@/lib/locale/i18n';
import { VerdictView } from './VerdictView';
// The store privacy policy, shipped with the extension so it reads without a network request.
import privacyPolicy from '@/PRIVACY.md?raw';

/** The manifest's permissions as people read them: [id, name, why]. */
const permissions = (): [string, string, string][] => [
  ['sites', t('about_perm_sites_name'), t('about_perm_sites_why')],
  ['storage', t('about_perm_storage_name'), t('about_perm_storage_why')],
  ['scripting', t('about_perm_scripting_name'), t('about_perm_scripting_why')],
  ['network', t('about_perm_network_name'), t('about_perm_network_why')],
];

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/** PRIVACY.md as paragraphs and lists ("- " items, continued on indented lines); plain text, no HTML. */
function policyBlocks(text: string) {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((block) => {
      const join = (lines: string) => lines.replace(/\s*\n\s*/g, ' ');
      if (!block.startsWith('- ')) return <p key={block}>{join(block)}</p>;
      return (
        <ul key={block}>
          {block
            .slice(2)
            .split(/\n- /)
            .map((item) => (
              <li key={item}>{join(item)}</li>
            ))}
        </ul>
      );
    });
}

export function AboutLoanGuard() {
  const [verdicts, setVerdicts] = useState<TabVerdict[] | null>(null);
  useEffect(() => {
    listTabVerdicts().then(setVerdicts, () => setVerdicts([]));
  }, []);
  return (
    <section class="about" aria-labelledby="about-heading">
      <h2 id="about-heading">{t('about_heading')}</h2>
      <p class="section-intro">{t('about_intro')}</p>

      <div class="about-columns">
        <div class="card">
          <h3 id="about-does">{t('about_does_heading')}</h3>
          <ul class="about-list about-does" aria-labelledby="about-does">
            <li>{t('about_does_detect')}</li>
            <li>{t('about_does_ask')}</li>
            <li>{t('about_does_log')}</li>
          </ul>
        </div>
        <div class="card">
          <h3 id="about-doesnt">{t('about_doesnt_heading')}</h3>
          <ul class="about-list about-doesnt" aria-labelledby="about-doesnt">
            <li>{t('about_doesnt_send')}</li>
            <li>{t('about_doesnt_store')}</li>
            <li>{t('about_doesnt_everything')}</li>
          </ul>
        </div>
      </div>

      <h3 id="about-permissions">{t('about_permissions_heading')}</h3>
      <dl class="about-permissions" aria-labelledby="about-permissions">
        {permissions().map(([id, name, why]) => (
          <div key={id} data-permission={id}>
            <dt>{name}</dt>
            <dd>{why}</dd>
          </div>
        ))}
      </dl>

      <h3>{t('about_privacy_heading')}</h3>
      <p class="status status-ok about-privacy">{t('about_privacy_body')}</p>
      <details class="about-privacy-policy">
        <summary>{t('about_privacyPolicy')}</summary>
        <div lang="en">{policyBlocks(privacyPolicy)}</div>
      </details>

      <h3>{t('about_welcome_heading')}</h3>
      <p>{t('about_welcome_help')}</p>
      <p>
        <a class="button" href="/welcome.html" data-open-welcome>
          {t('about_welcome_link')}
        </a>
      </p>

      <p class="muted about-version" data-version={version()}>
        {t('about_version', [version()])}
      </p>

      <details class="about-tabs">
        <summary>{t('openTabsHeading')}</summary>
        {verdicts === null && <p class="muted">{t('loading')}</p>}
        {verdicts?.length === 0 && <p class="muted">{t('noOpenTabs')}</p>}
        <ul class="plain">
          {verdicts?.map((verdict) => (
            <li key={verdict.tabId}>
              <VerdictView verdict={verdict} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
