// The side panel's first script: the reader's preferences, the database open and, for a week or
// month, the view's head and first cards are read here, while main.tsx still loads
// (lib/early-read.ts, lib/first-screen.ts).
import { getDb } from '@/lib/db';
import { startEarly } from '@/lib/early-read';
import { readFirstScreen } from '@/lib/first-screen';
import { readerPrefsSetting } from '@/lib/reader-prefs';

// getDb keeps its connection: the page's own later calls get this one.
startEarly('firstScreen', () => readFirstScreen(readerPrefsSetting.getValue(), getDb(), Date.now()));
