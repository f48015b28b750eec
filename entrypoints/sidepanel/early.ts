// The side panel's first script: the reader's preferences, the database open and, for a week or
// month, the view's head and first cards are read here, while main.tsx still loads
// (lib/boot/early-read.ts, lib/boot/first-screen.ts).
import { getDb } from '@/lib/store/connection';
import { startEarly } from '@/lib/boot/early-read';
import { readFirstScreen } from '@/lib/boot/first-screen';
import { readerPrefsSetting } from '@/lib/settings/page-items';

// getDb keeps its connection: the page's own later calls get this one.
startEarly('firstScreen', () => readFirstScreen(readerPrefsSetting.getValue(), getDb(), Date.now()));
