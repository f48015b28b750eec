import { browser } from 'wxt/browser';
import { PAPER_STORES, type PaperboyDb } from '../store/schema';
import { getAllListings, getListingPapers, getPapers, getUnseenSummaries, latestListedDay } from '../store/reads';
import { putPapers } from '../store/writes';
import type { PaperRecord, WatchHit } from '../store/records';
import { buildDigest, nextDigestTime } from './digest';
import { t, tn } from '../i18n/background';
import {
  DIGEST_NOTIFICATION_PREFIX,
  MORE_NOTIFICATION_ID,
  PAPER_NOTIFICATION_PREFIX,
  digestLedgerKey,
  ledgerKey,
  paperNotificationId,
  planNotifications,
  recordInLedger,
  stripBidiControls,
  targetOf,
  type AlertCandidate,
  type Ledger,
} from './notify';
import { crossedThreshold } from './rising';
import { DEFAULT_RISING_THRESHOLD } from '../settings/defaults';
// Kept in storage.local: the background writes it, nothing else reads it.
import { ALERT_LEDGER_KEY } from '../settings/keys';
import { paperLinks } from '../core/urls';
import { ARXIV_ID_SOURCE, isArxivId } from '../core/arxiv-id';
import { createSerialQueue } from '../core/serial';
import { openSidePanel } from '../reader/side-panel';
import { createWatchMatcher, sameHits, type MatchablePaper, type WatchRule } from './watchlist';
import { loadWatchRules } from './watchlist-store';
import { createMuteMatcher } from './mute';
import { isMuted, withoutMuted } from '../store/records';
import { loadMuteRules } from './mute-store';
import { codeReleasedSince, codeWhere } from './code-released';

export const DIGEST_ALARM = 'digest';
/** A digest missed by up to this much (browser closed, computer asleep) is sent late; an older one is not news. */
const LATE_DIGEST_MS = 12 * 3_600_000;
/** chrome.windows.WINDOW_ID_CURRENT, where `windows` is missing. */
const CURRENT_WINDOW = -2;
const WATCH_DETAIL = {
  keyword: 'notifyWatchKeyword',
  author: 'notifyWatchAuthor',
  organization: 'notifyWatchOrganization',
  submitter: 'notifyWatchSubmitter',
} as const;

export interface AlertDeps {
  db: () => Promise<PaperboyDb>;
  now?: () => number;
  notificationsOn?: () => Promise<boolean>;
  risingThreshold?: () => Promise<number>;
  /** "HH:MM" or empty for no digest. */
  digestTime?: () => Promise<string>;
  watchRules?: () => Promise<WatchRule[]>;
  /** The muted rules: their papers are marked, and never counted nor notified. */
  muteRules?: () => Promise<WatchRule[]>;
  /** The notifications permission is granted (it is optional, and can be revoked at any time). */
  permitted?: () => Promise<boolean>;
  /** Which of these papers are open in a tab now. */
  openPaperIds?: (ids: readonly string[]) => Promise<Set<string>>;
  timeZone?: () => string;
}

type NotificationsApi = typeof browser.notifications;

/** Chrome defines `notifications` only once the optional permission is granted. */
function notificationsApi(): NotificationsApi | undefined {
  try {
    return (browser as { notifications?: NotificationsApi }).notifications ?? undefined;
  } catch {
    return undefined;
  }
}

async function defaultPermitted(): Promise<boolean> {
  if (!notificationsApi()) return false;
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

const PAPER_PAGE_URL = new RegExp(String.raw`^https://(?:huggingface\.co/papers|arxiv\.org/(?:abs|pdf))/(${ARXIV_ID_SOURCE})(?:v\d+)?(?:[/?#.]|$)`);

/** The id of a paper page a tab shows (Hugging Face, or arXiv where Paperboy may see it). */
function paperIdOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = PAPER_PAGE_URL.exec(url);
  return match?.[1];
}

/**
 * Papers open in a tab. A `url` filter only sees tabs Paperboy has host access to:
 * huggingface.co always; arxiv.org only if the user granted it (it is not asked for: a
 * warning on every install to skip a few notifications is not worth it). Tabs are matched
 * by their reported URL, so a browser that ignored the filter cannot make every paper "open".
 */
