// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LINKED_SHOWN, MAX_COUNT, isRepoId, linkedReposUrl, parseLinkedRepos, repoUrl } from '@/lib/source/linked-repos';

describe('isRepoId', () => {
  it.each([
    ['owner/name', 'meta-llama/Llama-3.1-8B', true],
    ['underscores and dots', 'some_org/model.v2', true],
    ['no owner', 'gpt2', false],
    ['three parts', 'a/b/c', false],
    ['a dot-dot part', 'owner/..', false],
    ['a dot part', './name', false],
    ['a space', 'owner/na me', false],
    ['a query', 'owner/name?x=1', false],
    ['a scheme', 'https://evil', false],
    ['non-ASCII', 'owner/naïve', false],
    ['too long', `o/${'n'.repeat(300)}`, false],
    ['not a string', 42, false],
  ])('%s → %s', (_name, id, ok) => {
    expect(isRepoId(id)).toBe(ok);
  });
});

describe('repoUrl and linkedReposUrl', () => {
  it.each([
    ['models', 'org/m', 'https://huggingface.co/org/m'],
    ['datasets', 'org/d', 'https://huggingface.co/datasets/org/d'],
    ['spaces', 'org/s', 'https://huggingface.co/spaces/org/s'],
  ] as const)('a %s link', (kind, id, url) => {
    expect(repoUrl(kind, id)).toBe(url);
  });

  it('asks the source (a mirror too) for the paper by its id', () => {
    expect(linkedReposUrl('https://hf-mirror.com/', '2611.00001')).toBe('https://hf-mirror.com/api/arxiv/2611.00001/repos');
  });
});

const model = (id: string, likes: unknown, extra: object = {}) => ({ id, likes, downloads: 10, pipeline_tag: 'text-generation', ...extra });

describe('parseLinkedRepos', () => {
  it('keeps the most liked few of each kind (ties by id) and counts them all', () => {
    const parsed = parseLinkedRepos({
      models: [model('a/one', 5), model('a/two', 50), model('a/three', 7), model('a/four', 7), model('a/five', 1)],
      datasets: [{ id: 'd/set', likes: 2 }],
      spaces: [],
    });
    expect(parsed?.models.map((repo) => repo.id)).toEqual(['a/two', 'a/four', 'a/three']);
    expect(parsed?.models).toHaveLength(LINKED_SHOWN);
    expect(parsed?.models[0]).toEqual({ id: 'a/two', likes: 50, downloads: 10, pipelineTag: 'text-generation' });
    expect(parsed?.datasets).toEqual([{ id: 'd/set', likes: 2 }]);
    expect(parsed?.totals).toEqual({ models: 5, datasets: 1, spaces: 0 });
  });

  it.each([
    ['an item that is not an object', ['x', null, 3]],
    ['an item without an id', [{ likes: 3 }]],
    [
      'an item with an unsafe id',
      [
        { id: '../../x', likes: 3 },
        { id: 'javascript:alert(1)/x', likes: 9 },
      ],
    ],
  ])('skips %s, not the lot', (_name, bad) => {
    const parsed = parseLinkedRepos({ models: [...bad, model('ok/model', 1)] });
    expect(parsed?.models.map((repo) => repo.id)).toEqual(['ok/model']);
    expect(parsed?.totals.models).toBe(1);
  });

  it.each([
    ['missing likes', undefined, 0],
    ['negative likes', -4, 0],
    ['likes as text', '12', 0],
    ['huge likes', 1e300, MAX_COUNT],
    ['fractional likes', 3.7, 3],
  ])('reads %s as %s', (_name, likes, read) => {
    expect(parseLinkedRepos({ models: [model('a/b', likes)] })?.models[0]?.likes).toBe(read);
  });

  it('drops fields that are not what they should be, and cuts a long tag', () => {
    const [repo] = parseLinkedRepos({ spaces: [{ id: 'a/b', likes: 1, downloads: 'many', pipeline_tag: 'x'.repeat(500) }] })!.spaces;
    expect(repo).toEqual({ id: 'a/b', likes: 1, pipelineTag: 'x'.repeat(60) });
  });

  it('reads a kind that is not a list as empty, and an answer that is not an object as nothing', () => {
    expect(parseLinkedRepos({ models: 'lots', datasets: { id: 'a/b' } })?.totals).toEqual({ models: 0, datasets: 0, spaces: 0 });
    expect(parseLinkedRepos([])).toBeUndefined();
    expect(parseLinkedRepos(null)).toBeUndefined();
    expect(parseLinkedRepos('models')).toBeUndefined();
  });

  it('counts a very long list without reading all of it', () => {
    const models = Array.from({ length: 5_000 }, (_, index) => model(`o/m${index}`, index));
    const parsed = parseLinkedRepos({ models });
    expect(parsed?.totals.models).toBe(5_000);
    expect(parsed?.models[0]?.id).toBe('o/m1999');
  });
});
