// Exporting the trusted list, as our JSON or as plain text (one site a line).
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import { exportTrustedJson, exportTrustedText } from '@/lib/trust/trusted-import';
import type { TrustedList } from '@/lib/trust/trusted-list';

/** A Blob URL for `content`, revoked when the content changes or the section goes away. */
function useBlobUrl(content: string | null, type: string): string | null {
  const url = useMemo(() => (content === null ? null : URL.createObjectURL(new Blob([content], { type }))), [content, type]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return url;
}

export function TrustedExport({ list }: { list: TrustedList | null }) {
  const hasSites = (list?.sites.length ?? 0) > 0;
  const jsonUrl = useBlobUrl(useMemo(() => (list && hasSites ? exportTrustedJson(list) : null), [list]), 'application/json');
  const textUrl = useBlobUrl(useMemo(() => (list && hasSites ? exportTrustedText(list) : null), [list]), 'text/plain');
  return (
    <div class="block">
      <h3>{t('trusted_export_heading')}</h3>
      {hasSites && jsonUrl && textUrl ? (
        <p class="actions">
          <a class="button" href={jsonUrl} download="loanguard-trusted-sites.json">
            {t('trusted_export_json')}
          </a>
          <a class="button" href={textUrl} download="loanguard-trusted-sites.txt">
            {t('trusted_export_text')}
          </a>
        </p>
      ) : (
        <p class="muted">{t('trusted_export_nothing')}</p>
      )}
    </div>
  );
}
