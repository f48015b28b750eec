// Copying a paper's citation to the clipboard, from its card's Copy menu or the c key, and the
// outcome the card shows ("Copied", in a status region) for a few seconds.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { CitationKind, CitedPaper } from '@/lib/transfer/citation';

const SHOWN_MS = 4000;

export type CopyOutcome = { id: string; ok: boolean };

/** The last copy's outcome, until it has been shown long enough. */
export const copyOutcome = signal<CopyOutcome | undefined>(undefined);
let clearTimer: ReturnType<typeof setTimeout> | undefined;

export type WriteText = (text: string) => Promise<void>;
const clipboardWrite: WriteText = (text) => navigator.clipboard.writeText(text);

/** Writes the paper's citation to the clipboard (the formats load on first use, off the panel's start). */
export async function copyCitation(paper: CitedPaper, kind: CitationKind, write: WriteText = clipboardWrite): Promise<boolean> {
  let ok = false;
  try {
    const { citationOf } = await import('@/lib/transfer/citation');
    await write(citationOf(paper, kind));
    ok = true;
  } catch {
    // Refused (the page lost the focus) or no clipboard: said on the card.
  }
  clearTimeout(clearTimer);
  copyOutcome.value = { id: paper.id, ok };
  clearTimer = setTimeout(() => (copyOutcome.value = undefined), SHOWN_MS);
  return ok;
}

/** The c key: the focused card's BibTeX. */
export function copyFocusedBibtex(
  reader: { focusedId: ReadonlySignal<string | undefined>; visible: ReadonlySignal<readonly CitedPaper[]> },
  write?: WriteText,
): void {
  const id = reader.focusedId.value;
  const paper = id ? reader.visible.value.find((candidate) => candidate.id === id) : undefined;
  if (paper) void copyCitation(paper, 'bibtex', write);
}
