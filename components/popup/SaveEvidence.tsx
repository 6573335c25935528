// Popup: "Save evidence of this page". The background captures what the tab shows, hashes it and keeps
// it beside the log; the popup only asks, then shows the time and hash and links to the report.
import { useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import { currentTab } from '@/lib/messages/page-requests';
import { saveEvidence } from '@/lib/messages/write-requests';
import { reportQuery } from '@/lib/log/evidence-report';
import { dateTimeLabel } from '@/components/shared/labels';
import { extensionPageUrl } from './WhereMyDataWent';

type State = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved'; at: number; sha256: string; site?: string } | { phase: 'error'; key: string };

/** `search`: the popup's query string (`?tab=<id>` when opened as a page); the tab is looked up only on a press. */
export function SaveEvidence({ search }: { search: string }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const save = async () => {
    setState({ phase: 'saving' });
    const { id } = await currentTab(search).catch(() => ({ id: undefined }));
    if (id === undefined) return setState({ phase: 'error', key: 'evidence_error_tab' });
    const reply = await saveEvidence(id);
    setState(reply.ok ? { phase: 'saved', at: reply.at, sha256: reply.sha256, ...(reply.site ? { site: reply.site } : {}) } : { phase: 'error', key: reply.error });
  };
  return (
    <section class="save-evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading" class="visually-hidden">
        {t('evidence_save_button')}
      </h2>
      <button type="button" class="button-block evidence-save" disabled={state.phase === 'saving'} aria-busy={state.phase === 'saving'} aria-describedby="evidence-help" onClick={() => void save()}>
        {state.phase === 'saving' ? t('evidence_saving') : t('evidence_save_button')}
      </button>
      <p id="evidence-help" class="muted evidence-help">
        {t('evidence_save_help')}
      </p>
      <div role="status" aria-live="polite">
        {state.phase === 'saved' && (
          <p class="status status-ok evidence-saved" data-sha256={state.sha256}>
            {t('evidence_saved', [dateTimeLabel(state.at)])} <span class="evidence-hash">SHA-256 {state.sha256.slice(0, 16)}…</span>{' '}
            <a href={extensionPageUrl('report.html') + reportQuery(state.site ? { site: state.site } : {})} target="_blank" rel="noopener">
              {t('evidence_open_report')}
            </a>
          </p>
        )}
        {state.phase === 'error' && <p class="status status-warn evidence-error">{t(state.key)}</p>}
      </div>
    </section>
  );
}
