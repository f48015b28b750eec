import { render } from 'preact';
import { startAppearance } from '@/components/appearance';
import { SidePanelApp } from '@/components/SidePanelApp';
import { createPanelState } from '@/components/panel-state';
import { getDb } from '@/lib/db';
import { takeEarly } from '@/lib/early-read';
import type { FirstScreen } from '@/lib/first-screen';
import { t } from '@/lib/i18n-panel';
import '@/components/theme.css';

// Language and theme first (from the last choices seen), so that the first render is already
// in the user's; the synced settings follow a moment later.
const appearance = startAppearance({ title: () => t('sidePanelPageTitle') });
void appearance.first.then(() => render(<SidePanelApp state={createPanelState({ db: getDb, firstScreen: takeEarly<FirstScreen>('firstScreen') })} />, document.getElementById('app')!));
