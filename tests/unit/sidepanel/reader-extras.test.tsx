import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { focusAfterLeaving } from '@/components/sidepanel/panel-focus';
import { dayKey } from '@/lib/store/listing-keys';
import { getDb } from '@/lib/store/connection';
import { putPapers, setRead, storeListing } from '@/lib/store/writes';
import { PAPER_STORES, type PaperboyDb } from '@/lib/store/schema';
import type { PaperRecord, PaperSummary } from '@/lib/store/records';
import type { Responses } from '@/lib/protocol/messages';
import type { ReaderPrefs } from '@/lib/reader/prefs';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import { EMPTY_LINKED_REPOS } from '@/lib/source/linked-repos';
import { makePaper } from '../../support/make-paper';
import { recordingSend } from '../../support/fakes';

const NOW = Date.parse('2026-11-20T15:00:00Z');

afterEach(cleanup);

type LinkedAnswer = Responses['linkedRepos'];

async function mount({ prefs = DEFAULT_READER_PREFS, linked }: { prefs?: ReaderPrefs; linked?: () => Promise<LinkedAnswer> } = {}) {
  const db = await getDb();
  const { send, requests } = recordingSend({
    markRead: async (request) => ({ changed: await setRead(db, request.ids, request.read, NOW) }),
    linkedRepos: async () => (linked ? linked() : { status: 'ok', repos: EMPTY_LINKED_REPOS, fetchedAt: NOW }),
    markSeen: async () => ({ unseen: 0 }),
    fetchView: async () => ({ status: 'fresh' }),
  });
  const saved: ReaderPrefs[] = [];
  const state = createPanelState({
    db: getDb,
    send,
    subscribe: () => () => undefined,
    now: () => NOW,
    prefs: { getValue: async () => prefs, setValue: async (value) => void saved.push(value) },
    openUrl: () => undefined,
  });
  render(<SidePanelApp state={state} now={() => NOW} />);
  await screen.findAllByRole('article');
  return { db, requests, saved };
}

async function seed(marks: Record<string, Partial<PaperRecord>> = {}) {
  const db = await getDb();
  await storeListing(db, {
    key: dayKey('2026-11-20'),
    papers: [
      makePaper('2611.00001', { title: 'First', upvotes: 30 }),
      makePaper('2611.00002', { title: 'Second', upvotes: 20 }),
      makePaper('2611.00003', { title: 'Third', upvotes: 10 }),
    ],
    fetchedAt: NOW,
    mode: 'merge',
    markNew: false,
  });
  await writeMarks(db, marks);
}

/** Marks as the background's rules write them (muted, code released, saved). */
async function writeMarks(db: PaperboyDb, marks: Record<string, Partial<PaperRecord>>) {
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const records: PaperRecord[] = [];
  for (const [id, change] of Object.entries(marks)) records.push({ ...(await tx.objectStore('papers').get(id))!, ...change });
  await putPapers(tx, records);
  await tx.done;
}

const titles = () => screen.getAllByRole('article').map((article) => within(article).getByRole('heading').textContent);
const card = (title: string) => screen.getAllByRole('article').find((article) => article.textContent!.includes(title))!;

describe('Hide read', () => {
  it('is a switch in the filters, remembered with them', async () => {
    await seed();
    const { saved } = await mount();
    fireEvent.click(await screen.findByRole('switch', { name: 'Hide read' }));
    await waitFor(() => expect(saved.at(-1)?.filters).toEqual({ unreadOnly: true }));
  });

  it('takes a paper marked read out of the list, with an Undo that brings it back', async () => {
    await seed({ '2611.00003': { readAt: NOW - 1 } });
    const { requests } = await mount({ prefs: { ...DEFAULT_READER_PREFS, filters: { unreadOnly: true } } });
    expect(titles()).toEqual(['First', 'Second']);
    fireEvent.click(within(card('Second')).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(titles()).toEqual(['First']));
    const status = (await screen.findByText('1 paper marked read and hidden.')).closest('[role="status"]') as HTMLElement;
    expect(status).toBeTruthy();
    // The button clicked left with its card: the keyboard is on Undo.
    const undo = within(status).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await waitFor(() => expect(titles()).toEqual(['First', 'Second']));
    expect(requests.filter((request) => request.type === 'markRead')).toEqual([
      { type: 'markRead', ids: ['2611.00002'], read: true },
      { type: 'markRead', ids: ['2611.00002'], read: false },
    ]);
    expect(within(status).queryByRole('button')).toBeNull();
  });

  it('hands the keyboard to the next card when m takes the focused one away', async () => {
    await seed();
    await mount({ prefs: { ...DEFAULT_READER_PREFS, filters: { unreadOnly: true } } });
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(document.activeElement?.id).toBe('paper-2611.00001'));
    fireEvent.keyDown(document.activeElement!, { key: 'm' });
    await waitFor(() => expect(titles()).toEqual(['Second', 'Third']));
    await waitFor(() => expect(document.activeElement?.id).toBe('paper-2611.00002'));
  });

  it.each([
    ['the next that stays', ['a', 'b', 'c'], 'b', ['b'], 'c'],
    ['the one before at the end', ['a', 'b', 'c'], 'c', ['c'], 'b'],
    ['past others leaving too', ['a', 'b', 'c', 'd'], 'b', ['b', 'c'], 'd'],
    ['none when all leave', ['a'], 'a', ['a'], undefined],
    ['stays when it does not leave', ['a', 'b'], 'a', ['b'], 'a'],
  ])('moves the keyboard to %s', (_name, ids, focused, leaving, next) => {
    const list = ids.map((id) => ({ id }) as PaperSummary);
    expect(focusAfterLeaving(list, focused, leaving)).toBe(next);
  });
});

