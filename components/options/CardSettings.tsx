import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, type OptionsMessageKey } from '@/lib/i18n/options';
import { OUTBOUND_LINKS, type OutboundLink } from '@/lib/core/urls';
import { cardLinksSetting, showImagesSetting } from '@/lib/settings/display';

const LINK_LABEL: Record<OutboundLink, OptionsMessageKey> = { arxiv: 'linkArxiv', pdf: 'linkPdf', arxivHtml: 'linkArxivHtml', alphaxiv: 'linkAlphaxiv' };

/** What the side panel's cards show: images, and which links. Applied at once; follows changes made elsewhere. */
export function CardSettings() {
  const showImages = useSignal<boolean | undefined>(undefined);
  const links = useSignal<readonly OutboundLink[] | undefined>(undefined);
  const applied = useSignal(false);
  useEffect(() => {
    void showImagesSetting.getValue().then((value) => (showImages.value = value));
    void cardLinksSetting.getValue().then((value) => (links.value = value));
    const stops = [showImagesSetting.watch((value) => (showImages.value = value)), cardLinksSetting.watch((value) => (links.value = value))];
    return () => stops.forEach((stop) => stop());
  }, []);
  const saved = (write: Promise<void>) => void write.then(() => (applied.value = true));
  const toggleLink = (link: OutboundLink, on: boolean) => {
    const next = OUTBOUND_LINKS.filter((candidate) => (candidate === link ? on : links.value?.includes(candidate)));
    links.value = next;
    saved(cardLinksSetting.setValue(next));
  };
  return (
    <fieldset class="card-settings">
      <legend>{t('cardsLegend')}</legend>
      <div>
        <label class="check">
          <input
            type="checkbox"
            checked={showImages.value ?? false}
            disabled={showImages.value === undefined}
            aria-describedby="show-images-help"
            onChange={(event) => {
              showImages.value = event.currentTarget.checked;
              saved(showImagesSetting.setValue(event.currentTarget.checked));
            }}
          />
          {t('showImagesLabel')}
        </label>
        <p id="show-images-help" class="help">
          {t('showImagesHelp')}
        </p>
      </div>
      <fieldset>
        <legend>{t('cardLinksLegend')}</legend>
        {OUTBOUND_LINKS.map((link) => (
          <label key={link} class="check">
            <input
              type="checkbox"
              checked={links.value?.includes(link) ?? false}
              disabled={links.value === undefined}
              onChange={(event) => toggleLink(link, event.currentTarget.checked)}
            />
            {t(LINK_LABEL[link])}
          </label>
        ))}
      </fieldset>
      <p class="form-message ok" role="status">
        {applied.value ? t('settingApplied') : ''}
      </p>
    </fieldset>
  );
}
