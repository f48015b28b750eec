import { REPO_KINDS, repoUrl, type LinkedRepo, type RepoKind } from '@/lib/source/linked-repos';
import { paperLinks } from '@/lib/core/urls';
import { formatNumber, formatTime } from '@/lib/i18n/panel';
import { t, tn, type PanelLaterKey } from '@/lib/i18n/panel-later';
import type { LinkedEntry, LinkedReposState } from './linked-repos-state';

// The state the panel keeps for these (created once this chunk is in: ReaderList) comes with them.
export { createLinkedReposState } from './linked-repos-state';

const KIND_TITLE: Record<RepoKind, PanelLaterKey> = { models: 'linkedModels', datasets: 'linkedDatasets', spaces: 'linkedSpaces' };

function RepoItem({ kind, repo }: { kind: RepoKind; repo: LinkedRepo }) {
  return (
    <li>
      <a href={repoUrl(kind, repo.id)} target="_blank" rel="noopener noreferrer">
        <bdi>{repo.id}</bdi>
      </a>
      <span class="linked-meta">
        {' · '}
        <span title={tn('linkedLikes', repo.likes)}>
          <span aria-hidden="true">♥ </span>
          <span class="visually-hidden">{tn('linkedLikes', repo.likes)}</span>
          <span aria-hidden="true">{formatNumber(repo.likes)}</span>
        </span>
        {repo.downloads !== undefined ? (
          <>
            {' · '}
            <span title={tn('linkedDownloads', repo.downloads)}>
              <span aria-hidden="true">↓ {formatNumber(repo.downloads)}</span>
              <span class="visually-hidden">{tn('linkedDownloads', repo.downloads)}</span>
            </span>
          </>
        ) : null}
        {repo.pipelineTag ? <span class="linked-tag"> · {repo.pipelineTag}</span> : null}
      </span>
    </li>
  );
}

function Body({ id, entry, retry }: { id: string; entry: LinkedEntry | undefined; retry: () => void }) {
  if (!entry || entry.status === 'loading') return <p role="status">{t('linkedLoading')}</p>;
  if (entry.status === 'failed') {
    const { error } = entry;
    return (
      <p role="alert">
        {error.kind === 'rate-limited' && error.retryAt !== undefined
          ? t('linkedRateLimited', { time: formatTime(error.retryAt) })
          : t('linkedFailed', { reason: error.message })}{' '}
        <button type="button" class="link-button" onClick={retry}>
          {t('linkedRetry')}
        </button>
      </p>
    );
  }
  const { repos } = entry;
  const kinds = REPO_KINDS.filter((kind) => repos.totals[kind] > 0);
  if (kinds.length === 0) return <p role="status">{t('linkedNone')}</p>;
  const more = kinds.some((kind) => repos.totals[kind] > repos[kind].length);
  return (
    <>
      {kinds.map((kind) => (
        <div key={kind} class="linked-kind">
          <h4>{t(KIND_TITLE[kind], { n: repos.totals[kind] })}</h4>
          <ul>
            {repos[kind].map((repo) => (
              <RepoItem key={repo.id} kind={kind} repo={repo} />
            ))}
          </ul>
        </div>
      ))}
      {more ? (
        <a href={paperLinks(id).hf} target="_blank" rel="noopener noreferrer">
          {t('linkedAll')}
        </a>
      ) : null}
    </>
  );
}

/**
 * A card's linked models, datasets and Spaces, behind a button: asked of the background the first
 * time it is opened (never ahead), the most liked three of each kind and how many there are.
 */
export function LinkedRepos({ paperId, linked }: { paperId: string; linked: LinkedReposState }) {
  const open = linked.open.value.has(paperId);
  const regionId = `linked-${paperId}`;
  return (
    <div class="linked-repos">
      <button type="button" class="link-button" aria-expanded={open} aria-controls={regionId} onClick={() => void linked.toggle(paperId)}>
        {t('linkedButton')}
      </button>
      <div id={regionId} class="linked-body" hidden={!open}>
        {open ? <Body id={paperId} entry={linked.entries.value.get(paperId)} retry={() => void linked.retry(paperId)} /> : null}
      </div>
    </div>
  );
}
