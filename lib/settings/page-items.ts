// Items a page alone reads and writes.
import { storedItem } from './stored-item';
import { READER_PREFS } from './keys';

/** The side panel's reader preferences (its view, sorts and filters). */
export const readerPrefsSetting = storedItem(READER_PREFS);
