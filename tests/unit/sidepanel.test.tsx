import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidePanelApp } from '@/components/SidePanelApp';
import { createReaderState } from '@/components/reader-state';
import { getDb, markSeen, storeListing } from '@/lib/db';
import type { Broadcast, Request } from '@/lib/messages';
import type { Paper } from '@/lib/paper';
import { makePaper } from '../support/make-paper';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const paper = (id: string, overrides: Partial<Paper> = {}): Paper =>
  makePaper(id, {
    abstract: `Abstract of ${id}. `.repeat(30),
    comments: 2,
    githubRepo: 'https://github.com/acme/model',
    githubStars: 321,
    projectPage: 'https://acme.example/model',
    ...overrides,
  });

afterEach(cleanup);

function mount() {
  let listener: ((notice: Broadcast) => void) | undefined;
  const requests: Request[] = [];
  const send = vi.fn(async (request: Request) => {
    requests.push(request);
    return { unseen: 0 };
  }) as never;
  const state = createReaderState({ db: getDb, send, subscribe: (fn) => ((listener = fn), () => undefined), now: () => NOW });
  render(<SidePanelApp state={state} />);
  return { requests, notify: (notice: Broadcast) => listener!(notice) };
}

describe('side panel', () => {
  it('shows abstracts clamped and expandable, with all the paper links', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'trending', papers: [paper('2611.00001')], fetchedAt: NOW, mode: 'replace' });
    mount();
    const article = await screen.findByRole('article');
    const abstract = within(article).getByText(/Abstract of 2611.00001/);
    expect(abstract.className).toContain('clamped');
    const toggle = within(article).getByRole('button', { name: 'Show more' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(within(article).getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    expect(abstract.className).not.toContain('clamped');
    const hrefs = within(article).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://huggingface.co/papers/2611.00001',
      'https://arxiv.org/abs/2611.00001',
      'https://arxiv.org/pdf/2611.00001',
      'https://github.com/acme/model',
      'https://acme.example/model',
    ]);
    expect(within(article).getByText('2 comments')).toBeTruthy();
  });

  it('shows papers from a finished sync without reopening, marked NEW', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001')], fetchedAt: NOW, mode: 'merge' });
    await markSeen(db, ['2611.00001']);
    const { notify } = mount();
    fireEvent.click(await screen.findByRole('tab', { name: 'Today' }));
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.queryByText('NEW')).toBeNull();

    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00002', { upvotes: 99 }), paper('2611.00003')], fetchedAt: NOW + 1, mode: 'merge' });
    notify({ type: 'syncFinished', outcome: { ran: true, state: { failures: 0 } } });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(screen.getAllByText('NEW')).toHaveLength(2);
  });

  it('lists new papers added to an earlier day separately, so nothing new is hidden', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001')], fetchedAt: NOW, mode: 'merge' });
    await storeListing(db, { key: 'day:2026-11-19', papers: [paper('2611.00007', { listedOn: '2026-11-19', title: 'Late addition' })], fetchedAt: NOW, mode: 'merge' });
    const { requests } = mount();
    expect(await screen.findByRole('heading', { name: 'Also new: added to earlier days' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Late addition' })).toBeTruthy();
    await waitFor(() => expect(requests).toContainEqual({ type: 'markSeen', ids: expect.arrayContaining(['2611.00001', '2611.00007']) }));
  });
});
