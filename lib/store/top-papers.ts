import { compareFor, type SortablePaper, type SortKey } from './order';

/**
 * The first `size` papers of `sortPapers(papers, sort)`, in one pass: the background writes a
 * head with every change of a month's view, and must not sort the month for each of its sorts.
 */
export function topPapers<T extends SortablePaper>(papers: readonly T[], sort: Exclude<SortKey, 'trending'>, size: number): T[] {
  const compare = compareFor(sort);
  const best: T[] = [];
  for (const paper of papers) {
    if (best.length === size && compare(paper, best[size - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(paper, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, paper);
    if (best.length > size) best.pop();
  }
  return best;
}
