import { describe, expect, it } from 'vitest';
import { codeReleasedSince, codeWhere, isCodeReleased, type CodeReleasePaper } from '@/lib/alerts/code-released';

const SINCE = 1_000;
const repo = 'https://github.com/lab/code';
const watch = [{ kind: 'keyword', label: 'llm' }] as const;

describe('code released', () => {
  it.each<[string, CodeReleasePaper, boolean, boolean]>([
    ['saved, code arrived in this sync', { savedAt: 1, githubRepo: repo, codeAddedAt: SINCE }, true, true],
    ['watched, code arrived in this sync', { watch: [...watch], githubRepo: repo, codeAddedAt: SINCE + 5 }, true, true],
    ['saved, code arrived before', { savedAt: 1, githubRepo: repo, codeAddedAt: SINCE - 1 }, true, false],
    ['followed by nobody', { githubRepo: repo, codeAddedAt: SINCE }, false, false],
    ['saved, code there from the start', { savedAt: 1, githubRepo: repo }, false, false],
    ['saved but muted', { savedAt: 1, githubRepo: repo, codeAddedAt: SINCE, muted: [...watch] }, false, false],
    ['an empty watch mark', { watch: [], githubRepo: repo, codeAddedAt: SINCE }, false, false],
  ])('%s → marked %s, notified %s', (_name, paper, marked, notified) => {
    expect(isCodeReleased(paper)).toBe(marked);
    expect(codeReleasedSince(paper, SINCE)).toBe(notified);
  });

  it.each([
    ['https://github.com/lab/code', 'github.com/lab/code'],
    ['https://github.com/lab/code/', 'github.com/lab/code'],
    [`https://github.com/${'x'.repeat(300)}`, `github.com/${'x'.repeat(109)}`],
  ])('says where %s is', (url, where) => {
    expect(codeWhere(url)).toBe(where);
  });
});
