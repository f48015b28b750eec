import { signal, type ReadonlySignal } from '@preact/signals';
import type { LinkedRepos } from '@/lib/source/linked-repos';
import type { SyncError } from '@/lib/store/records';
import type { sendRequest } from '@/lib/protocol/messages';

/** One paper's linked repositories as the card shows them. */
export type LinkedEntry = { status: 'loading' } | { status: 'ready'; repos: LinkedRepos } | { status: 'failed'; error: SyncError };

/**
 * The side panel's linked models, datasets and Spaces: which cards show them, and what the
 * background answered for each paper (asked once, when a card first opens them; never ahead).
 */
export interface LinkedReposState {
  entries: ReadonlySignal<ReadonlyMap<string, LinkedEntry>>;
  open: ReadonlySignal<ReadonlySet<string>>;
  /** Shows or hides a card's linked repositories; the first showing (or one after a failure) asks the background. */
  toggle(id: string): Promise<void>;
  /** Asks again after a failure. */
  retry(id: string): Promise<void>;
}

export function createLinkedReposState(send: typeof sendRequest): LinkedReposState {
  const entries = signal<ReadonlyMap<string, LinkedEntry>>(new Map());
  const open = signal<ReadonlySet<string>>(new Set());

  const setEntry = (id: string, entry: LinkedEntry) => {
    entries.value = new Map(entries.value).set(id, entry);
  };

  async function load(id: string): Promise<void> {
    if (entries.value.get(id)?.status === 'loading') return;
    setEntry(id, { status: 'loading' });
    try {
      const outcome = await send({ type: 'linkedRepos', id });
      setEntry(id, outcome.status === 'ok' ? { status: 'ready', repos: outcome.repos } : { status: 'failed', error: outcome.error });
    } catch (error) {
      setEntry(id, { status: 'failed', error: { kind: 'network', message: error instanceof Error ? error.message : String(error), at: Date.now() } });
    }
  }

  return {
    entries,
    open,
    async toggle(id) {
      const next = new Set(open.value);
      const opening = !next.delete(id);
      if (opening) next.add(id);
      open.value = next;
      const entry = entries.value.get(id);
      if (opening && (!entry || entry.status === 'failed')) await load(id);
    },
    retry: load,
  };
}
