// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DIGEST_ALARM, openNotification } from '@/lib/alerts/service';
import { BADGE_COLORS } from '@/lib/background/badge';
import { getDb } from '@/lib/store/connection';
import type { PaperRecord } from '@/lib/store/records';
import { getAllSummaries } from '@/lib/store/reads';
import { createPaperboyService, type ServiceDeps } from '@/lib/background/service';
import { addWatchRule } from '@/lib/alerts/watchlist-store';
import { addMuteRule, removeMuteRule } from '@/lib/alerts/mute-store';
import { startFakeHf } from '../../support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
let fake: Fake;
let notificationsOn: boolean;
let openIds: Set<string>;

beforeEach(async () => {
  fake = await startFakeHf();
  notificationsOn = true;
  openIds = new Set();
});
afterEach(() => fake.close());

/** The badge colour as the browser reports it. */
const rgba = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).concat(255);
const today = () => new Date().toISOString().slice(0, 10);

function service(extra: Partial<ServiceDeps['alerts']> = {}) {
  return createPaperboyService({
    db: getDb,
    source: async () => fake.url,
    alerts: {
      notificationsOn: async () => notificationsOn,
      permitted: async () => true,
      openPaperIds: async (ids) => new Set(ids.filter((id) => openIds.has(id))),
      ...extra,
    },
  });
}

const shown = async () => Object.entries((await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>);
const clearAll = async () => {
  for (const [id] of await shown()) await fakeBrowser.notifications.clear(id);
};
/** Adds papers to today's listing whose titles carry a word no fixture paper has. */
function addMatching(count: number, word = 'Zebrafish'): string[] {
  return fake.state.addPapers(today(), count).map((entry: { paper: { id: string } }, index: number) => {
    fake.state.updatePaper(entry.paper.id, { title: `${word} study number ${index}` });
    return entry.paper.id;
  });
}

describe('alerts after a sync', () => {
  it('marks and notifies a new watchlist match once, and colours the badge', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    expect(await shown()).toEqual([]);
    await addWatchRule('keyword', 'zebrafish');
    const [id] = addMatching(1);

    await paperboy.sync('alarm');
    const notes = await shown();
    expect(notes).toHaveLength(1);
    expect(notes[0]![0]).toBe(`paperboy:paper:watch:${id}`);
    expect(notes[0]![1]).toMatchObject({ title: 'Zebrafish study number 0', message: 'Watchlist keyword: zebrafish' });
    const stored = (await (await getDb()).get('papers', id!)) as PaperRecord;
    expect(stored.watch).toEqual([{ kind: 'keyword', label: 'zebrafish' }]);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.watch));

    await clearAll();
    await paperboy.sync('manual');
    expect(await shown()).toEqual([]);

    // Looked at: the badge leaves the watchlist colour.
    await paperboy.markSeen([id!]);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.count));
  });

  it('shows titles and rule names without bidi controls, which would reorder the notification', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    await addWatchRule('author', 'Mallory \u202EQA');
    const [entry] = fake.state.addPapers(today(), 1) as { paper: { id: string } }[];
    fake.state.updatePaper(entry!.paper.id, { title: 'Safe \u202Egpj.exe\u202C study \u2066x\u2069', authors: [{ name: 'Mallory \u202EQA' }] });
    await paperboy.sync('alarm');
    const notes = await shown();
    expect(notes).toHaveLength(1);
    expect(notes[0]![1]).toMatchObject({ title: 'Safe gpj.exe study x', message: 'Watchlist author: Mallory QA' });
  });

  it('shows at most 3 at once: 2 papers and one "N more"', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    await addWatchRule('keyword', 'zebrafish');
    addMatching(6);
    await paperboy.sync('alarm');
    const notes = await shown();
    expect(notes).toHaveLength(3);
    expect(notes.filter(([id]) => id.startsWith('paperboy:paper:'))).toHaveLength(2);
    expect(notes.find(([id]) => id === 'paperboy:more')?.[1].message).toBe('4 more papers for you — open Paperboy');
  });

  it('records but does not show: with notifications off, or for a paper open in a tab', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    await addWatchRule('keyword', 'zebrafish');
    notificationsOn = false;
    addMatching(1);
    await paperboy.sync('alarm');
    expect(await shown()).toEqual([]);
    // Turned on later: the past is not replayed.
    notificationsOn = true;
    await paperboy.sync('manual');
    expect(await shown()).toEqual([]);

    const [open, other] = addMatching(2, 'Zebrafish again');
    openIds.add(open!);
    await paperboy.sync('manual');
    expect((await shown()).map(([id]) => id)).toEqual([`paperboy:paper:watch:${other}`]);
  });

  it('notifies a paper rising past the threshold once, days after it was listed', async () => {
    const paperboy = service({ risingThreshold: async () => 50 });
    const [id] = fake.state.addPapers(today(), 1).map((entry: { paper: { id: string } }) => entry.paper.id);
    fake.state.updatePaper(id!, { upvotes: 12 });
    await paperboy.sync('install');
    expect(await shown()).toEqual([]);
    fake.state.updatePaper(id!, { upvotes: 51 });
    await paperboy.sync('manual');
    const notes = await shown();
    expect(notes.map(([noteId]) => noteId)).toEqual([`paperboy:paper:rising:${id}`]);
    expect(notes[0]![1].message).toBe('Rising: 51 upvotes (past 50)');
    await clearAll();
    fake.state.updatePaper(id!, { upvotes: 80 });
    await paperboy.sync('manual');
    expect(await shown()).toEqual([]);
  });

  it('marks papers already stored when a rule is added, without notifying them', async () => {
    const paperboy = service();
    const [id] = addMatching(1, 'Axolotl');
    await paperboy.sync('install');
    await addWatchRule('organization', 'nobody at all');
    await addWatchRule('keyword', 'axolotl');
    await paperboy.watchlistChanged();
    expect(((await (await getDb()).get('papers', id!)) as PaperRecord).watch).toEqual([{ kind: 'keyword', label: 'axolotl' }]);
    expect(await shown()).toEqual([]);
  });
});

