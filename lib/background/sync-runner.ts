import { broadcast } from '../protocol/messages';
import type { SyncReason } from '../sync/state';
import type { SyncOutcome } from '../sync/engine';

/** The background's syncs: one at a time, each followed by what depends on its outcome. */
export interface SyncRunner {
  /**
   * Alarm, install, refresh button and settings all land here; concurrent calls share one
   * sync. A new source cannot use a sync already running against the old one: it queues one.
   */
  sync(reason: SyncReason): Promise<SyncOutcome>;
}

export interface SyncRunnerDeps {
  now: () => number;
  /** The sync itself (lib/sync/engine.ts). */
  run: (reason: SyncReason) => Promise<SyncOutcome>;
  /** Marks and notifies the papers stored since `since`; never throws. */
  afterStore: (since: number, notify: boolean) => Promise<void>;
  /** The retry and online-check alarms the outcome calls for. */
  scheduleAfter: (outcome: SyncOutcome) => Promise<void>;
  /** Retention, after a good sync. */
  prune: () => Promise<void>;
  refreshBadge: () => Promise<void>;
}

export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  let running: Promise<SyncOutcome> | undefined;
  let queued: Promise<SyncOutcome> | undefined;

  async function syncAndReport(reason: SyncReason): Promise<SyncOutcome> {
    const since = deps.now();
    const outcome = await deps.run(reason);
    if (outcome.ran) await deps.afterStore(since, true);
    if (outcome.ran) await deps.scheduleAfter(outcome);
    // Retention can wait for the next good sync; failing it must not hide this sync's outcome.
    if (outcome.ran && !outcome.state.error) await deps.prune().catch(() => undefined);
    await deps.refreshBadge();
    await broadcast({ type: 'syncFinished', outcome });
    return outcome;
  }

  function start(reason: SyncReason): Promise<SyncOutcome> {
    running = syncAndReport(reason).finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    sync(reason) {
      if (!running) return start(reason);
      if (reason !== 'settings') return running;
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return running ?? start(reason);
        });
      return queued;
    },
  };
}
