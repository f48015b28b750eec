// Muted papers: the watchlist's rules and matcher (watchlist.ts) used the other way round. A
// paper matching a muted word, author or organisation is marked `muted` by the background (with
// the watch marks, alerts/service.ts), and then left out of every list, the badge and every
// notification. Pure.
import type { WatchHit } from '../store/records';
import { createWatchMatcher, type MatchablePaper, type WatchRule } from './watchlist';

/** The muted rules a paper matches (none: not muted). */
export function createMuteMatcher(rules: readonly WatchRule[]): (paper: MatchablePaper) => WatchHit[] {
  return createWatchMatcher(rules);
}

export function isMuted(paper: { muted?: readonly WatchHit[] }): boolean {
  return (paper.muted?.length ?? 0) > 0;
}

/** The papers no muted rule matches, in their order (the same list when none is muted). */
export function withoutMuted<T extends { muted?: readonly WatchHit[] }>(papers: readonly T[]): T[] {
  return papers.some(isMuted) ? papers.filter((paper) => !isMuted(paper)) : (papers as T[]);
}

export function countMuted(papers: readonly { muted?: readonly WatchHit[] }[]): number {
  let count = 0;
  for (const paper of papers) if (isMuted(paper)) count += 1;
  return count;
}
