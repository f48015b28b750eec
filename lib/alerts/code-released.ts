// "Code released": a paper the user follows (saved, or matching the watchlist) that was stored
// without a code link and later came with one in a listing (`codeAddedAt`, set by
// lib/store/merge.ts). Announced once (alerts/service.ts) and marked on its card. Pure.
import type { PaperSummary } from '../store/records';
import { isMuted } from '../store/records';

export type CodeReleasePaper = Pick<PaperSummary, 'codeAddedAt' | 'githubRepo' | 'savedAt' | 'watch' | 'muted'>;

/** The paper's code arrived after it was first stored, and the user follows it (and has not muted it). */
export function isCodeReleased(paper: CodeReleasePaper): boolean {
  const followed = paper.savedAt !== undefined || (paper.watch?.length ?? 0) > 0;
  return paper.codeAddedAt !== undefined && paper.githubRepo !== undefined && followed && !isMuted(paper);
}

/** Its code arrived in what was stored since `since` (a sync's listings): a notification is due. */
export function codeReleasedSince(paper: CodeReleasePaper, since: number): boolean {
  return isCodeReleased(paper) && paper.codeAddedAt! >= since;
}

/** Where the code is, in a few words for a notification: the link without its scheme. */
export function codeWhere(githubRepo: string): string {
  return githubRepo
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')
    .slice(0, 120);
}
