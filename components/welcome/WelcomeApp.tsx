// The welcome page, shown once after install (and from the options page's About): in three lines what
// LoanGuard does and doesn't do, then three steps — the phone region, trusted platforms, the demo.
import { useEffect } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { PageHeader } from '@/components/shared/PageHeader';
import { DemoStep } from './DemoStep';
import { RegionStep } from './RegionStep';
import { TrustStep } from './TrustStep';
import './welcome.css';

export function WelcomeApp() {
  useEffect(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('welcome_title');
  }, []);
  return (
    <>
      <PageHeader />
      <main class="page-main welcome">
        <h1>{t('welcome_title')}</h1>
        <ul class="welcome-promises" aria-label={t('welcome_promises_label')}>
          <li class="welcome-does">{t('welcome_line_warns')}</li>
          <li class="welcome-does">{t('welcome_line_log')}</li>
          <li class="welcome-doesnt">{t('welcome_line_private')}</li>
        </ul>
        <ol class="welcome-steps">
          <li>
            <RegionStep />
          </li>
          <li>
            <TrustStep />
          </li>
          <li>
            <DemoStep />
          </li>
        </ol>
        <p class="welcome-later">
          {t('welcome_later')}{' '}
          <a href="/options.html">{t('welcome_open_settings')}</a>
        </p>
      </main>
    </>
  );
}
