import { render } from 'preact';
import { startAppearance } from '@/components/appearance';
import { OptionsApp } from '@/components/OptionsApp';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

// Language and theme first, so that the first render is already in the user's.
startAppearance({ title: () => t('optionsTitle') });
render(<OptionsApp />, document.getElementById('app')!);
