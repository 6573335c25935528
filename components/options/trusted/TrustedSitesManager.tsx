// Options-page section "Trusted platforms": reads the list (read-only; every change goes to the
// background, its only writer) and composes its parts — add, the list, export, import, sync.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/locale/i18n';
import type { TrustedOp, WriteReply } from '@/lib/messages/write-messages';
import { updateTrusted } from '@/lib/messages/write-requests';
import { loadTrustedList, TRUSTED_KEY, type TrustedList } from '@/lib/trust/trusted-list';
import { TrustedAddForm } from './TrustedAddForm';
import { TrustedExport } from './TrustedExport';
import { TrustedImport } from './TrustedImport';
import { TrustedSiteList } from './TrustedSiteList';
import { TrustedSync } from './TrustedSync';

export function TrustedSitesManager() {
  const [list, setList] = useState<TrustedList | null>(null);
  const [recovered, setRecovered] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const [notice, setNotice] = useState('');

  const refreshList = async () => {
    try {
      const loaded = await loadTrustedList();
      setList(loaded.value);
      setRecovered(loaded.recovered);
      setLoadFailed(false);
    } catch {
      setLoadFailed(true);
    }
  };

  useEffect(() => {
    void refreshList();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && TRUSTED_KEY in changes) void refreshList();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  /** Sends one change, then re-reads the list whatever the answer. */
  const send = async (change: TrustedOp): Promise<WriteReply> => {
    const reply = await updateTrusted(change);
    await refreshList();
    return reply;
  };

  return (
    <section aria-labelledby="trusted-heading" class="trusted">
      <h2 id="trusted-heading">{t('trusted_heading')}</h2>
      <p class="section-intro">{t('trusted_intro')}</p>
      {recovered && <p class="status status-warn">{t('trusted_recovered')}</p>}
      {loadFailed && <p class="status status-warn">{t('trusted_load_error')}</p>}
      <div class="block">
        <TrustedAddForm send={send} say={setNotice} />
        <p role="status" aria-live="polite" class="status status-ok trusted-notice">
          {notice}
        </p>
        {list === null && !loadFailed && <p class="muted">{t('trusted_loading')}</p>}
        {list !== null && (
          <TrustedSiteList list={list} send={send} say={setNotice} focusWhenEmpty={() => document.getElementById('trusted-add-site')?.focus()} />
        )}
      </div>
      <TrustedExport list={list} />
      <TrustedImport send={send} say={setNotice} />
      <TrustedSync say={setNotice} />
    </section>
  );
}
