// The header bar of LoanGuard's full pages: the shield and the name, or the page's own title as its h1.
import { t } from '@/lib/locale/i18n';

export function PageHeader({ heading, exclude }: { heading?: string; /** Left out of saved copies (the report). */ exclude?: boolean }) {
  return (
    <header class="page-header" {...(exclude ? { 'data-report-exclude': '' } : {})}>
      <img src="/icon/48.png" alt="" width={28} height={28} />
      {heading ? <h1 class="brand">{heading}</h1> : <p class="brand">{t('extName')}</p>}
    </header>
  );
}
