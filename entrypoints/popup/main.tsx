import { render } from 'preact';
import { startAppearance } from '@/components/shared/appearance';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupState } from '@/components/popup/popup-state';
import { getDb } from '@/lib/store/connection';
import { takeEarly } from '@/lib/boot/early-read';
import { t } from '@/lib/i18n/popup';
import '@/components/shared/theme.css';

// Language and theme first (from the last choices seen), so that the first render is already
// in the user's; the synced settings follow a moment later.
const appearance = startAppearance({ title: () => t('appName') });
void appearance.first.then(() => render(<PopupApp state={createPopupState({ db: getDb, firstHome: takeEarly('home') })} />, document.getElementById('app')!));
