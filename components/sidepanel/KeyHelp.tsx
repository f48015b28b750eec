import { useEffect, useRef } from 'preact/hooks';
import { t, type PanelLaterKey } from '@/lib/i18n/panel-later';

const KEYS: { keys: string[]; label: PanelLaterKey }[] = [
  { keys: ['j', 'k'], label: 'keyMove' },
  { keys: ['Enter', 'o'], label: 'keyOpen' },
  { keys: ['s'], label: 'keySave' },
  { keys: ['m'], label: 'keyRead' },
  { keys: ['c'], label: 'keyCopy' },
  { keys: ['/'], label: 'keySearch' },
  { keys: ['?'], label: 'keyHelp' },
];

/** The keyboard shortcuts, in a modal dialog (Escape closes it). */
export function KeyHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal?.();
    if (!open && element.open) element.close?.();
  }, [open]);
  return (
    <dialog ref={dialog} class="key-help" aria-labelledby="key-help-title" onClose={onClose} open={open && !dialog.current?.showModal ? true : undefined}>
      <h2 id="key-help-title">{t('keysTitle')}</h2>
      <dl>
        {KEYS.map(({ keys, label }) => (
          <div key={label} class="key-row">
            <dt>
              {keys.map((key, index) => (
                <>
                  {index > 0 ? ' / ' : ''}
                  <kbd>{key}</kbd>
                </>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="button" onClick={onClose}>
        {t('close')}
      </button>
    </dialog>
  );
}
