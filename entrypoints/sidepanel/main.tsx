import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import { createPanelState } from '@/components/panel-state';
import { getDb } from '@/lib/db';
import '@/components/theme.css';

render(<SidePanelApp state={createPanelState({ db: getDb })} />, document.getElementById('app')!);
