import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRecord, PaperSummary } from '@/lib/store/records';
import { t, tn, withLaterStrings } from '@/lib/i18n/panel';
import { useAfterFirstPaint } from '../shared/first-paint';
import { FIRST_PAINT, PAGE } from './list-paging';
import type { PanelState } from './panel-state';
import { PaperCard } from '../shared/PaperCard';
import { createTextMarks } from '../shared/text-marks';
import { useCardExtras } from './card-extras';
import { useLazy } from '../shared/use-lazy';

const loadUndo = () => withLaterStrings(import('./HideReadUndo'));

export function ReaderList({ state }: { state: PanelState }) {
  const list = state.visible.value;
  const limit = useSignal(PAGE);
  // A callback ref: the sentinel appears in whatever render the list first falls short, and the
  // observer must follow that element (a ref read during render is still the previous one).
  const [sentinel, setSentinel] = useState<HTMLDivElement | null>(null);
  const focused = state.focusedId.value;
  const settingsExtras = useCardExtras();
  // The linked repositories at each card's foot, and what the background answered for each
  // paper, in a chunk of their own loaded beside the first reads (as the card's parts are); one
  // component for every card, so cards whose props did not change are not rendered again.
  const linkedRepos = useSignal<typeof import('./LinkedRepos') | undefined>(undefined);
  useEffect(() => {
    void withLaterStrings(import('./LinkedRepos')).then((module) => (linkedRepos.value = module));
  }, []);
  const Linked = linkedRepos.value?.LinkedRepos;
  // One for the panel's life, whatever else changes: a card's answer is asked for once.
  const linked = useMemo(() => linkedRepos.value?.createLinkedReposState(state.send), [linkedRepos.value, state]);
  const extras = useMemo(
    () =>
      Linked && linked
        ? { ...settingsExtras, Footer: ({ paper }: { paper: { id: string } }) => <Linked paperId={paper.id} linked={linked} /> }
        : settingsExtras,
    [settingsExtras, Linked, linked],
  );
  const undo = useLazy(loadUndo, state.hiddenByRead.value.length > 0);

  // A new view or search starts at the top with one page.
  useEffect(() => {
    limit.value = PAGE;
  }, [state.view.value, state.query.value]);

  // The keyboard can move past what is rendered: render up to the focused card.
  const focusedIndex = focused ? list.findIndex((paper) => paper.id === focused) : -1;
  if (focusedIndex >= limit.value) limit.value = focusedIndex + PAGE;

  // A key can move the focus to a card whose record is still being read: it takes the focus when
  // it is rendered, not only in the render the key caused (j held down ran past the list before).
  const focusPending = useRef<string | undefined>(undefined);
  useEffect(() => {
    focusPending.current = focused;
  }, [focused]);
  useEffect(() => {
    const id = focusPending.current;
    if (!id) return;
    const card = document.getElementById(`paper-${id}`);
    if (!card) return;
    focusPending.current = undefined;
    card.focus({ preventScroll: true });
    card.scrollIntoView?.({ block: 'nearest' });
  });

  // Cards are added a page at a time as the list scrolls; each needs its full record (abstract…),
  // read from IndexedDB for those about to be shown. Until it is in, the list stops before it.
  const records = state.records.value;
  const painted = useAfterFirstPaint(list.length > 0 && records.has(list[0]!.id));
  const wanted = typeof IntersectionObserver === 'undefined' ? list : list.slice(0, painted ? limit.value : Math.min(limit.value, FIRST_PAINT));
  // A card whose props are the same objects is not rendered again (@preact/signals memoizes it):
  // adding a page to 1,000 cards then renders 20, not 1,020. So the merged paper is kept per
  // summary and record, and the actions are made once.
  const merged = useRef(new WeakMap<PaperSummary, { record: PaperRecord; paper: PaperRecord }>());
  const actions = useMemo(
    () => ({
      onOpen: (id: string) => void state.opened(id),
      onToggleSaved: (id: string) => void state.toggleSaved(id),
      onToggleRead: (id: string) => void state.toggleRead(id),
    }),
    [state],
  );
  const shown: PaperRecord[] = [];
  for (const summary of wanted) {
    const record = records.get(summary.id);
    if (!record) break;
    let kept = merged.current.get(summary);
    if (kept?.record !== record) {
      // The summary is the fresher of the two for marks (read, saved, new).
      kept = { record, paper: { ...record, ...summary } };
      merged.current.set(summary, kept);
    }
    shown.push(kept.paper);
  }
  useEffect(() => {
    if (shown.length < wanted.length) void state.ensureRecords(wanted);
  }, [list, limit.value, records, painted]);

  // Observed anew after every page added: an observer reports only changes, and a sentinel still
  // in view after a page (a tall window, a fast wheel) must bring the next one too.
  useEffect(() => {
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) limit.value += PAGE;
      },
      { rootMargin: '800px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [sentinel, shown.length, list]);

  const total = state.total.value;
  const newIds = state.newIds.value;
  const terms = state.terms.value;
  // One object per query, so that the cards are not rendered again for nothing.
  const marks = useMemo(() => createTextMarks(terms), [terms]);
  return (
    <section class="reader-list" aria-label={state.freshness.value.title} aria-busy={state.searching.value}>
      <div class="list-bar">
        <span>
          {tn('unread', state.unreadCount.value)}
          {state.matching.value !== total ? ` · ${t('shownOf', { shown: state.matching.value, total })}` : ''}
          {state.searchPartial.value ? <span class="search-partial"> · {t('searchPartial')}</span> : null}
          {state.mutedCount.value > 0 ? (
            <>
              {' · '}
              {tn('mutedCount', state.mutedCount.value)}{' '}
              <button type="button" class="link-button" onClick={() => state.setShowMuted(!state.showMuted.value)}>
                {state.showMuted.value ? t('hideMuted') : t('showMuted')}
              </button>
            </>
          ) : null}
        </span>
        {/* A search that takes a while (common words over a year of papers) says so; a quick one
            ends before the hint fades in (theme.css), so typing does not flicker. */}
        {state.searching.value ? <span class="search-busy">{t('searching')}</span> : null}
        <button type="button" class="link-button" onClick={() => void state.markAllRead()} disabled={state.unreadCount.value === 0}>
          {t('markAllRead')}
        </button>
      </div>
      {/* "Hide read": what Mark read just took out of the list, said in a status region (always
          there, so a screen reader hears it change), with an Undo that brings it back. */}
      <div class="hide-read-undo" role="status">
        {undo ? <undo.HideReadUndo state={state} /> : null}
      </div>
      <div class="paper-list">
        {shown.map((paper) => (
          <PaperCard key={paper.id} paper={paper} isNew={newIds.has(paper.id)} full marks={marks} focused={paper.id === focused} extras={extras} {...actions} />
        ))}
      </div>
      {painted && shown.length < list.length && shown.length === wanted.length ? <div ref={setSentinel} class="sentinel" /> : null}
    </section>
  );
}
