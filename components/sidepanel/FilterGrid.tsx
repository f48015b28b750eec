// The side panel's filters and sort (inside SearchAndFilters' "Filters and sort"), in a chunk of
// their own: none of it is seen before that is opened.
import type { PaperFilters } from '@/lib/reader/filters';
import type { SortKey } from '@/lib/store/order';
import { t, type PanelLaterKey } from '@/lib/i18n/panel-later';
import type { PanelState } from './panel-state';

const SORTS: { key: SortKey; label: PanelLaterKey }[] = [
  { key: 'upvotes', label: 'sortUpvotes' },
  { key: 'trending', label: 'sortTrending' },
  { key: 'published', label: 'sortPublished' },
  { key: 'comments', label: 'sortComments' },
  { key: 'stars', label: 'sortStars' },
];

/** Sort, organisation, minimum upvotes, and the has-code, has-project and hide-read switches. */
export function FilterGrid({ state }: { state: PanelState }) {
  const filters = state.filters.value;
  const organizations = state.organizations.value;
  const setFilter = (change: Partial<PaperFilters>) => state.setFilters({ ...filters, ...change });
  return (
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
  );
}
