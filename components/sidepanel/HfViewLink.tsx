import { hfPeriodUrl } from '@/lib/core/hf-pages';
import { t } from '@/lib/i18n/panel';
import type { ReaderView } from '@/lib/reader/view';

/** The day's, week's or month's own page on Hugging Face; nothing for the other views. */
export function HfViewLink({ view }: { view: ReaderView }) {
  const href = view.kind === 'day' || view.kind === 'week' || view.kind === 'month' ? hfPeriodUrl(view) : undefined;
  if (!href) return null;
  return (
    <a class="hf-view-link" href={href} target="_blank" rel="noopener noreferrer">
      {t('openViewOnHf')}
    </a>
  );
}
