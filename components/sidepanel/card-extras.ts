// The side panel's additions to its cards (components/shared/PaperCard.tsx CardExtras), as the
// display settings say: images only while "Show images" is on, and the outbound links chosen.
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { cardLinksSetting, showImagesSetting } from '@/lib/settings/display';
import { CARD_LINKS } from '@/lib/settings/keys';
import { withLaterStrings } from '@/lib/i18n/panel';
import type { OutboundLink } from '@/lib/core/urls';
import type { CardExtras } from '../shared/PaperCard';
import { useStored } from '../shared/use-stored';

type Parts = typeof import('./card-parts');

/**
 * The cards' extras, following the settings. No image until "Show images" has been read: with it
 * off, not one remote image may load, not even for the first paint. Until the parts are loaded
 * (a moment, beside the panel's first reads), cards have their links only.
 */
export function useCardExtras(): CardExtras {
  const showImages = useStored(showImagesSetting, false);
  const links = useStored<readonly OutboundLink[]>(cardLinksSetting, CARD_LINKS.fallback);
  const parts = useSignal<Parts | undefined>(undefined);
  useEffect(() => {
    void withLaterStrings(import('./card-parts')).then((module) => {
      parts.value = module;
    });
  }, []);
  // One object per choice: cards whose props did not change are not rendered again.
  return useMemo(() => parts.value?.cardExtras(showImages.value, links.value) ?? { links: links.value }, [parts.value, showImages.value, links.value]);
}
