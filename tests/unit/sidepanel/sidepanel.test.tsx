import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { dayKey } from '@/lib/store/listing-keys';
import { getDb } from '@/lib/store/connection';
import { markSeen, setRead, setSaved, storeListing } from '@/lib/store/writes';
import type { PaperboyDb } from '@/lib/store/schema';
import type { Broadcast } from '@/lib/protocol/messages';
import type { Paper } from '@/lib/source/entry';
import type { ReaderPrefs } from '@/lib/reader/prefs';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import type { LiveSearch } from '@/lib/search/live';
import { publishUnsavedState } from '@/lib/sync/unstored-state';
import { makePaper } from '../../support/make-paper';
import { recordingSend } from '../../support/fakes';

const NOW = Date.parse('2026-11-20T15:00:00Z'); // a Friday
const paper = (id: string, overrides: Partial<Paper> = {}): Paper =>
  makePaper(id, {
    abstract: `Abstract of ${id}. `.repeat(30),
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'],
    comments: 2,
    githubRepo: 'https://github.com/acme/model',
    githubStars: 321,
    projectPage: 'https://acme.example/model',
    aiSummary: `AI summary of ${id}`,
    aiKeywords: ['diffusion', 'transformers'],
    ...overrides,
  });

afterEach(cleanup);

/** A stand-in background: answers the reader's requests by writing IndexedDB as the real one does. */
function fakeBackground(db: PaperboyDb, onFetchView?: (key: string) => Promise<void>) {
  const synced = async () => ({ ran: true, state: { failures: 0 } });
  return recordingSend({
    markSeen: async (request) => {
      await markSeen(db, request.ids);
      return { unseen: 0 };
    },
    markRead: async (request) => ({ changed: await setRead(db, request.ids, request.read, NOW) }),
    setSaved: async (request) => ({ changed: await setSaved(db, request.id, request.saved, NOW) }),
    fetchView: async (request) => {
      await onFetchView?.(request.key);
      return onFetchView ? { status: 'fetched', count: 1, skipped: 0 } : { status: 'fresh' };
    },
    searchRemote: async () => {
      await storeListing(db, { key: 'search', papers: [paper('2601.00042', { title: 'Remote result' })], fetchedAt: NOW, mode: 'replace', markNew: false });
      return { ids: ['2601.00042'] };
    },
    refresh: synced,
    sourceChanged: synced,
  });
}

async function mount({
  prefs = DEFAULT_READER_PREFS,
  onFetchView,
  search,
}: {
  prefs?: ReaderPrefs;
  onFetchView?: (key: string) => Promise<void>;
  search?: LiveSearch;
} = {}) {
  const db = await getDb();
  const { requests, send } = fakeBackground(db, onFetchView);
  let listener: ((notice: Broadcast) => void) | undefined;
  const saved: ReaderPrefs[] = [];
  const opened: string[] = [];
  const state = createPanelState({
    db: getDb,
    send,
    subscribe: (fn) => ((listener = fn), () => undefined),
    now: () => NOW,
    prefs: { getValue: async () => prefs, setValue: async (value) => void saved.push(value) },
    openUrl: (url) => void opened.push(url),
    search,
  });
  render(<SidePanelApp state={state} now={() => NOW} />);
  return { db, requests, saved, opened, notify: (notice: Broadcast) => listener!(notice) };
}

async function seedFriday(db?: PaperboyDb) {
  const store = db ?? (await getDb());
  await storeListing(store, {
    key: dayKey('2026-11-20'),
    papers: [
      paper('2611.00001', { title: 'Gödel Machines Revisited', upvotes: 5, organization: 'ACME Research', publishedAt: '2026-11-19T12:00:00.000Z' }),
      paper('2611.00002', { title: 'Scaling Diffusion Transformers', upvotes: 50, githubRepo: undefined, organization: 'Open Lab' }),
      paper('2611.00003', {
        title: 'A Survey of Agents',
        upvotes: 20,
        projectPage: undefined,
        organization: 'ACME Research',
        publishedAt: '2026-11-19T00:00:00.000Z',
      }),
    ],
    fetchedAt: NOW,
    mode: 'merge',
  });
}

const titles = () => screen.getAllByRole('article').map((article) => within(article).getByRole('heading').querySelector('a')!.textContent);

