import { browser } from 'wxt/browser';
import { badgeFor, type BadgeView } from './badge';
import type { BadgeMode } from '../settings/defaults';
import { countPapers, countUnseen, getListingSummaries, latestListedDay } from '../store/reads';
import type { PaperboyDb } from '../store/schema';
import { readSyncState } from '../sync/engine';
import { EMPTY_SYNC_STATE } from '../sync/state';
import type { SyncState } from '../store/records';
import { withoutMuted } from '../store/records';

/** The toolbar button's badge, kept true to the stored state (what it shows: lib/background/badge.ts). */
export interface ToolbarBadge {
  /** Reads the state the badge depends on and writes its text, colour and tooltip. */
  refresh(): Promise<void>;
}

export interface ToolbarBadgeDeps {
  db: () => Promise<PaperboyDb>;
  now: () => number;
  /** The sync state to show: the stored one, unless a later outcome could not be stored. */
  syncState: (stored: SyncState) => SyncState;
  /** Unseen papers that match the watchlist. */
  watchUnseen: (db: PaperboyDb) => Promise<number>;
  /** Unseen papers that are muted: never counted. */
  mutedUnseen?: (db: PaperboyDb) => Promise<number>;
  /** The source's origin when it may not be read (a mirror not granted on this device). */
  accessNeeded: () => Promise<string | undefined>;
  /** Resolves once the Language setting is applied, so that the tooltip is in the user's language. */
  localeReady?: () => Promise<unknown>;
  badgeMode?: () => Promise<BadgeMode>;
}

export function createToolbarBadge(deps: ToolbarBadgeDeps): ToolbarBadge {
  async function countUnseenNotMuted(db: PaperboyDb): Promise<number> {
    const [unseen, muted] = await Promise.all([countUnseen(db), deps.mutedUnseen?.(db) ?? 0]);
    return Math.max(0, unseen - muted);
  }

  async function viewOf(mode: BadgeMode): Promise<BadgeView> {
    try {
      const db = await deps.db();
      const [unseen, sync, papers, watchUnseen, unreadToday] = await Promise.all([
        countUnseenNotMuted(db),
        readSyncState(db),
        countPapers(db),
        mode === 'off' ? 0 : deps.watchUnseen(db),
        mode === 'unread' ? countUnreadToday(db) : 0,
      ]);
      const accessNeeded = await deps.accessNeeded();
      return badgeFor({ unseen, sync: deps.syncState(sync), now: deps.now(), hasPapers: papers > 0, mode, watchUnseen, unreadToday, accessNeeded });
    } catch {
      // The database cannot even be read (disk full, corrupt profile): the badge still says so.
      return badgeFor({ unseen: 0, sync: deps.syncState(EMPTY_SYNC_STATE), now: deps.now(), hasPapers: false, mode });
    }
  }

  return {
    async refresh() {
      await deps.localeReady?.();
      const mode = (await deps.badgeMode?.().catch(() => undefined)) ?? 'new';
      const view = await viewOf(mode);
      // Chrome MV3 has `action`; Firefox's MV2 build only `browserAction`, with the same calls.
      const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
      await Promise.all([
        toolbar.setBadgeText({ text: view.text }),
        toolbar.setBadgeBackgroundColor({ color: view.color }),
        toolbar.setTitle({ title: view.title }),
      ]);
    },
  };
}

/** Unread papers of today's list: the latest listing day, as the reader's Today view shows it. */
async function countUnreadToday(db: PaperboyDb): Promise<number> {
  const day = await latestListedDay(db);
  if (!day) return 0;
  // The day's ready-made view: one small read, no abstracts.
  const { summaries } = await getListingSummaries(db, `day:${day}`);
  return withoutMuted(summaries).filter((paper) => paper.readAt === undefined).length;
}