async function defaultOpenPaperIds(ids: readonly string[]): Promise<Set<string>> {
  const open = new Set<string>();
  if (ids.length === 0) return open;
  const patterns = ids.map((id) => `https://huggingface.co/papers/${id}*`);
  const arxiv = await browser.permissions.contains({ origins: ['https://arxiv.org/*'] }).catch(() => false);
  if (arxiv) patterns.push(...ids.flatMap((id) => [`https://arxiv.org/abs/${id}*`, `https://arxiv.org/pdf/${id}*`]));
  try {
    for (const tab of await browser.tabs.query({ url: patterns })) {
      const id = paperIdOfUrl(tab.url);
      if (id && ids.includes(id)) open.add(id);
    }
  } catch {
    // No answer about tabs: notify rather than stay silent.
  }
  return open;
}

/** A paper's marks: the watchlist rules and the muted rules it matches. */
interface RuleMarks {
  watch: WatchHit[];
  muted: WatchHit[];
}
type MarkPaper = (paper: MatchablePaper) => RuleMarks;

const sameMarks = (marks: RuleMarks, paper: PaperRecord) => sameHits(marks.watch, paper.watch) && sameHits(marks.muted, paper.muted);

/** One field of marks on a record: present only when there is a hit. */
function setHits(paper: PaperRecord, field: 'watch' | 'muted', hits: WatchHit[]): void {
  if (hits.length > 0) paper[field] = hits;
  else delete paper[field];
}

const iconUrl = () => browser.runtime.getURL('/icons/128.png' as '/');

/**
 * Alerts, behind the service: watchlist marks on stored papers, notifications for new
 * matches and rising papers (each paper and reason once), and the daily digest.
 */
