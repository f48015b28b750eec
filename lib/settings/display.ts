// What the side panel's cards show: images, and which outbound links. Read and followed by the
// side panel, written by the options page.
import { storedItem } from './stored-item';
import { OUTBOUND_LINKS, type OutboundLink } from '../core/urls';
import { CARD_LINKS, SHOW_IMAGES } from './keys';

// Synced: another device or version may have written anything. Each value is checked where read.
const checkShowImages = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** The known links among those stored, in the cards' order; undefined when the value is not a list. */
function checkCardLinks(value: unknown): OutboundLink[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return OUTBOUND_LINKS.filter((link) => value.includes(link));
}

/** Whether cards load their images (thumbnail, media, avatar) from Hugging Face: off, no remote image or video at all. */
export const showImagesSetting = storedItem(SHOW_IMAGES, checkShowImages);
/** Which outbound links the side panel's cards show. */
export const cardLinksSetting = storedItem(CARD_LINKS, checkCardLinks);
