import { render } from 'preact';
import { startAppearance } from '@/components/shared/appearance';
import { OptionsApp } from '@/components/options/OptionsApp';
import { t } from '@/lib/i18n/options';
import '@/components/shared/theme.css';

// Language and theme first (from the last choices seen), so that the first render is already
// in the user's; the synced settings follow a moment later.
const appearance = startAppearance({ title: () => t('optionsTitle') });
void appearance.first.then(() => render(<OptionsApp />, document.getElementById('app')!));
