import { useSignal } from '@preact/signals';
import type { CitationKind } from '@/lib/transfer/citation';
import { t, type PanelLaterKey } from '@/lib/i18n/panel-later';
import type { CardPaper } from '../shared/PaperCard';
import { copyCitation, copyOutcome } from './copy-citation';

const KINDS: { kind: CitationKind; label: PanelLaterKey }[] = [
  { kind: 'bibtex', label: 'copyBibtex' },
  { kind: 'markdown', label: 'copyMarkdown' },
  { kind: 'plain', label: 'copyPlain' },
];

/**
 * "Copy": the paper as BibTeX, a Markdown link or a plain citation, offered in the card's row (a
 * card contains its paint, so a pop-over would be cut off); the outcome said in a status region.
 */
export function CardCopy({ paper }: { paper: CardPaper }) {
  const open = useSignal(false);
  const outcome = copyOutcome.value?.id === paper.id ? copyOutcome.value : undefined;
  const choicesId = `copy-${paper.id}`;
  return (
    <span class="copy-menu">
      <button type="button" class="chip-button" aria-expanded={open.value} aria-controls={choicesId} onClick={() => (open.value = !open.value)}>
        {t('copyButton')}
      </button>
      {open.value ? (
        <span id={choicesId} class="copy-items" role="group" aria-label={t('copyButton')}>
          {KINDS.map(({ kind, label }) => (
            <button
              key={kind}
              type="button"
              class="chip-button"
              onClick={() => {
                open.value = false;
                void copyCitation(paper, kind);
              }}
            >
              {t(label)}
            </button>
          ))}
        </span>
      ) : null}
      <span class={outcome?.ok === false ? 'copy-status error' : 'copy-status'} role="status">
        {outcome ? t(outcome.ok ? 'copied' : 'copyFailed') : ''}
      </span>
    </span>
  );
}
