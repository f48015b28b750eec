// How following went, as the background records it and the options page shows it: apart from
// lib/saved/follow.ts so that the page reads it without importing the background's writer.
import { storedItem } from '../settings/stored-item';
import { SAVED_FOLLOW_STATUS } from '../settings/keys';

/** How following went, for the options page. */
export interface FollowStatus {
  at: number;
  /** Per bucket key: saved ids that did not fit in storage.sync and stay on this device only. */
  localOnly: Record<string, number>;
  /** The last write to storage.sync that failed (quota, write rate), if the latest did. */
  error?: string;
}

export const followStatusItem = storedItem<FollowStatus>(SAVED_FOLLOW_STATUS);
