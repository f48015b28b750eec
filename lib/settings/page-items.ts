// Items a page alone reads and writes, without @wxt-dev/storage (lib/boot/page-settings.ts),
// stored exactly as WXT would store them.
import { pageItem } from '../boot/page-settings';
import { READER_PREFS } from './keys';

/** The side panel's reader preferences (its view, sorts and filters). */
export const readerPrefsSetting = pageItem(READER_PREFS);
