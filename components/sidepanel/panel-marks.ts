import { signal, type ReadonlySignal } from '@preact/signals';
import type { PaperSummary } from '@/lib/store/records';
import type { sendRequest } from '@/lib/protocol/messages';

export interface PanelMarksDeps {
  send: typeof sendRequest;
  /** The view's papers, in the listing's order. */
  papers: ReadonlySignal<readonly PaperSummary[]>;
  /** What the list shows. */
  visible: ReadonlySignal<readonly PaperSummary[]>;
  /** Reads again what shows the marks, once the background wrote them. */
  reload(): Promise<void>;
  /** Shows that the background could not be reached. */
  fail(error: unknown): void;
  /** "Hide read" is on: papers marked read leave the list (with an Undo). */
  hidesRead(): boolean;
  /** These papers are about to leave the list (the keyboard's card moves on first). */
  leaving?(ids: readonly string[]): void;
}

/**
 * The marks the user sets in the side panel (seen, read, saved). The background writes them;
 * this only asks, then reads the view again.
 */
export interface PanelMarks {
  /** The papers the user is looking at now, for the background to mark as seen. */
  markShownSeen(): Promise<void>;
  toggleSaved(id: string): Promise<void>;
  setRead(ids: string[], read: boolean): Promise<void>;
  toggleRead(id: string): Promise<void>;
  /** Every unread paper the list shows. */
  markAllRead(): Promise<void>;
  /** A link was followed: the paper is read. */
  opened(id: string): Promise<void>;
  /** The papers the last "Mark read" took out of the list ("Hide read" on), for its Undo; none when empty. */
  hiddenByRead: ReadonlySignal<readonly string[]>;
  /** Marks those papers unread again, which brings them back. */
  undoHide(): Promise<void>;
  /** Forgets the Undo (a new view). */
  clearUndo(): void;
}

export function createPanelMarks(deps: PanelMarksDeps): PanelMarks {
  const { send, papers, visible } = deps;
  const hiddenByRead = signal<readonly string[]>([]);

  /** A mark for the background to write; if it cannot be reached, the page says so (and answers false). */
  async function ask(request: Parameters<typeof send>[0]): Promise<boolean> {
    try {
      await send(request);
      return true;
    } catch (error) {
      deps.fail(error);
      return false;
    }
  }

  const shown = (id: string) => visible.value.find((paper) => paper.id === id);

  async function setRead(ids: string[], read: boolean): Promise<void> {
    if (ids.length === 0) return;
    const hides = read && deps.hidesRead();
    if (hides) deps.leaving?.(ids);
    const written = await ask({ type: 'markRead', ids, read });
    await deps.reload();
    // Said once the cards are gone, so that the Undo can take the focus their buttons had.
    hiddenByRead.value = hides && written ? ids : [];
  }

  return {
    async markShownSeen() {
      const ids = papers.value.filter((paper) => paper.unseen === 1).map((paper) => paper.id);
      if (ids.length > 0) await ask({ type: 'markSeen', ids });
    },
    async toggleSaved(id) {
      const paper = shown(id) ?? papers.value.find((candidate) => candidate.id === id);
      await ask({ type: 'setSaved', id, saved: paper?.savedAt === undefined });
      await deps.reload();
    },
    setRead,
    async toggleRead(id) {
      await setRead([id], shown(id)?.readAt === undefined);
    },
    async markAllRead() {
      await setRead(
        visible.value.filter((paper) => paper.readAt === undefined).map((paper) => paper.id),
        true,
      );
    },
    async opened(id) {
      const paper = shown(id);
      if (paper && paper.readAt === undefined) await setRead([id], true);
    },
    hiddenByRead,
    async undoHide() {
      const ids = [...hiddenByRead.value];
      hiddenByRead.value = [];
      if (ids.length === 0) return;
      await ask({ type: 'markRead', ids, read: false });
      await deps.reload();
    },
    clearUndo() {
      hiddenByRead.value = [];
    },
  };
}
