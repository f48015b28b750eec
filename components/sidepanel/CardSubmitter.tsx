import { hfUserUrl } from '@/lib/core/hf-urls';
import { t } from '@/lib/i18n/panel-later';
import type { CardPaper } from '../shared/PaperCard';
import { Avatar } from './CardImages';

/** "Submitted by <full name>", linked to the submitter's page on Hugging Face; the avatar when images are shown. */
function Submitter({ paper, avatar }: { paper: CardPaper; avatar: boolean }) {
  const submitter = paper.submitter;
  const href = submitter ? hfUserUrl(submitter.name) : undefined;
  if (!submitter || !href) return null;
  // The sentence's words around the name, in the language's order ("由 {name} 提交").
  const [before = '', after = ''] = t('submittedBy').split('{name}');
  return (
    <p class="submitter">
      {avatar ? <Avatar src={submitter.avatarUrl} /> : null}
      {before}
      <a href={href} target="_blank" rel="noopener noreferrer">
        <bdi>{submitter.fullname ?? submitter.name}</bdi>
      </a>
      {after}
    </p>
  );
}

export const CardSubmitter = ({ paper }: { paper: CardPaper }) => <Submitter paper={paper} avatar={false} />;
export const CardSubmitterWithAvatar = ({ paper }: { paper: CardPaper }) => <Submitter paper={paper} avatar />;
