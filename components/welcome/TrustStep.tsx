// Welcome step 2: add the user's own bank or the platforms they already use to the trusted list,
// through the background like the options page (lib/messages/write-requests.ts updateTrusted).
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import type { TrustedOp, WriteReply } from '@/lib/messages/write-messages';
import { updateTrusted } from '@/lib/messages/write-requests';
import { loadTrustedList, type TrustedList } from '@/lib/trust/trusted-list';
import { TrustedAddForm } from '@/components/options/trusted/TrustedAddForm';
import { TrustedSiteList } from '@/components/options/trusted/TrustedSiteList';

export function TrustStep() {
  const [list, setList] = useState<TrustedList | null>(null);
  const [notice, setNotice] = useState('');
  const refresh = () => loadTrustedList().then(({ value }) => setList(value), () => undefined);
  useEffect(() => void refresh(), []);

  const send = async (change: TrustedOp): Promise<WriteReply> => {
    const reply = await updateTrusted(change);
    await refresh();
    return reply;
  };

  return (
    <section class="card welcome-step" aria-labelledby="welcome-trust-heading">
      <h2 id="welcome-trust-heading">{t('welcome_trust_heading')}</h2>
      <p>{t('welcome_trust_help')}</p>
      <TrustedAddForm send={send} say={setNotice} />
      <p role="status" aria-live="polite" class="status status-ok" data-trust-note>
        {notice}
      </p>
      {list !== null && list.sites.length > 0 && (
        <TrustedSiteList list={list} send={send} say={setNotice} focusWhenEmpty={() => document.getElementById('trusted-add-site')?.focus()} />
      )}
    </section>
  );
}