describe('muted papers in the side panel', () => {
  it('are left out, counted in the list bar, and shown on request with the rule that muted them', async () => {
    await seed({ '2611.00002': { muted: [{ kind: 'keyword', label: 'crypto' }] } });
    await mount();
    expect(titles()).toEqual(['First', 'Third']);
    expect(screen.getByText(/1 muted/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show muted' }));
    await waitFor(() => expect(titles()).toEqual(['First', 'Second', 'Third']));
    expect(within(card('Second')).getByText('Muted: crypto')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide muted' }));
    await waitFor(() => expect(titles()).toEqual(['First', 'Third']));
  });
});

describe('code released', () => {
  it('marks a followed paper whose code came out after it was listed', async () => {
    await seed({
      '2611.00001': { savedAt: NOW - 5, githubRepo: 'https://github.com/a/b', codeAddedAt: NOW - 1 },
      '2611.00002': { githubRepo: 'https://github.com/a/c', codeAddedAt: NOW - 1 },
    });
    await mount();
    expect(within(card('First')).getByText('Code released')).toBeTruthy();
    expect(within(card('Second')).queryByText('Code released')).toBeNull();
  });
});

describe('upvotes over time', () => {
  it('draws the upvote history of a paper under its count, with a text alternative', async () => {
    await seed({
      '2611.00001': {
        upvoteHistory: [
          [NOW - 3_600_000, 12],
          [NOW, 30],
        ],
      },
    });
    await mount();
    const trend = await within(card('First')).findByRole('img', { name: /^Upvotes over time: 12 to 30 since / });
    expect(trend.querySelector('polyline')).toBeTruthy();
    expect(within(card('Second')).queryByRole('img', { name: /^Upvotes over time/ })).toBeNull();
  });
});

describe('linked models, datasets and Spaces', () => {
  const answer: LinkedAnswer = {
    status: 'ok',
    fetchedAt: NOW,
    repos: {
      models: [
        { id: 'acme/big-model', likes: 1200, downloads: 50_000, pipelineTag: 'text-generation' },
        { id: 'acme/small-model', likes: 30 },
      ],
      datasets: [],
      spaces: [{ id: 'acme/demo', likes: 4 }],
      totals: { models: 7, datasets: 0, spaces: 1 },
    },
  };

  it('are fetched once, when a card first opens them, and link to the Hub', async () => {
    await seed();
    const linked = vi.fn(async () => answer);
    const { requests } = await mount({ linked });
    // Never asked ahead.
    expect(requests.filter((request) => request.type === 'linkedRepos')).toEqual([]);
    const button = within(card('First')).getByRole('button', { name: 'Models · Datasets · Spaces' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    await within(card('First')).findByRole('heading', { name: 'Models (7)' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(within(card('First')).getByRole('link', { name: 'acme/big-model' }).getAttribute('href')).toBe('https://huggingface.co/acme/big-model');
    expect(within(card('First')).getByRole('link', { name: 'acme/demo' }).getAttribute('href')).toBe('https://huggingface.co/spaces/acme/demo');
    expect(within(card('First')).queryByRole('heading', { name: /Datasets/ })).toBeNull();
    expect(within(card('First')).getByRole('link', { name: 'All on Hugging Face' }).getAttribute('href')).toBe('https://huggingface.co/papers/2611.00001');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    await within(card('First')).findByRole('heading', { name: 'Models (7)' });
    expect(linked).toHaveBeenCalledTimes(1);
    expect(requests).toContainEqual({ type: 'linkedRepos', id: '2611.00001' });
  });

  it('says when the source is rate-limiting, and tries again on request', async () => {
    const retryAt = NOW + 120_000;
    const linked = vi
      .fn<() => Promise<LinkedAnswer>>()
      .mockResolvedValueOnce({ status: 'failed', error: { kind: 'rate-limited', message: 'limited', at: NOW, retryAt } })
      .mockResolvedValueOnce({ status: 'ok', fetchedAt: NOW, repos: EMPTY_LINKED_REPOS });
    await seed();
    await mount({ linked });
    fireEvent.click(within(card('Third')).getByRole('button', { name: 'Models · Datasets · Spaces' }));
    const alert = await within(card('Third')).findByRole('alert');
    expect(alert.textContent).toMatch(/Hugging Face is rate-limiting requests: try again after/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(card('Third')).findByText('No model, dataset or Space links to this paper yet.');
  });
});
