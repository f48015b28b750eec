import type { ComponentChildren } from 'preact';
import { highlight } from '@/lib/search/text';

/**
 * How a card marks a search's terms in its texts. The side panel gives one while it searches; the
 * popup, which has no search, gives none, and does not carry the search's text rules.
 */
export interface TextMarks {
  /** The text with the terms marked: text nodes and <mark>s, never HTML. */
  mark(text: string): ComponentChildren;
  /** Whether the text holds one of the terms. */
  has(text: string): boolean;
}

/** The marks of `terms`; none for no terms. */
export function createTextMarks(terms: readonly string[]): TextMarks | undefined {
  if (terms.length === 0) return undefined;
  return {
    mark: (text) => highlight(text, terms).map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : segment.text)),
    has: (text) => highlight(text, terms).some((segment) => segment.match),
  };
}
