import { render } from 'preact';
import { startAppearance } from '@/components/appearance';
import { PopupApp } from '@/components/PopupApp';
import { createReaderState } from '@/components/reader-state';
import { getDb } from '@/lib/db';
import { takeEarly } from '@/lib/early-read';
import type { HomeData } from '@/lib/queries';
import { t } from '@/lib/i18n-popup';
import '@/components/theme.css';

// Language and theme first (from the last choices seen), so that the first render is already
// in the user's; the synced settings follow a moment later.
const appearance = startAppearance({ title: () => t('appName') });
void appearance.first.then(() => render(<PopupApp state={createReaderState({ db: getDb, firstHome: takeEarly<HomeData>('home') })} />, document.getElementById('app')!));
