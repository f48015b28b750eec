import { withoutMuted, type ListingKey, type PaperSummary } from './records';
import type { SortKey } from './order';
import { topPapers } from './top-papers';
import { hasCode } from '../core/urls';

/** The sorts a head is kept for: those that depend on the view's papers alone. */
export type HeadSort = Exclude<SortKey, 'trending'>;
export const HEAD_SORTS: readonly HeadSort[] = ['upvotes', 'published', 'comments', 'stars'];
/** Papers per sort in a head: the side panel's first paint (three or four cards show). */
export const HEAD_SIZE = 6;

/**
 * What the side panel's first paint of a long view (a week, a month) needs, written with the
 * view: its first papers in each sort, and its counts. A few KB, where the whole month's
 * summaries are about 0.6 MB to read and deserialize; the panel reads those after that paint.
 */
export interface HeadPart {
  count: number;
  unread: number;
  top: Record<HeadSort, PaperSummary[]>;
}

/**
 * The filters a head serves beyond none: "Has code", the one most kept (a kept filter must not
 * read the whole month before the first paint).
 */
export type HeadFilter = 'none' | 'hasCode';

/** Its part's counts and lists leave muted papers out, as the list does when it opens. */
export interface ViewHead extends HeadPart {
  key: ListingKey;
  /** The view's papers, muted ones too (absent from heads written before it was kept). */
  total?: number;
  /** The same over the papers with code (absent from heads written before it was kept). */
  hasCode?: HeadPart;
}

/** Only long views have a head: a day's or trending's view is read whole as fast. */
export function hasHead(key: ListingKey): boolean {
  return key.startsWith('week:') || key.startsWith('month:');
}

function partOf(summaries: readonly PaperSummary[], size: number): HeadPart {
  let unread = 0;
  for (const summary of summaries) if (summary.readAt === undefined) unread += 1;
  const top = {} as Record<HeadSort, PaperSummary[]>;
  for (const sort of HEAD_SORTS) top[sort] = topPapers(summaries, sort, size);
  return { count: summaries.length, unread, top };
}

export function headOf(key: ListingKey, summaries: readonly PaperSummary[], size = HEAD_SIZE): ViewHead {
  const shown = withoutMuted(summaries);
  return { key, total: summaries.length, ...partOf(shown, size), hasCode: partOf(shown.filter(hasCode), size) };
}

/** The part of `head` a list under `filter` shows first; undefined when the head does not keep it (written before). */
export function headPart(head: ViewHead, filter: HeadFilter): HeadPart | undefined {
  return filter === 'none' ? head : head.hasCode;
}
