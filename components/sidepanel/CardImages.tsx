import { useSignal } from '@preact/signals';
import { hfMediaUrl, isVideoUrl } from '@/lib/core/hf-urls';
import { t } from '@/lib/i18n/panel-later';
import type { CardPaper } from '../shared/PaperCard';

// Remote images and videos of a side panel card, all from Hugging Face's hosts (hfMediaUrl, checked
// again here: a record stored by an earlier version kept any thumbnail). Rendered only while the
// "Show images" setting is on (card-extras.ts).

/**
 * A lazily loaded image that removes itself (and the box it is in) when it fails: no broken-image
 * icon, and the card lays out as it would without it.
 */
function RemoteImage({ src, alt, box }: { src: string; alt: string; box: string }) {
  const failed = useSignal(false);
  if (failed.value) return null;
  return (
    <span class={box}>
      <img src={src} alt={alt} loading="lazy" decoding="async" referrerpolicy="no-referrer" onError={() => (failed.value = true)} />
    </span>
  );
}

/** The paper's thumbnail, beside its title: decorative (it shows the title again), so its text is empty. */
export function CardThumbnail({ paper }: { paper: CardPaper }) {
  const src = hfMediaUrl(paper.thumbnail);
  return src ? <RemoteImage key={src} src={src} alt="" box="paper-thumb" /> : null;
}

/** The submitter's avatar, beside their name (which says who it is). */
export function Avatar({ src }: { src: string | undefined }) {
  const href = hfMediaUrl(src);
  return href ? <RemoteImage key={href} src={href} alt="" box="avatar" /> : null;
}

/** "Media (n)": the paper's images and videos, shown on demand; videos play only when asked, muted. */
export function CardMedia({ paper }: { paper: CardPaper }) {
  const open = useSignal(false);
  const media = (paper.mediaUrls ?? []).flatMap((url) => hfMediaUrl(url) ?? []);
  if (media.length === 0) return null;
  const regionId = `media-${paper.id}`;
  return (
    <div class="card-media">
      <button type="button" class="link-button" aria-expanded={open.value} aria-controls={regionId} onClick={() => (open.value = !open.value)}>
        {t('mediaButton', { n: media.length })}
      </button>
      {open.value ? (
        <div id={regionId} class="media-gallery" role="region" aria-label={t('mediaRegion', { title: paper.title })}>
          {media.map((src, index) => {
            const label = t(isVideoUrl(src) ? 'mediaVideo' : 'mediaImage', { n: String(index + 1), count: String(media.length) });
            return isVideoUrl(src) ? (
              <video key={src} src={src} controls muted preload="none" playsInline aria-label={label} />
            ) : (
              <RemoteImage key={src} src={src} alt={label} box="media-item" />
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
