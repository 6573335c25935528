// The evidence report's saved pages (screenshots from "Save evidence of this page"): each with its
// address, title, local time and zone, SHA-256 and a download of the exact image the hash is of;
// deletable after a confirmation. And the report's "how it was produced" statement.
import { useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import type { EvidenceRecord } from '@/lib/log/evidence-store';
import { deleteEvidence } from '@/lib/messages/write-requests';
import { ConfirmStep } from '@/components/shared/ConfirmStep';
import { dateTimeLabel, siteLabel } from '@/components/shared/labels';

/** A moment in the zone the evidence was saved in, named, so a reader elsewhere reads the same time. */
function zonedTime(at: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long', timeZone }).format(at);
  } catch {
    return dateTimeLabel(at);
  }
}

const imageFileName = (record: EvidenceRecord): string =>
  `loanguard-evidence-${record.pageSite.replace(/[^a-z0-9.-]/gi, '_') || 'page'}-${new Date(record.at).toISOString().replace(/[:.]/g, '-')}.${record.image.startsWith('data:image/jpeg') ? 'jpg' : 'png'}`;

export function SavedEvidence({ records, heading, headingId, onDeleted }: { records: EvidenceRecord[]; heading: string; headingId: string; onDeleted(id: string): void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const remove = async (id: string) => {
    setBusy(true);
    const reply = await deleteEvidence(id);
    setBusy(false);
    setConfirming(null);
    if (reply.ok) onDeleted(id);
    else setFailed(reply.error);
  };
  if (records.length === 0) return null;
  return (
    <div class="saved-evidence">
      <h3 id={headingId}>{heading}</h3>
      {failed && (
        <p class="report-note" role="alert" data-report-exclude>
          {t(failed)}
        </p>
      )}
      <ul class="plain evidence-list" aria-labelledby={headingId}>
        {records.map((record) => (
          <li key={record.id} class="evidence-entry" data-evidence-id={record.id} data-sha256={record.sha256}>
            <figure>
              <img src={record.image} alt={t('evidence_image_alt', [record.pageUrl, zonedTime(record.at, record.timeZone)])} loading="lazy" />
              <figcaption>
                <dl class="report-scope">
                  <dt>{t('evidence_col_time')}</dt>
                  <dd>
                    <time dateTime={new Date(record.at).toISOString()}>{zonedTime(record.at, record.timeZone)}</time> ({record.timeZone})
                  </dd>
                  <dt>{t('evidence_col_page')}</dt>
                  <dd>
                    <div>{record.pageTitle || t('report_untitled')}</div>
                    <div class="url">{record.pageUrl}</div>
                  </dd>
                  <dt>{t('evidence_col_hash')}</dt>
                  <dd class="evidence-sha256">{record.sha256}</dd>
                </dl>
              </figcaption>
            </figure>
            <div class="actions" data-report-exclude>
              <a class="button-small" href={record.image} download={imageFileName(record)}>
                {t('evidence_download')}
              </a>
              <button type="button" class="button-small evidence-delete" onClick={() => setConfirming(record.id)}>
                {t('evidence_delete')}
              </button>
            </div>
            {confirming === record.id && (
              <div data-report-exclude>
                <ConfirmStep
                  request={{ anchor: `evidence:${record.id}`, message: t('evidence_delete_confirm', [siteLabel(record.pageSite)]), confirmLabel: t('evidence_delete') }}
                  busy={busy}
                  onConfirm={() => void remove(record.id)}
                  onCancel={() => setConfirming(null)}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How the report was made: LoanGuard's version, when and in which zone, and the image hashes. */
export function ReportProvenance({ generatedAt, version, records }: { generatedAt: number; version: string; records: EvidenceRecord[] }) {
  let zone = 'UTC';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    // Keep UTC: the times below then read in UTC too.
  }
  return (
    <section class="report-provenance" aria-labelledby="report-provenance-heading">
      <h2 id="report-provenance-heading">{t('report_how_heading')}</h2>
      <p>{t('report_how_made', [version, dateTimeLabel(generatedAt), zone])}</p>
      <p>{t('report_how_values')}</p>
      {records.length > 0 && (
        <>
          <p>{t('report_how_screenshots')}</p>
          <ul class="plain report-hashes">
            {records.map((record) => (
              <li key={record.id}>
                <span class="evidence-sha256">{record.sha256}</span> · {zonedTime(record.at, record.timeZone)} · <span class="url">{record.pageUrl}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
