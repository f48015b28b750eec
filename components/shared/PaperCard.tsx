import { useSignal } from '@preact/signals';
import { Fragment, type ComponentChildren, type ComponentType } from 'preact';
import { localDate } from '@/lib/core/dates';
import type { PaperRecord, PaperSummary, WatchHit } from '@/lib/store/records';
import { formatNumber, t, tn, watchMarkText } from '@/lib/i18n/ui';
import { codeLink, paperLinks, safeHttpsUrl, type OutboundLink } from '@/lib/core/urls';
import type { TextMarks } from './text-marks';
import { PaperMarks } from './PaperMarks';

const FIRST_AUTHORS = 3;

interface PaperActions {
  /** A link of the paper was followed. */
  onOpen?: (id: string) => void;
  onToggleSaved?: (id: string) => void;
  onToggleRead?: (id: string) => void;
}

/** The compact card needs only a summary; the full one shows the long texts and the images too. */
export type CardPaper = PaperSummary &
  Partial<Pick<PaperRecord, 'abstract' | 'aiSummary' | 'aiKeywords' | 'upvoteHistory' | 'thumbnail' | 'mediaUrls' | 'submitter'>>;

type CardPart = ComponentType<{ paper: CardPaper }>;
/** The upvotes over time, under their count (components/shared/Sparkline.tsx). */
type CardTrend = ComponentType<{ history: readonly (readonly [number, number])[] }>;

/**
 * What the side panel adds to its full card, each part at its place. Given by the side panel, so
 * the popup loads none of it (its card stays text-only).
 */
export interface CardExtras {
  /** The outbound links shown beside Hugging Face's (the title), in this order. */
  links: readonly OutboundLink[];
  /** In the head, after the title. */
  Thumbnail?: CardPart;
  /** Under the byline. */
  Submitter?: CardPart;
  /** After the abstract. */
  Media?: CardPart;
  /** First of the card's actions. */
  Actions?: CardPart;
  /** At the card's foot, after its links (the linked models, datasets and Spaces). */
  Footer?: CardPart;
  /** Under the upvotes. */
  Trend?: CardTrend;
}

/** The popup's compact card. */
const COMPACT_LINKS: readonly OutboundLink[] = ['arxiv', 'pdf'];
const LINK_LABEL = { arxiv: 'linkArxiv', pdf: 'linkPdf', arxivHtml: 'linkArxivHtml', alphaxiv: 'linkAlphaxiv' } as const;

interface PaperCardProps extends PaperActions {
  paper: CardPaper;
  isNew: boolean;
  /** The side panel's full card; the popup's compact one. */
  full?: boolean;
  /** A search's terms to mark in the texts (the side panel's, while it searches). */
  marks?: TextMarks;
  focused?: boolean;
  /** The card's title level under the page's headings: 2 in the popup, 3 under a view's title. */
  headingLevel?: 2 | 3;
  /** The side panel's additions (full card only); a stable object, so cards are not rendered again for nothing. */
  extras?: CardExtras;
  /** The popup's upvote trend (the side panel's is one of its extras): given, so a page that loads it later does not carry it in its first script. */
  trend?: CardTrend;
}

function ExternalLink({ href, children, onOpen }: { href: string; children: ComponentChildren; onOpen?: () => void }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" onClick={onOpen} onAuxClick={onOpen}>
      {children}
    </a>
  );
}

/** `text`, with a search's terms marked when there are marks. */
const marked = (text: string, marks: TextMarks | undefined): ComponentChildren => (marks ? marks.mark(text) : text);

function Authors({ authors, marks, expandable }: { authors: string[]; marks?: TextMarks; expandable: boolean }) {
  const expanded = useSignal(false);
  // A search that matched an author further down the list shows the whole list, or the match is invisible.
  const hiddenMatch = !!marks && authors.slice(FIRST_AUTHORS).some((author) => marks.has(author));
  const shown = expanded.value || hiddenMatch ? authors : authors.slice(0, FIRST_AUTHORS);
  const more = authors.length - shown.length;
  return (
    <span class="authors">
      {/* Each name isolated: one in another script, or with a direction override, cannot reorder the next. */}
      {shown.map((author, index) => (
        <Fragment key={index}>
          {index > 0 ? ', ' : null}
          <bdi>{marked(author, marks)}</bdi>
        </Fragment>
      ))}
      {more > 0 && expandable ? (
        <>
          {' '}
          <button type="button" class="link-button" aria-expanded={false} onClick={() => (expanded.value = true)}>
            {t('andMoreAuthors', { n: more })}
          </button>
        </>
      ) : more > 0 ? (
        ` ${t('andMoreAuthors', { n: more })}`
      ) : null}
    </span>
  );
}

function Abstract({ text, marks }: { text: string; marks?: TextMarks }) {
  const expanded = useSignal(false);
  return (
    <div class="abstract-wrap">
      <p class={expanded.value ? 'abstract' : 'abstract clamped'} dir="auto">
        {marked(text, marks)}
      </p>
      <button type="button" class="link-button" aria-expanded={expanded.value} onClick={() => (expanded.value = !expanded.value)}>
        {expanded.value ? t('showLess') : t('showMore')}
      </button>
    </div>
  );
}

/** Which watchlist rule matched, in words (not colour alone); further rules in the tooltip. */
function WatchMark({ hits }: { hits: readonly WatchHit[] }) {
  const [first, ...rest] = hits;
  if (!first) return null;
  const all = hits.map(watchMarkText).join('; ');
  return (
    <p class="watch-marker" title={all}>
      <span aria-hidden="true">◆ </span>
      <bdi>{watchMarkText(first)}</bdi>
      {rest.length > 0 ? <span class="watch-more"> {t('watchMarkMore', { n: rest.length })}</span> : null}
    </p>
  );
}

