// What to notify and how many at once, and the ledger that stops a second notification for
// the same paper and reason. Pure: the side effects are in alerts.ts.

import { isArxivId } from '../core/arxiv-id';

export type AlertReason = 'watch' | 'rising' | 'code';

export interface AlertCandidate {
  reason: AlertReason;
  paperId: string;
  title: string;
  /** What the notification says under the title: the matched rule, the upvotes, or where the code is. */
  detail: string;
}

/** When each paper and reason (or each digest day) was notified. */
export type Ledger = Record<string, number>;

const MAX_VISIBLE = 3;

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069). A notification is plain
 * text the system lays out with no isolation of its own: an override in a title would reorder
 * what follows it, the app's own words included ("…exe.gpj" shown as "…jpg.exe").
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text from the source (titles) or the user (rule names) as a notification may show it. */
export const stripBidiControls = (text: string) => text.replace(BIDI_CONTROLS, '');
/** Older entries go: papers leave the store after a year at most (retention), their entries too. */
const LEDGER_MAX_AGE_MS = 400 * 86_400_000;
const LEDGER_MAX_ENTRIES = 5_000;

export const ledgerKey = (reason: AlertReason, paperId: string) => `${reason}:${paperId}`;
export const digestLedgerKey = (day: string) => `digest:${day}`;

/** Notification ids carry what a click opens. */
export const PAPER_NOTIFICATION_PREFIX = 'paperboy:paper:';
export const DIGEST_NOTIFICATION_PREFIX = 'paperboy:digest:';
export const MORE_NOTIFICATION_ID = 'paperboy:more';

export const paperNotificationId = (candidate: Pick<AlertCandidate, 'reason' | 'paperId'>) =>
  `${PAPER_NOTIFICATION_PREFIX}${candidate.reason}:${candidate.paperId}`;

export type NotificationTarget = { kind: 'paper'; paperId: string } | { kind: 'reader' } | undefined;

/** What a clicked notification opens: its paper, or the reader for a digest or "N more". */
export function targetOf(notificationId: string): NotificationTarget {
  if (notificationId.startsWith(PAPER_NOTIFICATION_PREFIX)) {
    const paperId = notificationId.slice(PAPER_NOTIFICATION_PREFIX.length).split(':')[1];
    return paperId && isArxivId(paperId) ? { kind: 'paper', paperId } : undefined;
  }
  if (notificationId.startsWith(DIGEST_NOTIFICATION_PREFIX) || notificationId === MORE_NOTIFICATION_ID) return { kind: 'reader' };
  return undefined;
}

export interface NotificationPlan {
  /** Shown one by one. */
  show: AlertCandidate[];
  /** Folded into one "N more" notification (0: none). */
  more: number;
  /** Every new candidate, shown, folded or skipped as open: the ledger records them all. */
  handled: AlertCandidate[];
}

/**
 * Decides a batch: drops what the ledger already has (and repeats within the batch), skips
 * papers open in a tab (recorded, not shown: the user is looking at them), and keeps at most
 * MAX_VISIBLE notifications on screen. A batch replaces the previous batch's notifications
 * (those papers stay marked in the reader), so a pile the user never dismisses cannot block
 * new ones; `reserved` counts those that stay (the digest). Past the limit, one "N more".
 */
export function planNotifications(input: {
  candidates: readonly AlertCandidate[];
  ledger: Ledger;
  reserved: number;
  openPaperIds: ReadonlySet<string>;
}): NotificationPlan {
  const seen = new Set<string>();
  const handled: AlertCandidate[] = [];
  for (const candidate of input.candidates) {
    const key = ledgerKey(candidate.reason, candidate.paperId);
    if (key in input.ledger || seen.has(key)) continue;
    seen.add(key);
    handled.push(candidate);
  }
  const toShow = handled.filter((candidate) => !input.openPaperIds.has(candidate.paperId));
  const slots = Math.max(0, MAX_VISIBLE - input.reserved);
  if (toShow.length <= slots) return { show: toShow, more: 0, handled };
  const show = toShow.slice(0, Math.max(0, slots - 1));
  return { show, more: slots > 0 ? toShow.length - show.length : 0, handled };
}

/** Adds handled keys, then forgets the oldest beyond the age and size limits. */
export function recordInLedger(ledger: Ledger, keys: readonly string[], now: number): Ledger {
  const next: Ledger = { ...ledger };
  for (const key of keys) next[key] ??= now;
  const kept = Object.entries(next)
    .filter(([, at]) => now - at <= LEDGER_MAX_AGE_MS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, LEDGER_MAX_ENTRIES);
  return Object.fromEntries(kept);
}
