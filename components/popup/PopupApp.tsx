import { useLayoutEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/popup';
import { currentWindowId, openSidePanel } from '@/lib/reader/side-panel';
import { Header } from '../shared/Header';
import { PaperLists } from './PaperLists';
import type { PopupState } from './popup-state';

export interface PopupProps {
  state: PopupState;
  /** Closes the popup once the side panel takes over. */
  close?: () => void;
}

/** Today's papers at a glance. Opening it counts as looking at the papers it shows. */
export function PopupApp({ state, close = () => window.close() }: PopupProps) {
  const windowId = useRef<number | undefined>(undefined);
  // A layout effect runs as the first render commits, so reading IndexedDB starts while the
  // page's scripts are still running, not after the first (empty) paint.
  useLayoutEffect(() => {
    const stop = state.follow();
    void currentWindowId().then((id) => (windowId.current = id));
    void state.load().then(() => state.markShownSeen());
    return stop;
  }, [state]);

  const openPanel = () => {
    void openSidePanel(windowId.current).then(close, () => undefined);
  };

  return (
    <div class="app popup">
      <Header title={t('appName')} lastSuccess={state.home.value?.sync.lastSuccessAt} refresher={state.refresher} />
      <main>
        <PaperLists state={state} />
      </main>
      <footer class="app-footer">
        <button type="button" class="button" onClick={openPanel}>
          {t('openSidePanel')}
        </button>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
    </div>
  );
}
