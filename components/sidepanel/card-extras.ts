// The side panel's additions to its cards (components/shared/PaperCard.tsx CardExtras), as the
// display settings say: images only while "Show images" is on, and the outbound links chosen.
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { cardLinksSetting, showImagesSetting } from '@/lib/settings/display';
import { CARD_LINKS } from '@/lib/settings/keys';
import type { OutboundLink } from '@/lib/core/urls';
import type { CardExtras } from '../shared/PaperCard';

type Parts = typeof import('./card-parts');

/**
 * The cards' extras, following the settings. No image until "Show images" has been read: with it
 * off, not one remote image may load, not even for the first paint. Until the parts are loaded
 * (a moment, beside the panel's first reads), cards have their links only.
 */
export function useCardExtras(): CardExtras {
  const showImages = useSignal(false);
  const links = useSignal<readonly OutboundLink[]>(CARD_LINKS.fallback);
  const parts = useSignal<Parts | undefined>(undefined);
  useEffect(() => {
    void import('./card-parts').then((module) => (parts.value = module));
    void showImagesSetting.getValue().then((value) => (showImages.value = value));
    void cardLinksSetting.getValue().then((value) => (links.value = value));
    const stops = [showImagesSetting.watch((value) => (showImages.value = value)), cardLinksSetting.watch((value) => (links.value = value))];
    return () => stops.forEach((stop) => stop());
  }, []);
  // One object per choice: cards whose props did not change are not rendered again.
  return useMemo(
    () => parts.value?.cardExtras(showImages.value, links.value) ?? { links: links.value },
    [parts.value, showImages.value, links.value],
  );
}
