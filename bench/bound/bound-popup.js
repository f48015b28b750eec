// The least a popup can do: open the database, read one ready-made view (trending's summaries),
// and put its first 8 cards in the DOM. (The product's popup also reads the sync state, the
// unseen papers and the latest day, and renders its header, sections and actions.)
import { card, openDb, result } from './common.js';

const db = await openDb();
const view = await result(db.transaction('views').objectStore('views').get('trending'));
document.getElementById('list').append(...(view?.summaries ?? []).slice(0, 8).map(card));
