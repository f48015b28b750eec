// Muted papers: the watchlist's rules and matcher (watchlist.ts) used the other way round. A
// paper matching a muted word, author or organisation is marked `muted` by the background (with
// the watch marks, alerts/service.ts), and then left out of every list, the badge and every
// notification. Pure.
import { isMuted, type WatchHit } from '../store/records';
import { createWatchMatcher, type MatchablePaper, type WatchRule } from './watchlist';

/** The muted rules a paper matches (none: not muted). */
export function createMuteMatcher(rules: readonly WatchRule[]): (paper: MatchablePaper) => WatchHit[] {
  return createWatchMatcher(rules);
}

export function countMuted(papers: readonly { muted?: readonly WatchHit[] }[]): number {
  let count = 0;
  for (const paper of papers) if (isMuted(paper)) count += 1;
  return count;
}