export function createAlerts(deps: AlertDeps) {
  const now = deps.now ?? Date.now;
  const watchRules = deps.watchRules ?? loadWatchRules;
  const muteRules = deps.muteRules ?? loadMuteRules;
  const permitted = deps.permitted ?? defaultPermitted;
  const openPaperIds = deps.openPaperIds ?? defaultOpenPaperIds;
  const timeZone = deps.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  // The ledger is read, changed and written back: one change at a time.
  const ledgerChanges = createSerialQueue();

  async function armNextDigest(): Promise<void> {
    const time = (await deps.digestTime?.()) ?? '';
    const on = (await deps.notificationsOn?.()) ?? false;
    const when = on ? nextDigestTime(now(), time, timeZone()) : undefined;
    if (when === undefined) await browser.alarms.clear(DIGEST_ALARM);
    else browser.alarms.create(DIGEST_ALARM, { when });
  }

  function withLedger<T>(change: (ledger: Ledger) => Promise<{ ledger: Ledger; result: T }>): Promise<T> {
    return ledgerChanges.run(async () => {
      const stored = (await browser.storage.local.get(ALERT_LEDGER_KEY))[ALERT_LEDGER_KEY] as Ledger | undefined;
      const { ledger, result } = await change(stored ?? {});
      await browser.storage.local.set({ [ALERT_LEDGER_KEY]: ledger });
      return result;
    });
  }

  /** The matcher of both lists of rules, as stored now. */
  async function ruleMarker(): Promise<MarkPaper> {
    const [watched, muted] = await Promise.all([watchRules(), muteRules()]);
    const watch = createWatchMatcher(watched);
    const mute = createMuteMatcher(muted);
    return (paper) => ({ watch: watch(paper), muted: mute(paper) });
  }

  /**
   * The one writer of watchlist and muted marks: each paper (these ids, or every stored paper)
   * is matched as stored inside the write, and written only where its hits changed. Through
   * lib/store/writes.ts, so the summaries and listing views the reader shows carry the marks.
   * Returns the papers it changed.
   */
  async function writeRuleMarks(db: PaperboyDb, match: MarkPaper, ids?: readonly string[]): Promise<PaperRecord[]> {
    const tx = db.transaction([...PAPER_STORES], 'readwrite');
    const papers = tx.objectStore('papers');
    const marked: PaperRecord[] = [];
    const remark = (paper: PaperRecord) => {
      const marks = match(paper);
      if (sameMarks(marks, paper)) return;
      setHits(paper, 'watch', marks.watch);
      setHits(paper, 'muted', marks.muted);
      marked.push(paper);
    };
    if (ids) {
      for (const id of ids) {
        const stored = await papers.get(id);
        if (stored) remark(stored);
      }
    } else {
      for (let cursor = await papers.openCursor(); cursor; cursor = await cursor.continue()) remark(cursor.value);
    }
    await putPapers(tx, marked);
    await tx.done;
    return marked;
  }

  /** Marks these papers' watchlist and muted hits where they changed; returns the papers with their marks. */
  async function markPapers(db: PaperboyDb, papers: PaperRecord[], match: MarkPaper): Promise<PaperRecord[]> {
    // Most syncs change no mark: no write is opened for them.
    const stale = papers.filter((paper) => !sameMarks(match(paper), paper)).map((paper) => paper.id);
    if (stale.length === 0) return papers;
    const marked = new Map((await writeRuleMarks(db, match, stale)).map((paper) => [paper.id, paper]));
    return papers.map((paper) => marked.get(paper.id) ?? paper);
  }

  /** Papers of listings stored since `since`: what a sync or a fetched view just wrote. */
  async function papersStoredSince(db: PaperboyDb, since: number): Promise<PaperRecord[]> {
    const ids = new Set<string>();
    for (const listing of await getAllListings(db)) if (listing.fetchedAt >= since) for (const id of listing.ids) ids.add(id);
    return getPapers(db, [...ids]);
  }

  async function notify(candidates: AlertCandidate[]): Promise<void> {
    if (candidates.length === 0) return;
    const api = (await deps.notificationsOn?.()) && (await permitted()) ? notificationsApi() : undefined;
    const open = api ? await openPaperIds(candidates.map((candidate) => candidate.paperId)) : new Set<string>();
    await withLedger(async (ledger) => {
      const shownNow = api ? Object.keys(await api.getAll()) : [];
      const plan = planNotifications({
        candidates,
        ledger,
        reserved: shownNow.filter((id) => id.startsWith(DIGEST_NOTIFICATION_PREFIX)).length,
        openPaperIds: open,
      });
      // Notifications off: still recorded, so turning them on later does not replay the past.
      if (api && (plan.show.length > 0 || plan.more > 0)) {
        for (const id of shownNow) if (id.startsWith(PAPER_NOTIFICATION_PREFIX) || id === MORE_NOTIFICATION_ID) await api.clear(id);
        for (const candidate of plan.show) {
          await api.create(paperNotificationId(candidate), {
            type: 'basic',
            iconUrl: iconUrl(),
            title: stripBidiControls(candidate.title),
            message: stripBidiControls(candidate.detail),
          });
        }
        if (plan.more > 0) {
          await api.create(MORE_NOTIFICATION_ID, {
            type: 'basic',
            iconUrl: iconUrl(),
            title: t('appName'),
            message: tn('notifyMore', plan.more),
          });
        }
      }
      const keys = plan.handled.map((candidate) => ledgerKey(candidate.reason, candidate.paperId));
      return { ledger: recordInLedger(ledger, keys, now()), result: undefined };
    });
  }

  return {
    /**
     * After a sync (or a fetched view, `notify: false`): marks the stored papers' watchlist and
     * muted hits, then notifies new arrivals that match, papers that rose past the threshold,
     * and followed papers whose code came out. Muted papers are never notified.
     */
    async afterStore(since: number, { notify: shouldNotify }: { notify: boolean }): Promise<void> {
      const db = await deps.db();
      const marked = await markPapers(db, await papersStoredSince(db, since), await ruleMarker());
      if (!shouldNotify) return;
      const papers = withoutMuted(marked);
      const threshold = (await deps.risingThreshold?.()) ?? DEFAULT_RISING_THRESHOLD;
      const candidates: AlertCandidate[] = [];
      for (const paper of papers) {
        // A match notifies when the paper arrives; papers already stored when a rule is added are marked, not notified.
        const hit = paper.watch?.[0];
        if (hit && paper.unseen === 1 && paper.firstSeenAt >= since) {
          candidates.push({ reason: 'watch', paperId: paper.id, title: paper.title, detail: t(WATCH_DETAIL[hit.kind], { rule: hit.label }) });
        }
      }
      for (const paper of papers) {
        if (crossedThreshold(paper.upvoteHistory, threshold)) {
          candidates.push({ reason: 'rising', paperId: paper.id, title: paper.title, detail: t('notifyRising', { n: paper.upvotes, threshold }) });
        }
      }
      for (const paper of papers) {
        if (codeReleasedSince(paper, since)) {
          candidates.push({ reason: 'code', paperId: paper.id, title: t('notifyCodeReleased', { title: paper.title }), detail: codeWhere(paper.githubRepo!) });
        }
      }
      await notify(candidates);
    },

    /** The watchlist or the muted rules changed: every stored paper's marks follow (one pass, written only where they differ). */
    async remarkAll(): Promise<void> {
      const db = await deps.db();
      await writeRuleMarks(db, await ruleMarker());
    },

    /** Unseen papers that match the watchlist and are not muted: the badge's colour. */
    async watchUnseen(db: PaperboyDb): Promise<number> {
      // Summaries carry the marks: no abstracts read on every badge refresh.
      const unseen = await getUnseenSummaries(db);
      return unseen.filter((paper) => (paper.watch?.length ?? 0) > 0 && !isMuted(paper)).length;
    },

    /** Unseen papers that are muted: the badge does not count them. */
    async mutedUnseen(db: PaperboyDb): Promise<number> {
      return (await getUnseenSummaries(db)).filter(isMuted).length;
    },

    /**
     * Arms the digest alarm for the next time of day in the user's zone, or clears it. A digest
     * that came due while the browser was closed (or the computer asleep) is sent now instead,
     * if it is not older than LATE_DIGEST_MS: re-arming first would drop it.
     */
    async scheduleDigest(): Promise<void> {
      const armed = await browser.alarms.get(DIGEST_ALARM);
      const late = armed ? now() - armed.scheduledTime : -1;
      if (late >= 0 && late <= LATE_DIGEST_MS && ((await deps.notificationsOn?.()) ?? false)) return this.sendDigest();
      await armNextDigest();
    },

    /** The digest alarm fired: one notification for the latest listing day (once per day), then the next alarm. */
    async sendDigest(): Promise<void> {
      try {
        const api = (await deps.notificationsOn?.()) && (await permitted()) ? notificationsApi() : undefined;
        if (!api) return;
        const db = await deps.db();
        const day = await latestListedDay(db);
        const digest = day ? buildDigest(day, withoutMuted(await getListingPapers(db, `day:${day}`))) : undefined;
        if (!digest) return;
        await withLedger(async (ledger) => {
          const key = digestLedgerKey(digest.day);
          // A weekend or a late listing leaves the same latest day: it is not summarised twice.
          if (key in ledger) return { ledger, result: undefined };
          const lines = digest.top.map((paper, index) => `${index + 1}. ${paper.title} (▲ ${paper.upvotes})`);
          await api.create(`${DIGEST_NOTIFICATION_PREFIX}${digest.day}`, {
            type: 'basic',
            iconUrl: iconUrl(),
            title: tn('digestTitle', digest.total, { day: digest.day }),
            message: lines.join('\n'),
          });
          return { ledger: recordInLedger(ledger, [key], now()), result: undefined };
        });
      } finally {
        await armNextDigest();
      }
    },
  };
}

/**
 * A notification was clicked: its paper opens in a tab; the digest or "N more" opens the
 * reader. Chrome lets a notification click open the side panel (it counts as a user gesture,
 * so the call is made at once, before any await); where that fails, the reader opens in a tab.
 */
export function openNotification(notificationId: string): Promise<void> {
  const target = targetOf(notificationId);
  const cleared =
    notificationsApi()
      ?.clear(notificationId)
      .then(() => undefined) ?? Promise.resolve();
  if (!target) return cleared;
  if (target.kind === 'paper' && isArxivId(target.paperId)) {
    return Promise.all([browser.tabs.create({ url: paperLinks(target.paperId).hf }), cleared]).then(() => undefined);
  }
  const inTab = () => browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }).then(() => undefined);
  return Promise.all([openReaderPanel().catch(inTab), cleared]).then(() => undefined);
}

/** The reader's panel in the current window; a browser that cannot open it from here refuses, at once or later. */
function openReaderPanel(): Promise<void> {
  try {
    return openSidePanel(browser.windows?.WINDOW_ID_CURRENT ?? CURRENT_WINDOW);
  } catch (error) {
    return Promise.reject(error);
  }
}
