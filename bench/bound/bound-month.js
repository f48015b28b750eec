// The least a month view can do: open the database, read the month's head (its first papers per
// sort, written by the background with the view), then those 6 papers' full records, and put 6
// full cards in the DOM. `?month=YYYY-MM`, the current UTC month by default.
import { card, openDb, result } from './common.js';

const month = new URLSearchParams(location.search).get('month') ?? new Date().toISOString().slice(0, 7);
const db = await openDb();
const tx = db.transaction(['heads', 'papers']);
const head = await result(tx.objectStore('heads').get(`month:${month}`));
const ids = (head?.top.upvotes ?? []).map((paper) => paper.id);
const papers = await Promise.all(ids.map((id) => result(tx.objectStore('papers').get(id))));
document.getElementById('list').append(...papers.filter(Boolean).map(card));
