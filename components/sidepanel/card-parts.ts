// The side panel's card additions themselves, in a chunk of their own: loaded as the panel opens,
// beside its first reads, so they are not part of the script every open has to parse first.
import type { OutboundLink } from '@/lib/core/urls';
import type { CardExtras } from '../shared/PaperCard';
import { CardCopy } from './CardCopy';
import { CardMedia, CardThumbnail } from './CardImages';
import { CardSubmitter, CardSubmitterWithAvatar } from './CardSubmitter';
import { Sparkline } from '../shared/Sparkline';

/** What a card adds, with images or without (then not one remote image or video is rendered). */
export function cardExtras(showImages: boolean, links: readonly OutboundLink[]): CardExtras {
  return showImages
    ? { links, Thumbnail: CardThumbnail, Submitter: CardSubmitterWithAvatar, Media: CardMedia, Actions: CardCopy, Trend: Sparkline }
    : { links, Submitter: CardSubmitter, Actions: CardCopy, Trend: Sparkline };
}
