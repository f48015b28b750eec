import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupState } from '@/components/popup/popup-state';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { formatDay } from '@/lib/i18n/ui';
import type { Broadcast, Request } from '@/lib/protocol/messages';
import type { Paper } from '@/lib/source/entry';
import { makePaper } from '../../support/make-paper';
import { recordingSend } from '../../support/fakes';
import type { SyncState } from '@/lib/store/records';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const paper = (id: string, overrides: Partial<Paper> = {}): Paper =>
  makePaper(id, { authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'], organization: 'ACME Research', ...overrides });

afterEach(cleanup);

async function seed({ day = '2026-11-20', sync }: { day?: string; sync?: Partial<SyncState> } = {}) {
  const db = await getDb();
  const listed = [
    paper('2611.00001', { upvotes: 5, listedOn: day }),
    paper('2611.00002', { upvotes: 50, listedOn: day }),
    paper('2611.00003', { upvotes: 20, listedOn: day }),
  ];
  await storeListing(db, { key: `day:${day}`, papers: listed, fetchedAt: NOW, mode: 'merge' });
  await storeListing(db, { key: 'trending', papers: [listed[0]!, paper('2611.00009', { title: 'Trending only' })], fetchedAt: NOW, mode: 'replace' });
  await db.put('meta', { failures: 0, lastAttemptAt: NOW, lastSuccessAt: NOW, ...sync }, 'sync');
  return db;
}

function mount() {
  let listener: ((notice: Broadcast) => void) | undefined;
  const { send, requests } = recordingSend({
    markSeen: async () => ({ unseen: 0 }),
    refresh: async () => ({ ran: true, state: { failures: 0, last: { at: NOW, newPapers: 2, fetched: 2, skipped: 0, requests: 1, problems: [] } } }),
  });
  const state = createPopupState({ db: getDb, send, subscribe: (fn) => ((listener = fn), () => undefined), now: () => NOW });
  render(<PopupApp state={state} close={() => undefined} />);
  return { requests, state, notify: (notice: Broadcast) => listener?.(notice) };
}

const titles = () => screen.getAllByRole('article').map((article) => within(article).getByRole('heading').textContent);

describe('popup', () => {
  it('shows trending papers in HF order, each linking to its HF page, with NEW marks', async () => {
    await seed();
    mount();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    const [first] = screen.getAllByRole('article');
    const link = within(first!).getByRole('link', { name: /Paper 2611.00001/ });
    expect(link.getAttribute('href')).toBe('https://huggingface.co/papers/2611.00001');
    expect(within(first!).getByText('NEW')).toBeTruthy();
    expect(within(first!).getByLabelText('5 upvotes')).toBeTruthy();
    expect(first!.querySelector('.authors')!.textContent).toBe('Ada Lovelace, Alan Turing, Grace Hopper +1 more');
    expect(within(first!).getByText('ACME Research')).toBeTruthy();
    expect(screen.getByText(/Updated/)).toBeTruthy();
  });

  it('tells the background that the shown papers were looked at', async () => {
    await seed();
    const { requests } = mount();
    await waitFor(() => expect(requests.some((request) => request.type === 'markSeen')).toBe(true));
    const marked = requests.find((request) => request.type === 'markSeen') as Extract<Request, { type: 'markSeen' }>;
    expect(marked.ids.sort()).toEqual(['2611.00001', '2611.00002', '2611.00003', '2611.00009']);
  });

  it('lists Today by upvotes', async () => {
    await seed();
    mount();
    fireEvent.click(await screen.findByRole('tab', { name: 'Today' }));
    expect(screen.getByRole('tab', { name: 'Today' }).getAttribute('aria-selected')).toBe('true');
    expect(titles().slice(0, 3)).toEqual(['Paper 2611.00002NEW', 'Paper 2611.00003NEW', 'Paper 2611.00001NEW']);
  });

  it('moves between tabs with the arrow keys', async () => {
    await seed();
    mount();
    const trending = await screen.findByRole('tab', { name: 'Trending' });
    fireEvent.keyDown(trending, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Today' }).getAttribute('aria-selected')).toBe('true');
  });

  it('says when nothing is listed today and which day is shown', async () => {
    await seed({ day: '2026-11-19' });
    mount();
    fireEvent.click(await screen.findByRole('tab', { name: 'Today' }));
    expect(screen.getByText(`Nothing listed today yet — showing ${formatDay('2026-11-19')}.`)).toBeTruthy();
    expect(formatDay('2026-11-19')).toMatch(/19/);
  });

  it('says the first sync is running when nothing is stored', async () => {
    mount();
    expect(await screen.findByText(/First sync running/)).toBeTruthy();
  });

  it('keeps the stored list and says since when the source is unreachable', async () => {
    await seed({ sync: { error: { kind: 'network', message: 'The source could not be reached', at: NOW }, failingSince: NOW - 3_600_000, failures: 2 } });
    mount();
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/Source unreachable since \d\d:\d\d/));
    expect(screen.getAllByRole('article').length).toBeGreaterThan(0);
  });

  it('says new papers could not be saved when storage fails, not that the source is unreachable', async () => {
    await seed({
      sync: { error: { kind: 'storage', message: 'Could not save papers (is the disk full?): IOError', at: NOW }, failingSince: NOW, failures: 1 },
    });
    mount();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not save new papers since \d\d:\d\d .*is the disk full\?/);
    expect(alert.textContent).not.toMatch(/unreachable/);
    expect(screen.getAllByRole('article').length).toBeGreaterThan(0);
  });

  it('refreshes on request, showing progress and then the result', async () => {
    await seed();
    mount();
    const button = await screen.findByRole('button', { name: 'Refresh' });
    fireEvent.click(button);
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toHaveProperty('disabled', true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 new papers'));
    expect(screen.getByRole('button', { name: 'Refresh' })).toHaveProperty('disabled', false);
  });

  it('renders hostile text as text and never links a non-https URL', async () => {
    const db = await getDb();
    await storeListing(db, {
      key: 'trending',
      papers: [
        paper('2611.00666', { title: '<img src=x onerror="window.pwned=1">', githubRepo: 'javascript:alert(1)', projectPage: 'http://insecure.example' }),
      ],
      fetchedAt: NOW,
      mode: 'replace',
    });
    mount();
    const article = await screen.findByRole('article');
    expect(article.querySelector('img')).toBeNull();
    expect(within(article).getByRole('heading').textContent).toContain('<img src=x onerror="window.pwned=1">');
    const hrefs = within(article)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href'));
    expect(hrefs.every((href) => href!.startsWith('https://'))).toBe(true);
    expect(within(article).queryByRole('link', { name: /Code|Project/ })).toBeNull();
  });

  it.each([
    ['another host', 'https://github.com.evil.example/acme/model', 'Code: github.com.evil.example (not linked)'],
    ['a user name in front of GitHub', 'https://github.com@evil.example/acme/model', undefined],
  ])('does not link a Code address on %s, and says where it leads', async (_name, githubRepo, shown) => {
    const db = await getDb();
    const projectPage = 'https://huggingface.co@evil.example/';
    await storeListing(db, { key: 'trending', papers: [paper('2611.00667', { githubRepo, projectPage })], fetchedAt: NOW, mode: 'replace' });
    mount();
    const article = await screen.findByRole('article');
    expect(within(article).queryByRole('link', { name: /Code|Project/ })).toBeNull();
    const hrefs = within(article)
      .getAllByRole('link')
      .map((link) => new URL(link.getAttribute('href')!).hostname);
    expect(hrefs.every((host) => host === 'huggingface.co' || host === 'arxiv.org')).toBe(true);
    if (shown) expect(within(article).getByText(shown)).toBeTruthy();
    else expect(article.textContent).not.toContain('evil.example');
  });
});