/** One paper. Every string from the source is rendered as text; only https URLs become links. */
export function PaperCard({
  paper,
  isNew,
  full = false,
  marks,
  focused = false,
  headingLevel = 3,
  extras,
  trend,
  onOpen,
  onToggleSaved,
  onToggleRead,
}: PaperCardProps) {
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  const links = paperLinks(paper.id);
  const code = codeLink(paper.githubRepo);
  const project = safeHttpsUrl(paper.projectPage);
  const opened = onOpen ? () => onOpen(paper.id) : undefined;
  const read = paper.readAt !== undefined;
  const saved = paper.savedAt !== undefined;
  const { Thumbnail, Submitter, Media, Actions, Footer, Trend = trend } = (full && extras) || {};
  return (
    <article
      id={`paper-${paper.id}`}
      class={`paper${read ? ' is-read' : ''}${focused ? ' is-focused' : ''}`}
      aria-labelledby={`title-${paper.id}`}
      tabIndex={full ? -1 : undefined}
      data-paper-id={paper.id}
    >
      <div class="paper-head">
        <span class="votes">
          <span class="upvotes" role="img" title={tn('upvotes', paper.upvotes)} aria-label={tn('upvotes', paper.upvotes)}>
            <span aria-hidden="true">▲</span> {formatNumber(paper.upvotes)}
          </span>
          {Trend ? <Trend history={paper.upvoteHistory ?? []} /> : null}
        </span>
        <Title class="paper-title" id={`title-${paper.id}`}>
          <ExternalLink href={links.hf} onOpen={opened}>
            <bdi>{marked(paper.title, marks)}</bdi>
          </ExternalLink>
          {isNew ? <span class="new-marker">{t('newMarker')}</span> : null}
        </Title>
        {Thumbnail ? <Thumbnail paper={paper} /> : null}
      </div>
      {paper.watch?.length ? <WatchMark hits={paper.watch} /> : null}
      <PaperMarks paper={paper} />
      <p class="byline">
        <Authors authors={paper.authors} marks={marks} expandable={full} />
        {paper.organization ? (
          <>
            {paper.authors.length > 0 ? ' · ' : null}
            <span class="org" dir="auto">
              {marked(paper.organization, marks)}
            </span>
          </>
        ) : null}
      </p>
      {Submitter ? <Submitter paper={paper} /> : null}
      {full && !paper.publishedAt ? <p class="dates">{t('detailsPending')}</p> : null}
      {full && paper.publishedAt ? (
        <p class="dates">
          <span>{t('publishedOn', { date: localDate(paper.publishedAt) })}</span>
          <span>{t('listedOn', { date: localDate(`${paper.listedOn}T00:00:00Z`, undefined, 'UTC') })}</span>
        </p>
      ) : null}
      {full && paper.aiSummary ? (
        <p class="ai-summary" dir="auto">
          <span class="label">{t('aiSummary')}</span> {marked(paper.aiSummary, marks)}
        </p>
      ) : null}
      {full && paper.aiKeywords ? (
        <ul class="keywords" aria-label={t('aiKeywords')}>
          {paper.aiKeywords.map((keyword) => (
            <li key={keyword} dir="auto">
              {marked(keyword, marks)}
            </li>
          ))}
        </ul>
      ) : null}
      {full && paper.abstract ? <Abstract text={paper.abstract} marks={marks} /> : null}
      {/* The source sent no abstract (a paper still waiting for its details from the source has no dates either). */}
      {full && paper.abstract === '' && paper.publishedAt ? <p class="abstract abstract-missing">{t('noAbstract')}</p> : null}
      {Media ? <Media paper={paper} /> : null}
      <div class="links">
        {((full && extras?.links) || COMPACT_LINKS).map((link) => (
          <ExternalLink key={link} href={links[link]} onOpen={opened}>
            {t(LINK_LABEL[link])}
          </ExternalLink>
        ))}
        {code?.href ? (
          <ExternalLink href={code.href} onOpen={opened}>
            {t('linkCode')}
            {paper.githubStars !== undefined ? <span title={t('githubStars', { n: paper.githubStars })}> ★ {formatNumber(paper.githubStars)}</span> : null}
          </ExternalLink>
        ) : null}
        {code?.host ? (
          // Not a code host the source uses: where it would lead is said, and not linked.
          <span class="code-elsewhere">{t('codeElsewhere', { host: code.host })}</span>
        ) : null}
        {project ? (
          <ExternalLink href={project} onOpen={opened}>
            {t('linkProject')}
          </ExternalLink>
        ) : null}
        {paper.comments > 0 ? <span class="comments">{tn('comments', paper.comments)}</span> : null}
        {onToggleSaved || onToggleRead || Actions ? (
          <span class="card-actions">
            {Actions ? <Actions paper={paper} /> : null}
            {onToggleRead ? (
              <button type="button" class="chip-button" aria-pressed={read} onClick={() => onToggleRead(paper.id)}>
                {read ? t('markedRead') : t('markRead')}
              </button>
            ) : null}
            {onToggleSaved ? (
              <button type="button" class="chip-button" aria-pressed={saved} onClick={() => onToggleSaved(paper.id)}>
                <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
                {saved ? t('savedPaper') : t('savePaper')}
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {Footer ? <Footer paper={paper} /> : null}
    </article>
  );
}
