// What the side panel's cards show: images, and which outbound links. Read and followed by the
// side panel without @wxt-dev/storage (lib/boot/page-settings.ts), written by the options page;
// stored as WXT stores a version-1 item under the same key.
import { pageItem, settingReader, type SettingReader } from '../boot/page-settings';
import { OUTBOUND_LINKS, type OutboundLink } from '../core/urls';
import { CARD_LINKS, SHOW_IMAGES, type SettingSpec } from './keys';

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
