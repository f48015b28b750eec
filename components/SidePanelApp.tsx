import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { Header } from './Header';
import { PaperLists } from './PaperLists';
import type { ReaderState } from './reader-state';

/**
 * The reader. It follows the background, so papers from a sync appear without reopening;
 * they stay marked NEW until the panel is opened or shown again.
 */
export function SidePanelApp({ state }: { state: ReaderState }) {
  useEffect(() => {
    const stop = state.follow();
    void state.load().then(() => state.markShownSeen());
    const onVisible = () => {
      if (document.visibilityState === 'visible') void state.markShownSeen();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [state]);

  return (
    <div class="app sidepanel">
      <Header state={state} title={t('sidePanelTitle')}>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </Header>
      <main>
        <PaperLists state={state} withAbstract />
      </main>
    </div>
  );
}
