// The background's door: who may ask it to write, and what a request must look like before
// anything acts on it. Only this extension's own pages are heard (no content scripts or
// externally_connectable exist, but a listener must not rely on that), and even their
// requests are checked: they reach the database and the source.
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { isDay, isIsoWeek, isMonth } from '../core/dates';
import type { ListingKey } from '../store/records';
import { ImportPayloadSchema, PaperIdSchema, describeIssues } from '../transfer/import';
import type { MessageSender, Request, RequestCheck, RequestGuard } from './messages';

/** More ids than a year of papers: a page marking a whole view read or seen stays well under it. */
const MAX_IDS = 50_000;
/** The source reads 250 characters of a query; a longer one is cut there, not refused here. */
const MAX_QUERY = 2_000;

/** A page of this extension: its id, and a URL under the extension's own origin. */
function isOwnPage(sender: MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Listings the background can fetch on request: a day, an ISO week, a month, trending. */
function isFetchableKey(key: unknown): key is ListingKey {
  if (typeof key !== 'string') return false;
  if (key === 'trending') return true;
  const [kind, value = ''] = key.split(/:(.*)/s);
  return (kind === 'day' && isDay(value)) || (kind === 'week' && isIsoWeek(value)) || (kind === 'month' && isMonth(value));
}

const ids = v.pipe(v.array(PaperIdSchema), v.maxLength(MAX_IDS, 'too many ids'));

const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('refresh') }),
  v.object({ type: v.literal('sourceChanged') }),
  v.object({ type: v.literal('markSeen'), ids }),
  v.object({ type: v.literal('markRead'), ids, read: v.boolean() }),
  v.object({ type: v.literal('setSaved'), id: PaperIdSchema, saved: v.boolean() }),
  v.object({ type: v.literal('fetchView'), key: v.custom<ListingKey>(isFetchableKey, 'not a listing'), force: v.optional(v.boolean()) }),
  v.object({ type: v.literal('searchRemote'), query: v.pipe(v.string(), v.maxLength(MAX_QUERY, 'query too long')) }),
  v.object({ type: v.literal('linkedRepos'), id: PaperIdSchema }),
  v.object({ type: v.literal('importData'), ...ImportPayloadSchema.entries }),
]);

/** The request as the handlers may use it (unknown fields dropped), or why it is refused. */
function checkRequest(value: unknown): RequestCheck {
  const result = v.safeParse(RequestSchema, value);
  if (!result.success) return { ok: false, reason: describeIssues(result.issues) };
  return { ok: true, request: result.output as Request };
}

/** The background's guard (see RequestGuard in lib/protocol/messages.ts). */
export const requestGuard: RequestGuard = { acceptSender: isOwnPage, check: checkRequest };
