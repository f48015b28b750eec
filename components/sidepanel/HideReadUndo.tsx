// What "Mark read" just took out of the list, with an Undo that brings it back: in a chunk of its
// own, since it is shown only after such a click (ReaderList keeps the status region it goes in).
import { useEffect, useRef } from 'preact/hooks';
import { t, tn } from '@/lib/i18n/panel-later';
import type { PanelState } from './panel-state';

export function HideReadUndo({ state }: { state: PanelState }) {
  const hidden = state.hiddenByRead.value;
  const undo = useRef<HTMLButtonElement>(null);
  // The button that was clicked left with its card: the keyboard goes to Undo rather than to the
  // page's start. (A card left by the keyboard's m hands the focus to the next card instead.)
  useEffect(() => {
    if (hidden.length === 0) return;
    const timer = setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) undo.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [hidden]);
  if (hidden.length === 0) return null;
  return (
    <>
      {tn('hiddenRead', hidden.length)}{' '}
      <button ref={undo} type="button" class="link-button" onClick={() => void state.undoHide()}>
        {t('undo')}
      </button>
    </>
  );
}
