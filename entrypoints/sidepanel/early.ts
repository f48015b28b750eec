// The side panel's first script: the database opens and the reader's preferences (which view to
// show) are read here, while main.tsx still loads (lib/early-read.ts).
import { getDb } from '@/lib/db';
import { startEarly } from '@/lib/early-read';
import { readerPrefsSetting } from '@/lib/reader-prefs';

startEarly('prefs', () => readerPrefsSetting.getValue());
// getDb keeps its connection: the page's own first call gets this one, open or opening.
void getDb().catch(() => undefined);
