import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { utcDay } from '@/lib/core/dates';
import { t, tn, withLaterStrings } from '@/lib/i18n/panel';
import { ExportMenu } from './ExportMenu';
import { Header } from '../shared/Header';
import { useLazy } from '../shared/use-lazy';
import type { PanelState } from './panel-state';
import { ReaderList } from './ReaderList';
import { SearchAndFilters } from './SearchAndFilters';
import { ViewNav } from './ViewNav';

/** Long enough for the first view to be read and painted, short enough to be ready before most first searches. */
const WARM_SEARCH_AFTER_MS = 1500;

const loadKeyHelp = () => withLaterStrings(import('./KeyHelp'));

/** Inputs that take no typed letters: the reader's keys still work when one has the focus. */
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  if (element instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(element.type);
  return element.isContentEditable || ['TEXTAREA', 'SELECT'].includes(element.tagName);
}

/** j/k move, Enter/o open, s save, m mark read, c copy BibTeX, / search, ? the keys; never while typing. */
function useReaderKeys(state: PanelState, showHelp: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      const focusedCard = (event.target as HTMLElement | null)?.classList?.contains('paper');
      const actions: Record<string, () => void> = {
        j: () => state.moveFocus(1),
        k: () => state.moveFocus(-1),
        o: () => state.openFocused(),
        s: () => state.focusedId.value && void state.toggleSaved(state.focusedId.value),
        m: () => state.focusedId.value && void state.toggleRead(state.focusedId.value),
        // With the card's Copy menu, in the cards' chunk (loaded as the panel opens).
        c: () => void import('./copy-citation').then((module) => module.copyFocusedBibtex(state)),
        '/': () => document.getElementById('search')?.focus(),
        '?': showHelp,
      };
      // Enter opens the focused card; on a link or button it keeps its own meaning.
      if (event.key === 'Enter' && focusedCard) actions.Enter = () => state.openFocused();
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [state]);
}

/**
 * The reader. It reads IndexedDB at once, follows the background (papers from a sync appear
 * without reopening, marked NEW until the panel is shown again), and works by keyboard.
 */
export function SidePanelApp({ state, now = Date.now }: { state: PanelState; now?: () => number }) {
  const helpOpen = useSignal(false);
  useReaderKeys(state, () => (helpOpen.value = true));
  // The keys' dialog is in a chunk of its own, loaded at idle (or on the first ? or Keys).
  const keyHelp = useLazy(loadKeyHelp, helpOpen.value);
  // A layout effect: reading starts as the first render commits, not after the first paint.
  useLayoutEffect(() => {
    const stop = state.follow();
    // The search index is built in slices at idle once the view is up (or at once on the search field's focus).
    const warm = setTimeout(() => state.warmSearch(), WARM_SEARCH_AFTER_MS);
    void state.start();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void state.markShownSeen();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      clearTimeout(warm);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [state]);

  const freshness = state.freshness.value;
  const query = state.query.value.trim();
  const remote = state.remote.value;
  const view = state.view.value;
  const empty = state.visible.value.length === 0 && state.status.value !== 'loading';
  return (
    <div class="app sidepanel">
      <Header title={t('sidePanelTitle')} lastSuccess={state.sync.value.lastSuccessAt} refresher={state.refresher}>
        <ExportMenu papers={state.visible.value} view={view} now={now} />
        <button type="button" class="link-button" onClick={() => (helpOpen.value = true)} aria-haspopup="dialog">
          {t('keysButton')}
        </button>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </Header>
      <main>
        <ViewNav state={state} today={utcDay(now())} />
        <div class="freshness">
          <h2>{freshness.title}</h2>
          {freshness.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {freshness.warning ? <p class="notice notice-warn">{freshness.warning}</p> : null}
          {state.status.value === 'fetching' ? (
            <p class="notice" role="status">
              {t('fetchingView')}
            </p>
          ) : null}
          {state.loadError.value ? (
            <p class="notice notice-error" role="alert">
              {t('loadFailed', { reason: state.loadError.value })}
            </p>
          ) : null}
          {state.fetchError.value ? (
            <p class="notice notice-error" role="alert">
              {t('fetchViewFailed', { reason: state.fetchError.value.message })}
            </p>
          ) : null}
          {(state.sync.value.last?.skipped ?? 0) > 0 ? <p class="notice notice-warn">{tn('skippedEntries', state.sync.value.last!.skipped)}</p> : null}
          {(state.sync.value.last?.partial ?? 0) > 0 ? <p class="notice">{tn('partialEntries', state.sync.value.last!.partial!)}</p> : null}
          {state.sync.value.last?.pruned ? <p class="notice notice-warn">{t('prunedNotice', state.sync.value.last.pruned)}</p> : null}
        </div>
        <SearchAndFilters state={state} />
        {empty && query && state.searchPartial.value ? (
          <p class="empty search-partial" role="status">
            {t('noQuickMatches', { q: query })}
          </p>
        ) : empty && query ? (
          <div class="empty">
            <p>{t('noMatches', { q: query })}</p>
            <button type="button" class="button secondary" onClick={() => void state.searchRemote()} disabled={remote.status === 'searching'}>
              {remote.status === 'searching' ? t('searchingHf') : t('searchHf', { q: query })}
            </button>
            {remote.error ? <p role="alert">{t('searchHfFailed', { reason: remote.error.message })}</p> : null}
          </div>
        ) : empty ? (
          <p class="empty">{view.kind === 'saved' ? t('emptySaved') : state.papers.value.length > 0 ? t('emptyFiltered') : t('emptyList')}</p>
        ) : null}
        <ReaderList state={state} />
      </main>
      {keyHelp ? <keyHelp.KeyHelp open={helpOpen.value} onClose={() => (helpOpen.value = false)} /> : null}
    </div>
  );
}
