// The export menu's choices (ExportMenu.tsx), in a chunk of their own: shown only once the menu is opened.
import { getDb } from '@/lib/store/connection';
import { getPapers } from '@/lib/store/reads';
import type { PaperRecord, PaperSummary } from '@/lib/store/records';
import { t, tn } from '@/lib/i18n/panel-later';
import { t as exportT } from '@/lib/i18n/export';
import { exportPapers, type ExportKind } from '../shared/download';
import { periodOf, type ReaderView } from '@/lib/reader/view';

/** A file name part for a view: `saved`, `day-2026-11-20`, `week-2026-W48`… */
function viewFileName(view: ReaderView): string {
  const period = periodOf(view);
  return period ? `${period.kind}-${period.value}` : view.kind;
}

const loadFullRecords = async (ids: string[]) => getPapers(await getDb(), ids);

export interface ExportItemsProps {
  /** The shown papers, in order: summaries are enough, the full records are read on export. */
  papers: readonly PaperSummary[];
  view: ReaderView;
  now?: () => number;
  loadPapers?: (ids: string[]) => Promise<PaperRecord[]>;
}

/** Exports what the reader shows now (its search, filters and sort applied) as BibTeX or JSON. */
export function ExportItems({ papers, view, now = Date.now, loadPapers = loadFullRecords }: ExportItemsProps) {
  const run = async (kind: ExportKind) => exportPapers(kind, await loadPapers(papers.map((paper) => paper.id)), viewFileName(view), now());
  const empty = papers.length === 0;
  return (
    <div class="export-items" role="group" aria-label={t('exportShownLabel')}>
      <p class="help">{empty ? exportT('exportNothing') : tn('exportShown', papers.length)}</p>
      <button type="button" class="button secondary" disabled={empty} onClick={() => void run('bibtex')}>
        {exportT('exportBibtex')}
      </button>
      <button type="button" class="button secondary" disabled={empty} onClick={() => void run('json')}>
        {exportT('exportJson')}
      </button>
    </div>
  );
}
