import type { PaperSummary } from '@/lib/store/records';
import { isCodeReleased } from '@/lib/alerts/code-released';
import { t } from '@/lib/i18n/ui';

/**
 * The marks the background's rules leave on a card, in words: "Code released" for a followed
 * paper whose code came out after it was listed, and why a muted paper (shown on request) is muted.
 */
export function PaperMarks({ paper }: { paper: Pick<PaperSummary, 'codeAddedAt' | 'githubRepo' | 'savedAt' | 'watch' | 'muted'> }) {
  const [mutedBy] = paper.muted ?? [];
  const released = isCodeReleased(paper);
  if (!mutedBy && !released) return null;
  return (
    <p class="rule-marks">
      {released ? (
        <span class="code-released-marker">
          <span aria-hidden="true">⌥ </span>
          {t('codeReleasedMark')}
        </span>
      ) : null}
      {mutedBy ? (
        <span class="muted-marker">
          <bdi>{t('mutedMark', { rule: mutedBy.label })}</bdi>
        </span>
      ) : null}
    </p>
  );
}
