import type { PaperSummary } from '@/lib/store/records';
import { formatDay, t } from '@/lib/i18n/popup';
import { useAfterFirstPaint } from '../shared/first-paint';
import { Notices } from './Notices';
import { PaperCard } from '../shared/PaperCard';
import { Sparkline } from '../shared/Sparkline';
import type { ListTab, PopupState } from './popup-state';

const TABS: { id: ListTab; label: () => string }[] = [
  { id: 'trending', label: () => t('tabTrending') },
  { id: 'today', label: () => t('tabToday') },
];

/**
 * Compact cards in the popup's first paint: more than its 600 px show. The rest (up to ~150 on a
 * busy day) are rendered right after that paint, so the user sees the list without waiting for them.
 */
const FIRST_PAINT_CARDS = 8;

function PaperList({ papers, state, limit = papers.length }: { papers: PaperSummary[]; state: PopupState; limit?: number }) {
  if (papers.length === 0) return <p class="empty">{t('emptyList')}</p>;
  const newIds = state.newIds.value;
  return (
    <div class="paper-list">
      {papers.slice(0, limit).map((paper) => (
        <PaperCard key={paper.id} paper={paper} isNew={newIds.has(paper.id)} headingLevel={2} trend={Sparkline} onOpen={(id) => void state.opened(id)} />
      ))}
    </div>
  );
}

/** The popup's Trending and Today tabs (arrow keys move between them), plus new papers added to earlier days. */
export function PaperLists({ state }: { state: PopupState }) {
  const home = state.home.value;
  const loadError = state.loadError.value;
  const complete = useAfterFirstPaint(!!home);
  // Without this the popup would sit at "Not synced yet" when the database cannot be read.
  if (loadError && !home) {
    return (
      <p class="notice notice-error" role="alert">
        {t('loadFailed', { reason: loadError })}
      </p>
    );
  }
  if (!home) return null;
  const active = state.tab.value;
  const papers = active === 'trending' ? home.trending : home.latest.papers;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((tab) => tab.id === active);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    state.tab.value = next.id;
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('listsLabel')} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            class="tab"
            aria-selected={tab.id === active}
            aria-controls="paper-panel"
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => (state.tab.value = tab.id)}
          >
            {tab.label()}
          </button>
        ))}
      </div>
      <Notices home={home} tab={active} />
      {/* Busy while only the first screenful is rendered: the rest follows right after the first paint. */}
      <section id="paper-panel" role="tabpanel" aria-labelledby={`tab-${active}`} aria-busy={!complete} class="panel">
        {active === 'today' && home.latest.day ? <p class="listing-date">{t('listingOf', { day: formatDay(home.latest.day) })}</p> : null}
        <PaperList papers={papers} state={state} limit={complete ? undefined : FIRST_PAINT_CARDS} />
        {complete && home.earlierUnseen.length > 0 ? (
          <>
            <h2 class="section-title">{t('alsoNew')}</h2>
            <PaperList papers={home.earlierUnseen} state={state} />
          </>
        ) : null}
      </section>
    </>
  );
}
