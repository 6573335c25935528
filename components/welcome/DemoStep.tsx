// Welcome step 3: what LoanGuard's question looks like (a still picture in the prompt's own words)
// and where to try it: the demo sites that `npm start` serves on this computer (scripts/demo-server.ts).
import { kindLabel, t } from '@/lib/locale/i18n';

/** The demo's index, as `npm start` / `npm run demo` serve it (scripts/demo-server.ts, default port). */
export const DEMO_INDEX_URL = 'http://demo.localhost:8787/';

export function DemoStep() {
  return (
    <section class="card welcome-step" aria-labelledby="welcome-demo-heading">
      <h2 id="welcome-demo-heading">{t('welcome_demo_heading')}</h2>
      <p>{t('welcome_demo_help')}</p>
      <figure class="welcome-prompt" aria-labelledby="welcome-prompt-caption">
        {/* A picture of the prompt: its words, but nothing to press (the real one lives in the page). */}
        <div class="prompt-picture" aria-hidden="true">
          <p class="prompt-picture-brand">{t('extName')}</p>
          <p class="prompt-picture-title">{t('promptTitle', ['kuaidai.example'])}</p>
          <p class="prompt-picture-item">
            <span class="kind">{kindLabel('phone')}</span> <span class="masked">138****8000</span>
          </p>
          <p class="status status-warn">{t('promptLoan')}</p>
          <p class="prompt-picture-actions">
            <span class="button button-primary">{t('promptCancel')}</span>
            <span class="button">{t('promptSendOnce')}</span>
            <span class="button">{t('promptTrust')}</span>
          </p>
        </div>
        <figcaption id="welcome-prompt-caption">{t('welcome_demo_caption')}</figcaption>
      </figure>
      <p>
        {t('welcome_demo_try')}{' '}
        <a href={DEMO_INDEX_URL} target="_blank" rel="noopener" data-demo-link>
          {DEMO_INDEX_URL}
        </a>
      </p>
      <p class="field-help">{t('welcome_demo_note')}</p>
    </section>
  );
}