describe('side panel reader', () => {
  it('opens on the latest listing day, by upvotes, with full paper cards', async () => {
    await seedFriday();
    await mount();
    await waitFor(() => expect(titles()).toEqual(['Scaling Diffusion Transformers', 'A Survey of Agents', 'Gödel Machines Revisited']));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/Today/);
    expect(screen.getByText('3 papers')).toBeTruthy();
    const card = screen.getAllByRole('article')[2]!;
    expect(within(card).getByText(/^arXiv .*\d/)).toBeTruthy();
    expect(within(card).getByText(/^Listed on HF .*20/)).toBeTruthy();
    expect(within(card).getByText('AI summary of 2611.00001')).toBeTruthy();
    expect(within(card).getByRole('list', { name: 'AI keywords' }).textContent).toContain('diffusion');
    fireEvent.click(within(card).getByRole('button', { name: '+2 more' }));
    // Each name is its own isolate (<bdi>): the byline reads as one line of text.
    expect(card.querySelector('.authors')!.textContent).toMatch(/Edsger Dijkstra, Barbara Liskov/);
    const abstract = within(card).getByText(/Abstract of 2611.00001/);
    expect(abstract.className).toContain('clamped');
    fireEvent.click(within(card).getByRole('button', { name: 'Show more' }));
    expect(abstract.className).not.toContain('clamped');
    expect(
      within(card)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual([
      'https://huggingface.co/papers/2611.00001',
      'https://arxiv.org/abs/2611.00001',
      'https://arxiv.org/pdf/2611.00001',
      'https://arxiv.org/html/2611.00001',
      'https://www.alphaxiv.org/abs/2611.00001',
      'https://github.com/acme/model',
      'https://acme.example/model',
    ]);
  });

  it('says the papers could not be saved when the background could only keep that in memory', async () => {
    await seedFriday();
    const db = await getDb();
    await db.put('meta', { failures: 0, lastAttemptAt: NOW - 3_600_000, lastSuccessAt: NOW - 3_600_000 }, 'sync');
    // Storage full: the sync's outcome reached storage.session, not IndexedDB.
    const message = 'The browser has no room left for papers, even after removing the oldest days';
    await publishUnsavedState({
      failures: 1,
      lastAttemptAt: NOW,
      lastSuccessAt: NOW - 3_600_000,
      failingSince: NOW,
      error: { kind: 'storage', message, at: NOW },
    });
    await mount();
    await waitFor(() => expect(screen.getByText(new RegExp(`^Could not save new papers since .*\\(${message}\\)`))).toBeTruthy());
  });

  it('shows papers from a finished sync without reopening, marked NEW', async () => {
    const db = await getDb();
    await seedFriday(db);
    await markSeen(db, ['2611.00001', '2611.00002', '2611.00003']);
    const { notify } = await mount();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(screen.queryByText('NEW')).toBeNull();
    await storeListing(db, {
      key: dayKey('2026-11-20'),
      papers: [paper('2611.00004', { upvotes: 99 }), paper('2611.00005')],
      fetchedAt: NOW + 1,
      mode: 'merge',
    });
    notify({ type: 'syncFinished', outcome: { ran: true, state: { failures: 0 } } });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(5));
    expect(screen.getAllByText('NEW')).toHaveLength(2);
  });

  it('goes to a past day, which the background fetches on request, with progress shown', async () => {
    await seedFriday();
    let release!: () => void;
    const { requests, db } = await mount({
      onFetchView: async (key) => {
        await new Promise<void>((resolve) => (release = resolve));
        await storeListing(db, {
          key: key as `day:${string}`,
          papers: [paper('2611.00077', { title: 'From the previous day', listedOn: '2026-11-19' })],
          fetchedAt: NOW,
          mode: 'merge',
          markNew: false,
        });
      },
    });
    await screen.findAllByRole('article');
    fireEvent.click(screen.getByRole('button', { name: 'Day' }));
    fireEvent.click(await screen.findByRole('button', { name: /Previous/ }));
    await waitFor(() => expect(requests).toContainEqual({ type: 'fetchView', key: 'day:2026-11-19' }));
    expect(await screen.findByText('Fetching this listing from the source…')).toBeTruthy();
    release();
    expect(await screen.findByRole('link', { name: 'From the previous day' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Fetching this listing from the source…')).toBeNull());
    expect((screen.getByLabelText('Day') as HTMLInputElement).value).toBe('2026-11-19');
    expect(screen.getByRole('button', { name: /Next/ })).toHaveProperty('disabled', false);
  });

  it('searches as you type, case- and accent-insensitive, highlighting the words', async () => {
    await seedFriday();
    await mount();
    await screen.findAllByRole('article');
    fireEvent.input(screen.getByLabelText('Search papers'), { target: { value: 'godel' } });
    await waitFor(() => expect(titles()).toEqual(['Gödel Machines Revisited']));
    expect(screen.getAllByRole('article')[0]!.querySelector('mark')!.textContent).toBe('Gödel');
    // An author beyond the first three who matches is shown, with the match marked.
    fireEvent.input(screen.getByLabelText('Search papers'), { target: { value: 'liskov' } });
    await waitFor(() => expect(screen.getAllByRole('article')[0]!.querySelector('mark')?.textContent).toBe('Liskov'));
    fireEvent.input(screen.getByLabelText('Search papers'), { target: { value: 'DIFFU' } });
    // Every paper has "diffusion" in its keywords (the full index's answer, not the quick one of
    // titles and authors); the title match is highlighted.
    const marks = () => [...document.querySelectorAll('article mark')].map((mark) => mark.textContent);
    await waitFor(() => expect(marks()).toContain('Diffu'));
    await waitFor(() => expect(document.querySelector('.search-partial')).toBeNull());
    expect(titles()).toHaveLength(3);
    expect(marks().every((mark) => mark?.toLowerCase() === 'diffu')).toBe(true);
  });

  it('offers to search Hugging Face when nothing stored matches', async () => {
    await seedFriday();
    const { requests } = await mount();
    await screen.findAllByRole('article');
    fireEvent.input(screen.getByLabelText('Search papers'), { target: { value: 'quantum chromodynamics' } });
    // The first search learns whether the index is built and reads postings: slow on a busy machine.
    const button = await screen.findByRole('button', { name: 'Search Hugging Face for “quantum chromodynamics”' }, { timeout: 5000 });
    expect(screen.getByText('No stored paper matches “quantum chromodynamics”.')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(requests).toContainEqual({ type: 'searchRemote', query: 'quantum chromodynamics' }));
    expect(await screen.findByRole('link', { name: 'Remote result' })).toBeTruthy();
  });

  it('until the background has built the index, shows title and author matches and says search is being prepared', async () => {
    await seedFriday();
    let built: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (built = resolve));
    const answers = new Map([
      ['agents', ['2611.00003']],
      ['quantum', []],
    ]);
    const search = {
      ready: false,
      whenReady: () => ready,
      search: async (query: string) => answers.get(query) ?? [],
      warm: () => undefined,
      refresh: async () => undefined,
    };
    await mount({ search: search as unknown as LiveSearch });
    await screen.findAllByRole('article');
    fireEvent.input(screen.getByLabelText('Search papers'), { target: { value: 'agents' } });
    await waitFor(() => expect(titles()).toEqual(['A Survey of Agents']));
    expect(document.querySelector('.list-bar')!.textContent).toContain('search is being prepared: titles and authors only for now…');

    // Nothing by title or author yet: not "no match" (the abstracts may hold it), no HF search offered.
    fireEvent.input(screen.getByLabelText('Search papers'), { target: { value: 'quantum' } });
    expect(await screen.findByText('No title or author matches “quantum”; search is being prepared, abstracts soon…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Search Hugging Face/ })).toBeNull();
    search.ready = true;
    built();
    expect(await screen.findByText('No stored paper matches “quantum”.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Search Hugging Face for “quantum”' })).toBeTruthy();
  });

  it('says a slow search is searching, and counts a search over everything against every stored paper', async () => {
    await seedFriday();
    await storeListing(await getDb(), {
      key: dayKey('2026-11-19'),
      papers: [paper('2611.00004', { title: 'Agents at Work' }), paper('2611.00005', { title: 'Another Paper' })],
      fetchedAt: NOW,
      mode: 'merge',
    });
    let answer: (ids: string[]) => void = () => undefined;
    const search = {
      ready: true,
      whenReady: async () => undefined,
      search: () => new Promise<string[]>((resolve) => (answer = resolve)),
      warm: () => undefined,
      refresh: async () => undefined,
    };
    await mount({ search: search as unknown as LiveSearch });
    await screen.findAllByRole('article');
    fireEvent.change(screen.getByLabelText('Search in'), { target: { value: 'all' } });
    fireEvent.input(screen.getByLabelText('Search papers'), { target: { value: 'agents' } });
    const list = () => document.querySelector('.reader-list')!;
    await waitFor(() => expect(list().getAttribute('aria-busy')).toBe('true'));
    expect(list().querySelector('.search-busy')?.textContent).toBe('Searching…');
    answer(['2611.00003', '2611.00004']);
    await waitFor(() => expect(titles().sort()).toEqual(['A Survey of Agents', 'Agents at Work']));
    // Two of the five stored papers, not "of 3", the Friday the view shows.
    expect(document.querySelector('.list-bar span')!.textContent).toBe('2 unread · 2 of 5 shown');
    expect(list().getAttribute('aria-busy')).toBe('false');
    expect(list().querySelector('.search-busy')).toBeNull();
  });

  it('filters and sorts, and remembers the choice', async () => {
    await seedFriday();
    const { saved } = await mount();
    await screen.findAllByRole('article');
    fireEvent.click(screen.getByText('Filters and sort'));
    // The filters' controls come in a chunk of their own, loaded at idle or on the opening.
    fireEvent.click(await screen.findByLabelText('Has code'));
    await waitFor(() => expect(titles()).toEqual(['A Survey of Agents', 'Gödel Machines Revisited']));
    fireEvent.change(screen.getByLabelText('Organization'), { target: { value: 'ACME Research' } });
    fireEvent.input(screen.getByLabelText('Min. upvotes'), { target: { value: '10' } });
    await waitFor(() => expect(titles()).toEqual(['A Survey of Agents']));
    expect(screen.getByText(/1 of 3 shown/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Min. upvotes'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'published' } });
    await waitFor(() => expect(titles()).toEqual(['Gödel Machines Revisited', 'A Survey of Agents']));
    expect(saved.at(-1)).toEqual({ view: 'today', sort: 'published', trendingSort: 'trending', filters: { hasCode: true, organization: 'ACME Research' } });
  });

  it('keeps HF trending order in the Trending view, whatever the other views are sorted by', async () => {
    const db = await getDb();
    await seedFriday(db);
    await storeListing(db, {
      key: 'trending',
      papers: [paper('2611.00001', { upvotes: 5 }), paper('2611.00003', { upvotes: 20 }), paper('2611.00002', { upvotes: 50 })],
      fetchedAt: NOW,
      mode: 'replace',
    });
    await mount();
    await screen.findAllByRole('article');
    const ids = () => screen.getAllByRole('article').map((article) => article.dataset.paperId);
    fireEvent.click(screen.getByRole('button', { name: 'Trending' }));
    await waitFor(() => expect(ids()).toEqual(['2611.00001', '2611.00003', '2611.00002']));
    expect(((await screen.findByLabelText('Sort by')) as HTMLSelectElement).value).toBe('trending');
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(ids()).toEqual(['2611.00002', '2611.00003', '2611.00001']));
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('upvotes');
  });

  it('opens with the remembered view, sort and filters', async () => {
    await seedFriday();
    await mount({ prefs: { view: 'today', sort: 'upvotes', trendingSort: 'trending', filters: { minUpvotes: 10 } } });
    await waitFor(() => expect(titles()).toEqual(['Scaling Diffusion Transformers', 'A Survey of Agents']));
  });

  it('saves papers for the Saved view and marks read, through the background', async () => {
    await seedFriday();
    const { requests } = await mount();
    await screen.findAllByRole('article');
    const card = () => screen.getAllByRole('article').find((article) => article.textContent!.includes('A Survey of Agents'))!;
    fireEvent.click(within(card()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(card()).getByRole('button', { name: 'Saved' }).getAttribute('aria-pressed')).toBe('true'));
    expect(requests).toContainEqual({ type: 'setSaved', id: '2611.00003', saved: true });
    expect(screen.getByText('3 unread')).toBeTruthy();
    fireEvent.click(within(card()).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(screen.getByText('2 unread')).toBeTruthy());
    // Following a link reads the paper.
    fireEvent.click(screen.getByRole('link', { name: 'Gödel Machines Revisited' }));
    await waitFor(() => expect(screen.getByText('1 unread')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.getByText('0 unread')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'Saved', pressed: false }));
    await waitFor(() => expect(titles()).toEqual(['A Survey of Agents']));
  });

  it('works by keyboard: j/k move, s saves, m marks read, o opens, / searches, ? shows the keys', async () => {
    await seedFriday();
    const { requests, opened } = await mount();
    await screen.findAllByRole('article');
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(document.activeElement?.id).toBe('paper-2611.00002'));
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    await waitFor(() => expect(document.activeElement?.id).toBe('paper-2611.00003'));
    fireEvent.keyDown(document.activeElement!, { key: 's' });
    await waitFor(() => expect(requests).toContainEqual({ type: 'setSaved', id: '2611.00003', saved: true }));
    fireEvent.keyDown(document.activeElement!, { key: 'm' });
    await waitFor(() => expect(requests).toContainEqual({ type: 'markRead', ids: ['2611.00003'], read: true }));
    fireEvent.keyDown(document.getElementById('paper-2611.00003')!, { key: 'Enter' });
    expect(opened).toEqual(['https://huggingface.co/papers/2611.00003']);
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByLabelText('Search papers'));
    // Typing in the search box is typing, not shortcuts.
    fireEvent.keyDown(document.activeElement!, { key: 's' });
    expect(requests.filter((request) => request.type === 'setSaved')).toHaveLength(1);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    fireEvent.keyDown(document.body, { key: '?' });
    expect(await screen.findByRole('heading', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });
});
