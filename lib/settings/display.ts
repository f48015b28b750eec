// What the side panel's cards show: images, and which outbound links. Read and followed by the
// side panel without @wxt-dev/storage (lib/boot/page-settings.ts), written by the options page;
// stored as WXT stores a version-1 item under the same key.
import { pageItem, settingReader, type SettingReader, type SettingSpec } from '../boot/page-settings';

/** The links a card may show beside Hugging Face's (its title), in the order they are shown. */
export const OUTBOUND_LINKS = ['arxiv', 'pdf', 'arxivHtml', 'alphaxiv'] as const;
export type OutboundLink = (typeof OUTBOUND_LINKS)[number];

export const SHOW_IMAGES: SettingSpec<boolean> = { key: 'sync:showImages', fallback: true, version: 1 };
export const CARD_LINKS: SettingSpec<OutboundLink[]> = { key: 'sync:cardLinks', fallback: [...OUTBOUND_LINKS], version: 1 };

// Synced: another device or version may have written anything. Each value is checked where read.
export const checkShowImages = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** The known links among those stored, in the cards' order; undefined when the value is not a list. */
export function checkCardLinks(value: unknown): OutboundLink[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return OUTBOUND_LINKS.filter((link) => value.includes(link));
}

export interface DisplaySetting<T> extends SettingReader<T> {
  setValue(value: T): Promise<void>;
}

function displaySetting<T>(spec: SettingSpec<T>, check: (value: unknown) => T | undefined): DisplaySetting<T> {
  const reader = settingReader(spec);
  const item = pageItem({ ...spec, migrations: {} });
  return {
    getValue: async () => check(await reader.getValue()) ?? spec.fallback,
    watch: (callback) => reader.watch((value) => callback(check(value) ?? spec.fallback)),
    setValue: (value) => item.setValue(value),
  };
}

/** Whether cards load their images (thumbnail, media, avatar) from Hugging Face: off, no remote image or video at all. */
export const showImagesSetting = displaySetting(SHOW_IMAGES, checkShowImages);
/** Which outbound links the side panel's cards show. */
export const cardLinksSetting = displaySetting(CARD_LINKS, checkCardLinks);
