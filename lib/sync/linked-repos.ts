// A paper's linked models, datasets and Spaces, fetched for the reader when it asks (never ahead)
// and kept a day. One request per paper at a time; the same rate-limit rule as every request.
import { fetchLinkedRepos, type LinkedRepos } from '../source/linked-repos';
import { getFreshLinkedRepos, putLinkedRepos } from '../store/linked-repos';
import type { SyncError } from '../store/records';
import { activeRateLimit, requestFailure } from './rate-limit';
import type { ViewFetcherDeps } from './view-fetch';

export type LinkedReposOutcome = { status: 'ok'; repos: LinkedRepos; fetchedAt: number } | { status: 'failed'; error: SyncError };

/** One small answer: a request that has not finished by then has failed. */
const LINKED_REPOS_DEADLINE_MS = 20_000;

export function createLinkedReposFetcher(deps: ViewFetcherDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const inFlight = new Map<string, Promise<LinkedReposOutcome>>();

  async function get(id: string): Promise<LinkedReposOutcome> {
    const db = await deps.db();
    const cached = await getFreshLinkedRepos(db, id, now());
    if (cached) return { status: 'ok', repos: cached.repos, fetchedAt: cached.fetchedAt };
    const limit = await activeRateLimit(db, now());
    if (limit) return { status: 'failed', error: limit };
    try {
      const repos = await fetchLinkedRepos(await deps.source(), id, { ...deps.client, now, deadline: now() + LINKED_REPOS_DEADLINE_MS });
      const fetchedAt = now();
      await putLinkedRepos(db, { id, fetchedAt, repos }, fetchedAt);
      return { status: 'ok', repos, fetchedAt };
    } catch (error) {
      return { status: 'failed', error: await requestFailure(db, error, now(), random) };
    }
  }

  return {
    /** The paper's linked repositories: stored ones while fresh, else one request (shared by concurrent asks). */
    get(id: string): Promise<LinkedReposOutcome> {
      let running = inFlight.get(id);
      if (!running) {
        running = get(id).finally(() => inFlight.delete(id));
        inFlight.set(id, running);
      }
      return running;
    },
  };
}
