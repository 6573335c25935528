// One open tab's verdict (options page, About): is this a loan sign-up page and why, and which
// personal-data fields it has.
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import { t } from '@/lib/locale/i18n';
import { FieldList } from '@/components/shared/FieldList';
import { ReasonList } from '@/components/shared/ReasonList';

export function VerdictView({ verdict }: { verdict: TabVerdict | null }) {
  if (!verdict) {
    return (
      <div class="status status-none" role="status">
        {t('noVerdict')}
      </div>
    );
  }
  const isLoan = verdict.loan?.isLoanPage === true;
  return (
    <section aria-labelledby={`site-${verdict.tabId}`}>
      <h3 id={`site-${verdict.tabId}`}>{verdict.siteDisplay || verdict.site || verdict.url}</h3>
      {verdict.title && <p class="muted">{verdict.title}</p>}
      <div class={`status ${isLoan ? 'status-warn' : 'status-ok'}`} role="status" data-verdict={isLoan ? 'loan' : 'not-loan'}>
        <strong>{isLoan ? t('verdictLoan') : t('verdictNotLoan')}</strong>
        {verdict.loan && <ReasonList reasons={verdict.loan.reasons} label={t('whyPage')} />}
      </div>
      <h4>{t('fieldsHeading')}</h4>
      <FieldList fields={verdict.fields} />
    </section>
  );
}
