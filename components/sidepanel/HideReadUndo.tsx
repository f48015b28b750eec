import { useEffect, useRef } from 'preact/hooks';
import { t, tn } from '@/lib/i18n/panel';
import type { PanelState } from './panel-state';

/**
 * "Hide read": what "Mark read" just took out of the list, said in a status region (always
 * there, so a screen reader hears it change), with an Undo that brings it back.
 */
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
  return (
    <div class="hide-read-undo" role="status">
      {hidden.length > 0 ? (
        <>
          {tn('hiddenRead', hidden.length)}{' '}
          <button ref={undo} type="button" class="link-button" onClick={() => void state.undoHide()}>
            {t('undo')}
          </button>
        </>
      ) : null}
    </div>
  );
}
