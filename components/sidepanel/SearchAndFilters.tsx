import { isFiltering } from '@/lib/reader/filters';
import type { SortKey } from '@/lib/store/order';
import { t, type PanelMessageKey as MessageKey } from '@/lib/i18n/panel';
import type { SearchScope } from './panel-search';
import type { PanelState } from './panel-state';

const SORTS: { key: SortKey; label: MessageKey }[] = [
  { key: 'upvotes', label: 'sortUpvotes' },
  { key: 'trending', label: 'sortTrending' },
  { key: 'published', label: 'sortPublished' },
  { key: 'comments', label: 'sortComments' },
  { key: 'stars', label: 'sortStars' },
];

/** Search (this view or everything stored), then filters and sort. */
export function SearchAndFilters({ state }: { state: PanelState }) {
  const filters = state.filters.value;
  const organizations = state.organizations.value;
  const setFilter = (change: Partial<typeof filters>) => state.setFilters({ ...filters, ...change });
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
      <details class="filters">
        <summary>
          {t('filtersLabel')}
          {isFiltering(filters) ? <span class="filter-active"> · {t('filtersActive')}</span> : null}
        </summary>
        <div class="filter-grid">
          <label>
            {t('sortLabel')}
            <select value={state.sort.value} onChange={(event) => state.setSort(event.currentTarget.value as SortKey)}>
              {SORTS.map(({ key, label }) => (
                <option key={key} value={key}>
                  {t(label)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterOrg')}
            <select value={filters.organization ?? ''} onChange={(event) => setFilter({ organization: event.currentTarget.value || undefined })}>
              <option value="">{t('anyOrg')}</option>
              {filters.organization && !organizations.some((org) => org.name === filters.organization) ? (
                <option value={filters.organization}>{filters.organization}</option>
              ) : null}
              {organizations.map((org) => (
                <option key={org.name} value={org.name}>
                  {org.name} ({org.count})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('minUpvotes')}
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={filters.minUpvotes ?? ''}
              onInput={(event) => setFilter({ minUpvotes: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value) })}
            />
          </label>
          <label class="check">
            <input type="checkbox" checked={filters.hasCode === true} onChange={(event) => setFilter({ hasCode: event.currentTarget.checked || undefined })} />
            {t('hasCode')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={filters.hasProjectPage === true}
              onChange={(event) => setFilter({ hasProjectPage: event.currentTarget.checked || undefined })}
            />
            {t('hasProject')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              role="switch"
              checked={filters.unreadOnly === true}
              aria-checked={filters.unreadOnly === true}
              onChange={(event) => setFilter({ unreadOnly: event.currentTarget.checked || undefined })}
            />
            {t('hideRead')}
          </label>
        </div>
      </details>
    </div>
  );
}
