import { signal, type ReadonlySignal } from '@preact/signals';
import type { PaperSummary } from '@/lib/store/records';
import { paperLinks } from '@/lib/core/urls';

export interface PanelFocusDeps {
  /** What the list shows, in its order. */
  visible: ReadonlySignal<readonly PaperSummary[]>;
  openUrl(url: string): void;
  /** A paper was opened: it is read. */
  opened(id: string): Promise<void>;
}

/** The keyboard's card in the side panel's list: moved by j/k, opened by Enter or o. */
export interface PanelFocus {
  focusedId: ReadonlySignal<string | undefined>;
  /** Moves `delta` cards down (up when negative); with none focused, to the first (or last). */
  moveFocus(delta: number): void;
  /** Opens the focused paper's HF page. */
  openFocused(): void;
  /** No card focused: a new view. */
  clearFocus(): void;
  /** The card the keyboard is on, set: the next one when the focused card leaves the list. */
  focusOn(id: string | undefined): void;
}

/**
 * Where the keyboard's card goes when `leaving` leave the list: the next card that stays, else
 * the one before; undefined when `focused` is not leaving (nothing to move) or nothing stays.
 */
export function focusAfterLeaving(list: readonly PaperSummary[], focused: string | undefined, leaving: readonly string[]): string | undefined {
  if (focused === undefined || !leaving.includes(focused)) return focused;
  const gone = new Set(leaving);
  const at = list.findIndex((paper) => paper.id === focused);
  const after = list.slice(at + 1).find((paper) => !gone.has(paper.id));
  const before = list
    .slice(0, Math.max(0, at))
    .reverse()
    .find((paper) => !gone.has(paper.id));
  return (after ?? before)?.id;
}

export function createPanelFocus(deps: PanelFocusDeps): PanelFocus {
  const focusedId = signal<string | undefined>(undefined);
  return {
    focusedId,
    moveFocus(delta) {
      const list = deps.visible.value;
      if (list.length === 0) return;
      const at = list.findIndex((paper) => paper.id === focusedId.value);
      const next = at === -1 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta));
      focusedId.value = list[next]!.id;
    },
    openFocused() {
      const id = focusedId.value;
      if (!id) return;
      deps.openUrl(paperLinks(id).hf);
      void deps.opened(id);
    },
    clearFocus() {
      focusedId.value = undefined;
    },
    focusOn(id) {
      focusedId.value = id;
    },
  };
}