describe('muted papers', () => {
  it('are marked, never notified nor counted in the badge, and come back when the rule goes', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    await paperboy.markSeen((await (await getDb()).getAllFromIndex('papers', 'unseen', 1)).map((paper) => paper.id));
    await addWatchRule('keyword', 'zebrafish');
    await addMuteRule('keyword', 'larvae');
    const [muted] = addMatching(1, 'Zebrafish larvae');
    const [shownId] = addMatching(1, 'Zebrafish adults');
    await paperboy.sync('alarm');
    expect((await shown()).map(([id]) => id)).toEqual([`paperboy:paper:watch:${shownId}`]);
    const db = await getDb();
    expect(((await db.get('papers', muted!)) as PaperRecord).muted).toEqual([{ kind: 'keyword', label: 'larvae' }]);
    expect((await getAllSummaries(db)).find((summary) => summary.id === muted)?.muted).toEqual([{ kind: 'keyword', label: 'larvae' }]);
    // Two unseen papers, one muted: the badge counts one.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    await removeMuteRule({ kind: 'keyword', value: 'larvae' });
    await paperboy.watchlistChanged();
    expect(((await db.get('papers', muted!)) as PaperRecord).muted).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });
});

describe('code released', () => {
  /** A paper of today's listing stored without code, then the listing brings its repository. */
  async function codeArrives(paperboy: ReturnType<typeof service>, follow: (id: string) => Promise<unknown>) {
    const [entry] = fake.state.addPapers(today(), 1) as { paper: { id: string } }[];
    const id = entry!.paper.id;
    fake.state.updatePaper(id, { title: 'A paper without code yet', githubRepo: undefined, githubStars: undefined });
    await paperboy.sync('manual');
    await follow(id);
    await clearAll();
    fake.state.updatePaper(id, { githubRepo: 'https://github.com/lab/paper-code' });
    await paperboy.sync('manual');
    return id;
  }

  it('notifies a saved paper once, with where the code is', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    const id = await codeArrives(paperboy, (paperId) => paperboy.setSaved(paperId, true));
    const notes = await shown();
    expect(notes.map(([noteId]) => noteId)).toEqual([`paperboy:paper:code:${id}`]);
    expect(notes[0]![1]).toMatchObject({ title: 'Code released: A paper without code yet', message: 'github.com/lab/paper-code' });
    expect((await getAllSummaries(await getDb())).find((summary) => summary.id === id)?.codeAddedAt).toBeGreaterThan(0);
    await clearAll();
    await paperboy.sync('manual');
    expect(await shown()).toEqual([]);
  });

  it('notifies a watchlist match, but not a paper nobody follows, nor a muted one', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    await addWatchRule('keyword', 'without code');
    const watched = await codeArrives(paperboy, async () => undefined);
    expect((await shown()).map(([noteId]) => noteId)).toEqual([`paperboy:paper:code:${watched}`]);

    await clearAll();
    const [entry] = fake.state.addPapers(today(), 1) as { paper: { id: string } }[];
    fake.state.updatePaper(entry!.paper.id, { title: 'Unfollowed work', githubRepo: undefined });
    await paperboy.sync('manual');
    fake.state.updatePaper(entry!.paper.id, { githubRepo: 'https://github.com/lab/other' });
    await paperboy.sync('manual');
    expect(await shown()).toEqual([]);

    await addMuteRule('keyword', 'quiet');
    await paperboy.watchlistChanged();
    const mutedId = await codeArrives(paperboy, async (id) => {
      fake.state.updatePaper(id, { title: 'A paper without code yet, quiet' });
      await paperboy.sync('manual');
      await clearAll();
    });
    expect((await shown()).map(([noteId]) => noteId)).not.toContain(`paperboy:paper:code:${mutedId}`);
  });
});

