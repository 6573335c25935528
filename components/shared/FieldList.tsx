// The personal-data fields found on a page: what kind each is, how sure we are, and why.
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import { kindLabel, t } from '@/lib/locale/i18n';
import { ReasonList } from './ReasonList';

export function FieldList({ fields }: { fields: TabVerdict['fields'] }) {
  if (fields.length === 0) return <p class="muted">{t('noFields')}</p>;
  return (
    <ul class="plain" aria-label={t('fieldsHeading')}>
      {fields.map((field) => (
        <li key={`${field.frameUrl} ${field.selector}`}>
          <span class="kind">{kindLabel(field.kind)}</span>
          {field.country && <span class="tag">{field.country}</span>}
          <span class="tag">{t('confidence', String(Math.round(field.confidence * 100)))}</span>
          <br />
          <code class="selector">{field.selector}</code>
          <ReasonList reasons={field.reasons} label={t('whyField')} />
        </li>
      ))}
    </ul>
  );
}
