import { render } from 'preact';
import { startAppearance } from '@/components/shared/appearance';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { getDb } from '@/lib/store/connection';
import { t } from '@/lib/i18n/panel';
import '@/components/shared/theme.css';

// Language and theme first (from the last choices seen), so that the first render is already
// in the user's; the synced settings follow a moment later.
const appearance = startAppearance({ title: () => t('sidePanelPageTitle') });
void appearance.first.then(() => render(<SidePanelApp state={createPanelState({ db: getDb })} />, document.getElementById('app')!));
