// What a paper links to on the Hub: the models, datasets and Spaces that cite it
// (`GET /api/arxiv/{id}/repos`), read leniently into the few the reader shows.
import { ApiError, requestJson, type ClientOptions } from './client';

export const REPO_KINDS = ['models', 'datasets', 'spaces'] as const;
export type RepoKind = (typeof REPO_KINDS)[number];

export interface LinkedRepo {
  /** `owner/name`, checked: it goes into a link's path. */
  id: string;
  likes: number;
  downloads?: number;
  /** A model's task (`text-generation`…), as the Hub tags it. */
  pipelineTag?: string;
}

/** The most liked few of each kind, and how many the source listed. */
export interface LinkedRepos {
  models: LinkedRepo[];
  datasets: LinkedRepo[];
  spaces: LinkedRepo[];
  totals: Record<RepoKind, number>;
}

/** Shown per kind; the rest are a count and a link to the paper's page. */
export const LINKED_SHOWN = 3;
/** A count larger than this is shown as this: a hostile answer cannot print any number. */
export const MAX_COUNT = 10_000_000;
/** Items read per kind (a popular paper lists a few hundred); past this they are only counted. */
const MAX_ITEMS_READ = 2_000;
const MAX_ID_LENGTH = 200;
const MAX_TAG_LENGTH = 60;
/** One Hub repository id: `owner/name`, each of letters, digits, `-`, `_` and `.`, neither only dots. */
const REPO_ID = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export const EMPTY_LINKED_REPOS: LinkedRepos = { models: [], datasets: [], spaces: [], totals: { models: 0, datasets: 0, spaces: 0 } };

export function isRepoId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && REPO_ID.test(value) && value.split('/').every((part) => !/^\.+$/.test(part));
}

/** The repository's page on the Hub (always huggingface.co: a mirror serves the API, not the pages). */
export function repoUrl(kind: RepoKind, id: string): string {
  const prefix = kind === 'models' ? '' : `${kind}/`;
  return `https://huggingface.co/${prefix}${id}`;
}

export function linkedReposUrl(source: string, paperId: string): string {
  return new URL(`api/arxiv/${encodeURIComponent(paperId)}/repos`, `${source.replace(/\/+$/, '')}/`).href;
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.floor(value), MAX_COUNT) : undefined;

/** One item, or undefined when its id is missing or unsafe; other fields degrade on their own. */
function readItem(value: unknown): LinkedRepo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const item = value as { id?: unknown; likes?: unknown; downloads?: unknown; pipeline_tag?: unknown };
  if (!isRepoId(item.id)) return undefined;
  const repo: LinkedRepo = { id: item.id, likes: count(item.likes) ?? 0 };
  const downloads = count(item.downloads);
  if (downloads !== undefined) repo.downloads = downloads;
  if (typeof item.pipeline_tag === 'string' && item.pipeline_tag.trim()) repo.pipelineTag = item.pipeline_tag.trim().slice(0, MAX_TAG_LENGTH);
  return repo;
}

/**
 * The source's answer read leniently: a kind that is not a list is empty, a bad item is skipped
 * (not the lot), each kind keeps its LINKED_SHOWN most liked (ties by id) and the count of its
 * good items. Undefined when the answer is not an object at all.
 */
export function parseLinkedRepos(body: unknown): LinkedRepos | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const result: LinkedRepos = { models: [], datasets: [], spaces: [], totals: { models: 0, datasets: 0, spaces: 0 } };
  for (const kind of REPO_KINDS) {
    const list = (body as Record<string, unknown>)[kind];
    if (!Array.isArray(list)) continue;
    const items = list.slice(0, MAX_ITEMS_READ).flatMap((value) => readItem(value) ?? []);
    // Items past those read are counted as good: the total stays honest without reading them all.
    result.totals[kind] = Math.min(MAX_COUNT, items.length + Math.max(0, list.length - MAX_ITEMS_READ));
    result[kind] = items.sort((a, b) => b.likes - a.likes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, LINKED_SHOWN);
  }
  return result;
}

/**
 * A paper's linked repositories, through the one HTTP client (timeout, deadline, body cap,
 * typed errors). A paper the Hub does not know (404) links to nothing.
 */
export async function fetchLinkedRepos(source: string, paperId: string, options: ClientOptions = {}): Promise<LinkedRepos> {
  let body: unknown;
  try {
    body = await requestJson(linkedReposUrl(source, paperId), options);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'http' && error.details.status === 404) return EMPTY_LINKED_REPOS;
    throw error;
  }
  const repos = parseLinkedRepos(body);
  if (!repos) throw new ApiError('invalid', 'The source answered with something other than linked repositories');
  return repos;
}
