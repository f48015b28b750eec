import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { PaperRecord } from '@/lib/db';
import { t, tn } from '@/lib/i18n';
import { paperLinks, safeHttpsUrl } from '@/lib/urls';

const FIRST_AUTHORS = 3;

interface PaperCardProps {
  paper: PaperRecord;
  isNew: boolean;
  /** The side panel shows abstracts; the popup stays compact. */
  withAbstract?: boolean;
}

function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function Authors({ authors }: { authors: string[] }) {
  const shown = authors.slice(0, FIRST_AUTHORS);
  const more = authors.length - shown.length;
  return (
    <span class="authors" dir="auto">
      {shown.join(', ')}
      {more > 0 ? ` ${t('andMoreAuthors', { n: more })}` : ''}
    </span>
  );
}

function Abstract({ text }: { text: string }) {
  const expanded = useSignal(false);
  return (
    <div class="abstract-wrap">
      <p class={expanded.value ? 'abstract' : 'abstract clamped'} dir="auto">
        {text}
      </p>
      <button type="button" class="link-button" aria-expanded={expanded.value} onClick={() => (expanded.value = !expanded.value)}>
        {expanded.value ? t('showLess') : t('showMore')}
      </button>
    </div>
  );
}

/** One paper. Every string from the source is rendered as text; only https URLs become links. */
export function PaperCard({ paper, isNew, withAbstract = false }: PaperCardProps) {
  const links = paperLinks(paper.id);
  const code = safeHttpsUrl(paper.githubRepo);
  const project = safeHttpsUrl(paper.projectPage);
  return (
    <article class="paper" aria-labelledby={`title-${paper.id}`}>
      <div class="paper-head">
        <span class="upvotes" title={tn('upvotes', paper.upvotes)} aria-label={tn('upvotes', paper.upvotes)}>
          <span aria-hidden="true">▲</span> {paper.upvotes}
        </span>
        <h3 class="paper-title" id={`title-${paper.id}`}>
          <ExternalLink href={links.hf}>
            <bdi>{paper.title}</bdi>
          </ExternalLink>
          {isNew ? <span class="new-marker">{t('newMarker')}</span> : null}
        </h3>
      </div>
      <p class="byline">
        <Authors authors={paper.authors} />
        {paper.organization ? (
          <>
            {' · '}
            <span class="org" dir="auto">
              {paper.organization}
            </span>
          </>
        ) : null}
      </p>
      {withAbstract && paper.abstract ? <Abstract text={paper.abstract} /> : null}
      <p class="links">
        <ExternalLink href={links.arxiv}>{t('linkArxiv')}</ExternalLink>
        <ExternalLink href={links.pdf}>{t('linkPdf')}</ExternalLink>
        {code ? (
          <ExternalLink href={code}>
            {t('linkCode')}
            {paper.githubStars !== undefined ? <span title={t('githubStars', { n: paper.githubStars })}> ★ {paper.githubStars}</span> : null}
          </ExternalLink>
        ) : null}
        {project ? <ExternalLink href={project}>{t('linkProject')}</ExternalLink> : null}
        {paper.comments > 0 ? <span class="comments">{tn('comments', paper.comments)}</span> : null}
      </p>
    </article>
  );
}