describe('badge modes through the service', () => {
  it("counts unread papers of today's list, and nothing but problems when off", async () => {
    let mode: 'new' | 'unread' | 'off' = 'unread';
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url, badgeMode: async () => mode });
    await paperboy.sync('install');
    const latest = fake.state.latestDay!;
    const ids: string[] = fake.state.days[latest]!.map((entry: { paper: { id: string } }) => entry.paper.id);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(ids.length));
    await paperboy.markSeen(ids); // looking is not reading
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(ids.length));
    await paperboy.markRead(ids.slice(0, 2), true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(ids.length - 2));
    mode = 'off';
    await paperboy.refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    fake.state.failAlways('500');
    await paperboy.sync('manual');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    fake.state.failAlways(null);
  });
});

describe('alerts for a view the user fetched', () => {
  it('marks matches in an old day fetched on demand, without announcing them', async () => {
    const paperboy = service();
    await paperboy.sync('install');
    await addWatchRule('keyword', 'zebrafish');
    const oldDay = '2026-01-06';
    const [entry] = fake.state.addPapers(oldDay, 1);
    fake.state.updatePaper(entry!.paper.id, { title: 'Zebrafish in January' });
    expect(await paperboy.fetchView(`day:${oldDay}`)).toMatchObject({ status: 'fetched' });
    expect(((await (await getDb()).get('papers', entry!.paper.id)) as PaperRecord).watch).toEqual([{ kind: 'keyword', label: 'zebrafish' }]);
    expect(await shown()).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('arms an alarm at the chosen local time only while notifications are on', async () => {
    const paperboy = service({ digestTime: async () => '08:30', timeZone: () => 'UTC' });
    await paperboy.scheduleDigest();
    const alarm = await fakeBrowser.alarms.get(DIGEST_ALARM);
    expect(new Date(alarm!.scheduledTime).toISOString()).toMatch(/T08:30:00\.000Z$/);
    notificationsOn = false;
    await paperboy.scheduleDigest();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
  });

  it.each([
    ['sends a digest missed while the browser was closed, once, then arms the next', 2 * 3_600_000, 1],
    ['lets a digest missed by more than half a day go, and arms the next', 13 * 3_600_000, 0],
  ])('%s', async (_, missedBy, expected) => {
    const paperboy = service({ digestTime: async () => '08:30', timeZone: () => 'UTC' });
    await paperboy.sync('install');
    await fakeBrowser.alarms.create(DIGEST_ALARM, { when: Date.now() - missedBy });
    // At start-up, the background re-arms the digest (and the browser may fire the late alarm too).
    await paperboy.scheduleDigest();
    await paperboy.scheduleDigest();
    expect(await shown()).toHaveLength(expected);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))!.scheduledTime).toBeGreaterThan(Date.now());
  });

  it('summarises the latest listing day once, then arms the next one', async () => {
    const paperboy = service({ digestTime: async () => '08:30', timeZone: () => 'UTC' });
    await paperboy.sync('install');
    await paperboy.sendDigest();
    const notes = await shown();
    expect(notes).toHaveLength(1);
    expect(notes[0]![0]).toMatch(/^paperboy:digest:\d{4}-\d{2}-\d{2}$/);
    expect(notes[0]![1].title).toMatch(/^Daily Papers \d{4}-\d{2}-\d{2}: \d+ papers$/);
    expect(notes[0]![1].message.split('\n')).toHaveLength(3);
    await clearAll();
    await paperboy.sendDigest();
    expect(await shown()).toEqual([]);
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined();
  });
});

describe('clicking a notification', () => {
  it('opens the paper on Hugging Face, or the reader in a tab where the side panel cannot open', async () => {
    await openNotification('paperboy:paper:watch:2611.01234');
    await openNotification('paperboy:digest:2026-11-20');
    await openNotification('paperboy:paper:watch:javascript:alert(1)');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url).filter(Boolean)).toEqual([
      'https://huggingface.co/papers/2611.01234',
      'chrome-extension://test-extension-id/sidepanel.html',
    ]);
  });

  it('opens the digest in the side panel of the current window where Chrome allows it, and no tab', async () => {
    const open = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', { sidePanel: { open } });
    try {
      await openNotification('paperboy:digest:2026-11-20');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(open).toHaveBeenCalledWith({ windowId: fakeBrowser.windows.WINDOW_ID_CURRENT });
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url).filter(Boolean)).toEqual([]);
  });
});
