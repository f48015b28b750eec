import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { createReaderState } from '@/components/reader-state';
import { getDb } from '@/lib/db';
import '@/components/theme.css';

render(<PopupApp state={createReaderState({ db: getDb })} />, document.getElementById('app')!);
