import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import { createReaderState } from '@/components/reader-state';
import { getDb } from '@/lib/db';
import '@/components/theme.css';

render(<SidePanelApp state={createReaderState({ db: getDb })} />, document.getElementById('app')!);
