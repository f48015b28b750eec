import { useSignal } from '@preact/signals';
import { isFiltering } from '@/lib/reader/filters';
import { t, withLaterStrings } from '@/lib/i18n/panel';
import { useLazy } from '../shared/use-lazy';
import type { SearchScope } from './panel-search';
import type { PanelState } from './panel-state';

const loadGrid = () => withLaterStrings(import('./FilterGrid'));

/** Search (this view or everything stored), then filters and sort. */
export function SearchAndFilters({ state }: { state: PanelState }) {
  const filters = state.filters.value;
  // The filters and sort are shown only once opened: their controls are in a chunk of their own,
  // loaded at idle (or on the opening), and rendered inside the closed <details> as soon as they are in.
  const open = useSignal(false);
  const grid = useLazy(loadGrid, open.value);
  // The field and the list never disagree: whatever changes the field changes the query. Chromium
  // empties a search field on Escape with a change event and no input event.
  const followField = (field: HTMLInputElement) => {
    if (field.value !== state.query.value) void state.setQuery(field.value);
  };
  return (
    <div class="toolbar">
      <div class="search-row" role="search">
        <label class="visually-hidden" for="search">
          {t('searchLabel')}
        </label>
        <input
          id="search"
          type="search"
          placeholder={t('searchPlaceholder')}
          value={state.query.value}
          onInput={(event) => followField(event.currentTarget)}
          onChange={(event) => followField(event.currentTarget)}
          onKeyDown={(event) => {
            // Escape empties the field, whatever the browser itself does on it.
            if (event.key !== 'Escape' || event.currentTarget.value === '') return;
            event.currentTarget.value = '';
            followField(event.currentTarget);
          }}
          onFocus={() => state.warmSearch()}
          autocomplete="off"
          spellcheck={false}
        />
        <label class="visually-hidden" for="scope">
          {t('scopeLabel')}
        </label>
        <select id="scope" value={state.scope.value} onChange={(event) => void state.setScope(event.currentTarget.value as SearchScope)}>
          <option value="view">{t('scopeView')}</option>
          <option value="all">{t('scopeAll')}</option>
        </select>
      </div>
      <details class="filters" onToggle={(event) => (open.value = event.currentTarget.open)}>
        <summary>
          {t('filtersLabel')}
          {isFiltering(filters) ? <span class="filter-active"> · {t('filtersActive')}</span> : null}
        </summary>
        {grid ? <grid.FilterGrid state={state} /> : null}
      </details>
    </div>
  );
}
