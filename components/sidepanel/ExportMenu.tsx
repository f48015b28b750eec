import { useSignal } from '@preact/signals';
import { t, withLaterStrings } from '@/lib/i18n/panel';
import { useLazy } from '../shared/use-lazy';
import type { ExportItemsProps } from './ExportItems';

const loadItems = () => withLaterStrings(import('./ExportItems'));

/** The header's Export menu: what the reader shows now, as BibTeX or JSON (ExportItems.tsx). */
export function ExportMenu(props: ExportItemsProps) {
  const open = useSignal(false);
  const items = useLazy(loadItems, open.value);
  // The choices exist only while open: closed, the menu adds nothing to the page's text.
  return (
    <details class="export-menu" onToggle={(event) => (open.value = event.currentTarget.open)}>
      <summary class="link-button">{t('exportLabel')}</summary>
      {open.value && items ? <items.ExportItems {...props} /> : null}
    </details>
  );
}
