import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperCard } from '@/components/shared/PaperCard';
import { createTextMarks } from '@/components/shared/text-marks';
import type { PaperRecord } from '@/lib/store/records';
import { makePaper } from '../../support/make-paper';

afterEach(cleanup);

const record = (over: Partial<PaperRecord> = {}): PaperRecord => ({
  ...makePaper('2611.00001'),
  firstSeenAt: 0,
  updatedAt: 0,
  listedDays: ['2026-11-20'],
  upvoteHistory: [],
  ...over,
});

/** What a reader's browser isolates: the text of each <bdi> in the byline, in order. */
const isolatedNames = (card: Element) => [...card.querySelectorAll('.authors bdi')].map((element) => element.textContent);

describe('the card’s authors', () => {
  // U+202E RIGHT-TO-LEFT OVERRIDE, never closed: outside an isolate it would reverse what follows.
  const OVERRIDE = '\u202EEvil Name';

  it('isolates each name, so a direction override in one cannot reorder the next', () => {
    const { container } = render(<PaperCard paper={record({ authors: [OVERRIDE, 'Alan Turing', 'Grace Hopper'] })} isNew={false} full />);
    expect(isolatedNames(container)).toEqual([OVERRIDE, 'Alan Turing', 'Grace Hopper']);
    // Separators sit between the isolates, not inside them.
    const byline = container.querySelector('.authors')!;
    expect(byline.textContent).toBe(`${OVERRIDE}, Alan Turing, Grace Hopper`);
    for (const child of byline.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) expect(child.textContent).toBe(', ');
    }
  });

  it('isolates names in right-to-left scripts too, and marks search matches inside them', () => {
    const { container } = render(
      <PaperCard
        paper={record({ authors: ['محمد علي', 'Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Ada Yonath'] })}
        isNew={false}
        full
        marks={createTextMarks(['ada'])}
      />,
    );
    // The fifth author matches, so the whole list is shown (each still isolated).
    expect(isolatedNames(container)).toEqual(['محمد علي', 'Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Ada Yonath']);
    expect([...container.querySelectorAll('.authors bdi mark')].map((mark) => mark.textContent)).toEqual(['Ada', 'Ada']);
  });

  it('shows the first three names and how many more in the compact card', () => {
    const { container } = render(<PaperCard paper={record({ authors: ['A One', 'B Two', 'C Three', 'D Four'] })} isNew={false} />);
    expect(isolatedNames(container)).toEqual(['A One', 'B Two', 'C Three']);
    expect(container.querySelector('.authors')!.textContent).toBe('A One, B Two, C Three +1 more');
  });
});
