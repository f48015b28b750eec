import { browser } from 'wxt/browser';
import type { ListingKey } from '../store/records';
import type { SyncOutcome } from '../sync/engine';
import type { SearchOutcome, ViewFetchOutcome } from '../sync/view-fetch';
import type { LinkedReposOutcome } from '../sync/linked-repos';
import type { ExportedSavedId } from '../transfer/export-format';
import type { ImportCounts, ImportedPaper } from '../saved/store';

/** Requests from the popup, side panel and options page to the background, the only writer. */
export type Request =
  | { type: 'refresh' }
  | { type: 'sourceChanged' }
  | { type: 'markSeen'; ids: string[] }
  | { type: 'markRead'; ids: string[]; read: boolean }
  | { type: 'setSaved'; id: string; saved: boolean }
  | { type: 'fetchView'; key: ListingKey; force?: boolean }
  | { type: 'searchRemote'; query: string }
  /** A paper's linked models, datasets and Spaces: stored ones while fresh, else fetched. */
  | { type: 'linkedRepos'; id: string }
  /**
   * A Paperboy JSON export, read and checked whole by the page the user chose it in
   * (lib/transfer/import.ts), checked again on arrival (lib/protocol/request-check.ts), merged by the background.
   */
  | { type: 'importData'; papers: ImportedPaper[]; savedIds: ExportedSavedId[] };

/** The answer to importData: how many papers it added, saved and marked read. */
export type ImportOutcome = { ok: true } & ImportCounts;

export interface Responses {
  refresh: SyncOutcome;
  sourceChanged: SyncOutcome;
  markSeen: { unseen: number };
  markRead: { changed: string[] };
  setSaved: { changed: boolean };
  fetchView: ViewFetchOutcome;
  searchRemote: SearchOutcome;
  linkedRepos: LinkedReposOutcome;
  importData: ImportOutcome;
}

/** Notices from the background to whichever extension pages are open. */
export type Broadcast =
  | { type: 'syncStarted' }
  | { type: 'syncFinished'; outcome: SyncOutcome }
  /** Seen, read or saved marks changed (from another page, or a keyboard action). */
  | { type: 'marksChanged' };

type Envelope = { paperboy: 'request'; request: Request } | { paperboy: 'broadcast'; broadcast: Broadcast };
/**
 * The background's answer when a handler failed. A rejected answer would reach the caller with
 * the error's message only (and anything but an Error as "An unexpected error occurred"), in
 * both browsers: this one carries the error's name too.
 */
interface Failure {
  paperboy: 'error';
  message: string;
}

const isFailure = (value: unknown): value is Failure => (value as Failure | undefined)?.paperboy === 'error';

export type RequestHandlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>) => Promise<Responses[K]>;
};

export async function sendRequest<R extends Request>(request: R): Promise<Responses[R['type']]> {
  const envelope: Envelope = { paperboy: 'request', request };
  const response: unknown = await browser.runtime.sendMessage(envelope);
  if (isFailure(response)) throw new Error(response.message);
  return response as Responses[R['type']];
}

/**
 * Background side: answers requests; other messages (broadcasts) are left alone. The answer is
 * the promise the listener returns (webextension-polyfill gives Chrome the promise-returning
 * onMessage Firefox has). The guard (lib/protocol/request-check.ts, passed in so that the pages,
 * which import this file, do not carry the schemas) picks who is answered and what is acted on.
 */
export function handleRequests(handlers: RequestHandlers, guard: RequestGuard): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: Parameters<RequestGuard['acceptSender']>[0]) => {
    const envelope = message as Envelope | undefined;
    if (envelope?.paperboy !== 'request' || !guard.acceptSender(sender)) return undefined;
    const checked = guard.check(envelope.request);
    return Promise.resolve()
      .then(() => {
        if (!checked.ok) throw new RangeError(`Refused a malformed request (${checked.reason})`);
        const handler = handlers[checked.request.type] as (request: Request) => Promise<unknown>;
        return handler(checked.request);
      })
      .catch((error: unknown): Failure => ({ paperboy: 'error', message: describeFailure(error) }));
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

export interface MessageSender {
  id?: string;
  url?: string;
}

export type RequestCheck = { ok: true; request: Request } | { ok: false; reason: string };

/**
 * The background's guard: a sender that is not one of this extension's pages gets no answer
 * at all; a malformed request from one gets an error, and nothing is done. Implemented by
 * lib/request-check.ts.
 */
export interface RequestGuard {
  acceptSender(sender: MessageSender | undefined): boolean;
  check(request: unknown): RequestCheck;
}

function describeFailure(error: unknown): string {
  const named = error as { name?: unknown; message?: unknown } | null | undefined;
  if (typeof named?.message === 'string' && named.message) return `${String(named.name ?? 'Error')}: ${named.message}`;
  return String(named?.name ?? error);
}

/** Tells open pages; having none open is normal, not an error. */
export async function broadcast(notice: Broadcast): Promise<void> {
  const envelope: Envelope = { paperboy: 'broadcast', broadcast: notice };
  try {
    await browser.runtime.sendMessage(envelope);
  } catch {
    // No page is listening.
  }
}

/** Page side: listens to broadcasts and never answers requests, so the background does. */
export function onBroadcast(listener: (notice: Broadcast) => void): () => void {
  const wrapped = (message: unknown) => {
    const envelope = message as Envelope | undefined;
    if (envelope?.paperboy === 'broadcast') listener(envelope.broadcast);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
