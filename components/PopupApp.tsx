// The toolbar popup: this tab's verdict, with a way to the options page.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabVerdict } from '@/lib/messages';
import { currentTabId, getTabVerdict } from '@/lib/extension-api';
import { t } from '@/lib/i18n';
import { VerdictView } from './VerdictView';

type State = { phase: 'loading' } | { phase: 'ready'; verdict: TabVerdict | null } | { phase: 'error' };

export function PopupApp() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  useEffect(() => {
    document.documentElement.lang = browser.i18n.getUILanguage();
    void (async () => {
      try {
        const tabId = await currentTabId(location.search);
        setState({ phase: 'ready', verdict: tabId === undefined ? null : await getTabVerdict(tabId) });
      } catch {
        setState({ phase: 'error' });
      }
    })();
  }, []);
  return (
    <main class="popup" style={{ width: '360px', padding: '12px' }}>
      {state.phase === 'loading' && <p class="muted">{t('loading')}</p>}
      {state.phase === 'error' && <p role="alert">{t('loadError')}</p>}
      {state.phase === 'ready' && <VerdictView verdict={state.verdict} />}
      <p>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {t('openOptions')}
        </a>
      </p>
    </main>
  );
}
