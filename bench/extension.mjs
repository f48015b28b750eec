// Driving the built extension in headless Chromium for the benchmarks: pointing it at the fake
// source, loading a store through its own ingest path, and timing page opens and searches.
import { openProbe, installPanelHelpers, instrumentWorker } from './probes.mjs';
import { summarize } from './stats.mjs';

/** @typedef {Awaited<ReturnType<typeof import('../tests/support/browser.mjs').launchExtension>>} Extension */
/** @typedef {import('playwright-core').Page} Page */

async function badgeText(extension) {
  return extension.worker().evaluate(() => chrome.action.getBadgeText({}));
}

/** As tests/support/e2e.ts `waitForBadge`. */
async function waitForBadge(extension, predicate, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let text = await badgeText(extension);
  while (!predicate(text)) {
    if (Date.now() > deadline) throw new Error(`badge stayed ${JSON.stringify(text)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    text = await badgeText(extension);
  }
  return text;
}

/**
 * The settings a year of data needs, chosen in the options page as a user would: keep papers for a
 * year (the default retention, 90 days, prunes older listing days after every sync) and check only
 * on Refresh (a scheduled sync landing mid-measurement would add requests and CPU and drop the
 * side panel's search index). Then, as tests/support/e2e.ts `useSource`, the source, and the
 * first sync. Returns which settings the build offered.
 */
export async function configure(extension, url) {
  const options = await extension.context.newPage();
  await options.goto(extension.pageUrl('options.html'));
  await options.getByLabel('Source').waitFor();
  const chosen = {};
  for (const [id, value] of [
    ['retention', '365'],
    ['poll', '0'],
  ]) {
    const select = options.locator(`select#${id}`);
    if ((await select.count()) === 0) continue;
    await select.selectOption(value);
    await options.locator(`select#${id} ~ [role="status"]`).filter({ hasText: /\S/ }).waitFor();
    chosen[id] = value;
  }
  await options.getByLabel('Source').fill(url);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText(`Saved — syncing from ${url}`).waitFor();
  await waitForBadge(extension, (value) => /^\d+\+?$/.test(value));
  await options.close();
  return chosen;
}

/**
 * For builds without the "check only on Refresh" setting: push the poll alarm past the run.
 */
export async function postponePoll(extension) {
  await extension.worker().evaluate(async () => {
    await chrome.alarms.clear('retry');
    await chrome.alarms.create('poll', { delayInMinutes: 24 * 60, periodInMinutes: 30 });
  });
}

/** An extension page to send requests from, as the reader does. */
export async function driverPage(extension) {
  const page = await extension.context.newPage();
  await page.goto(extension.pageUrl('options.html'));
  return page;
}

/** chrome.runtime.sendMessage with the envelope of lib/protocol/messages.ts; also times the round trip. */
async function request(driver, request) {
  return driver.evaluate(async (message) => {
    const start = performance.now();
    const response = await chrome.runtime.sendMessage({ paperboy: 'request', request: message });
    return { response, ms: performance.now() - start };
  }, request);
}

async function workerLog(extension, reset = false) {
  return extension.worker().evaluate((clear) => {
    const log = self.__bench;
    const copy = JSON.parse(JSON.stringify(log));
    if (clear) for (const key of Object.keys(log)) log[key].length = 0;
    return copy;
  }, reset);
}

/**
 * Splits one fetchView's time in the worker: from its first request to the commit of its write
 * transaction, minus the time spent waiting for the network (for each answer and its body's chunks).
 */
function splitIngest(log) {
  const fetches = log.fetches;
  const tx = log.txs.filter((record) => record.stores.includes('papers') && record.stores.includes('listings')).at(-1);
  if (fetches.length === 0 || !tx?.end) return undefined;
  if (fetches.some((record) => record.end === undefined)) throw new Error('a body was not read through its stream reader: the network time is unknown');
  const start = fetches[0].start;
  const network = fetches.reduce((sum, record) => sum + record.network, 0);
  const parse = log.parses.reduce((sum, record) => sum + (record.end - record.start), 0);
  const write = tx.end - tx.start;
  const total = tx.end - start;
  const ingest = total - network;
  // Between answers: each page is parsed and validated before the next is asked for; after the
  // last, the rest before the write transaction opens.
  const between = fetches.slice(1).reduce((sum, record, index) => sum + (record.start - fetches[index].end), 0);
  const beforeWrite = tx.start - fetches.at(-1).end;
  return {
    requests: fetches.length,
    bytes: fetches.reduce((sum, record) => sum + record.bytes, 0),
    total,
    network,
    ingest,
    parse,
    /** Validation (valibot) and paging: between one answer and the next request (or the write), JSON.parse excluded. */
    validate: between + beforeWrite - parse,
    write,
    /** Reading the bodies between their chunks (decoding): neither network, JSON.parse, validation nor the write. */
    other: ingest - parse - write - (between + beforeWrite - parse),
  };
}

/** How many papers IndexedDB holds, read from an extension page. */
export function countPapers(driver) {
  return driver.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('paperboy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('papers').objectStore('papers').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );
}

/** Loads a store through the reader's on-demand path: a forced fetchView per month. */
export async function ingestMonths(extension, driver, months) {
  await extension.worker().evaluate(instrumentWorker);
  await workerLog(extension, true);
  const perMonth = [];
  const started = performance.now();
  for (const month of months) {
    await extension.worker().evaluate(instrumentWorker);
    const { response, ms } = await request(driver, { type: 'fetchView', key: `month:${month}`, force: true });
    if (response?.status !== 'fetched') throw new Error(`fetchView month:${month}: ${JSON.stringify(response)}`);
    const split = splitIngest(await workerLog(extension, true));
    perMonth.push({ month, papers: response.count, roundTripMs: ms, ...split });
  }
  const wallMs = performance.now() - started;
  const sum = (key) => perMonth.reduce((total, row) => total + (row[key] ?? 0), 0);
  return {
    wallMs,
    papers: sum('papers'),
    requests: sum('requests'),
    bytes: sum('bytes'),
    networkMs: sum('network'),
    ingestMs: sum('ingest'),
    parseMs: sum('parse'),
    validateMs: sum('validate'),
    writeMs: sum('write'),
    otherMs: sum('other'),
    perMonth,
  };
}

/**
 * The ingest's two floors, run in the worker right after a page's ingest, each a put of records
 * read back from the real database into a scratch one of the same shape, in one transaction, then
 * removed: what storing them costs at the least, on this machine at this moment. No validation,
 * no computing of summaries, views or postings.
 * - `papers`: the papers the page stored, alone (the least any design that keeps them can write).
 * - `records`: every record the write made, as stored (the papers, the day's summaries, postings,
 *   view and listing): the floor of this storage design, CPU aside.
 * Returns the milliseconds of each.
 */
async function ingestBound(day) {
  const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
  const done = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = tx.onabort = () => reject(tx.error))));
  const real = await request(indexedDB.open('paperboy'));
  const names = ['papers', 'daySummaries', 'postings', 'views', 'listings'];
  const read = real.transaction(names);
  const shapeOf = (store) => ({
    name: store.name,
    keyPath: store.keyPath,
    indexes: [...store.indexNames].map((name) => [name, store.index(name).keyPath]),
  });
  const shapes = names.map((name) => shapeOf(read.objectStore(name)));
  const papers = await request(read.objectStore('papers').index('listedOn').getAll(day));
  const summaries = await request(read.objectStore('daySummaries').get(day));
  // The day's postings records ([letter, day]): keys only over the store, then the day's values.
  const postingKeys = (await request(read.objectStore('postings').getAllKeys())).filter((key) => key[1] === day);
  const postings = await Promise.all(postingKeys.map((key) => request(read.objectStore('postings').get(key))));
  const [view, listing] = await Promise.all([request(read.objectStore('views').get(`day:${day}`)), request(read.objectStore('listings').get(`day:${day}`))]);
  real.close();
  const open = indexedDB.open('bench-ingest-bound', 2);
  open.onupgradeneeded = () => {
    for (const name of [...open.result.objectStoreNames]) open.result.deleteObjectStore(name);
    for (const { name, keyPath, indexes } of shapes) {
      const store = open.result.createObjectStore(name, keyPath === null ? undefined : { keyPath });
      for (const [index, indexKeyPath] of indexes) store.createIndex(index, indexKeyPath);
    }
  };
  const scratch = await request(open);
  const timed = async (write) => {
    const start = performance.now();
    const tx = scratch.transaction(names, 'readwrite');
    write(tx);
    await done(tx);
    const ms = performance.now() - start;
    const clear = scratch.transaction(names, 'readwrite');
    for (const name of names) clear.objectStore(name).clear();
    await done(clear);
    return ms;
  };
  const papersMs = await timed((tx) => {
    for (const paper of papers) tx.objectStore('papers').put(paper);
  });
  const recordsMs = await timed((tx) => {
    for (const paper of papers) tx.objectStore('papers').put(paper);
    if (summaries) tx.objectStore('daySummaries').put(summaries);
    for (const [index, text] of postings.entries()) tx.objectStore('postings').put(text, postingKeys[index]);
    if (view) tx.objectStore('views').put(view);
    if (listing) tx.objectStore('listings').put(listing);
  });
  scratch.close();
  return { papers: papersMs, records: recordsMs };
}

/**
 * Times the ingest of one 100-entry listing page: a forced fetchView of a day with exactly 100
 * entries never stored before (two requests: the page, then the empty page that ends it).
 */
export async function ingestPages(extension, driver, days) {
  const runs = [];
  for (const day of days) {
    await extension.worker().evaluate(instrumentWorker);
    await workerLog(extension, true);
    const { response, ms } = await request(driver, { type: 'fetchView', key: `day:${day}`, force: true });
    if (response?.status !== 'fetched' || response.count !== 100) throw new Error(`fetchView day:${day}: ${JSON.stringify(response)}`);
    const split = splitIngest(await workerLog(extension, true));
    const floors = await extension.worker().evaluate(ingestBound, day);
    runs.push({
      day,
      roundTripMs: ms,
      ...split,
      bound: floors.papers,
      boundRatio: split.ingest / floors.papers,
      recordsBound: floors.records,
      recordsRatio: split.ingest / floors.records,
    });
  }
  const pick = (key) => summarize(runs.map((run) => run[key]));
  return {
    ingest: pick('ingest'),
    /** The floor: the same papers, as stored, put in one transaction into a store with the same indexes, nothing else. */
    bound: pick('bound'),
    /** Paired: each ingest ÷ the bound measured right after it. */
    boundRatio: pick('boundRatio'),
    /** The design's floor: every record the write made, put alone in one transaction. */
    recordsBound: pick('recordsBound'),
    /** Paired: each ingest ÷ its records put alone, measured right after it (what the CPU adds). */
    recordsRatio: pick('recordsRatio'),
    parse: pick('parse'),
    validate: pick('validate'),
    write: pick('write'),
    other: pick('other'),
    network: pick('network'),
    roundTrip: pick('roundTripMs'),
    runs,
  };
}

const PROBE_SOURCE = `(${openProbe})()`;
const NAV_TIMING = `(() => {
  const entry = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return { responseEnd: entry?.responseEnd, domContentLoaded: entry?.domContentLoadedEventEnd, load: entry?.loadEventEnd, fcp: fcp?.startTime };
})()`;

/** After stopping the worker, long enough for the extension's process to exit. */
const COLD_WAIT_MS = 700;

/**
 * Opens `url` in a new tab `warmup + count` times, through the minimal CDP driver (bench/cdp.mjs):
 * each tab gets the probe as its only init script, so nothing but the page itself runs in the timed
 * interval. Times navigation start → first card in the DOM → painted, with the phases between, and
 * counts the requests the fake source saw meanwhile (none are expected from the extension's pages).
 * @param {Awaited<ReturnType<typeof import('./cdp.mjs').launchRaw>>} raw
 */
export async function measureOpensRaw(raw, url, { count = 20, warmup = 2, fake, settleMs = 100, coldProcess = false } = {}) {
  const opens = [];
  const fakeBefore = fake?.state.requests.length ?? 0;
  for (let i = 0; i < warmup + count; i++) {
    if (coldProcess) {
      // A cold open: no worker and no extension page, so no extension process (see stopWorkers).
      await raw.stopWorkers();
      await new Promise((resolve) => setTimeout(resolve, COLD_WAIT_MS));
    }
    const tab = await raw.openTab(url, PROBE_SOURCE);
    const marks = await tab.evaluate('window.__bench.done');
    const nav = await tab.evaluate(NAV_TIMING);
    // Let the page finish what it does after the first paint (mark seen, the background's answer).
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    await tab.close();
    opens.push({ warmup: i < warmup, ...marks, ...nav });
  }
  const measured = opens.filter((open) => !open.warmup);
  const fakeRequests = fake ? fake.state.requests.slice(fakeBefore) : [];
  // Where the time goes, p50 of each phase: scripts loaded and run (DCL), until the first
  // IndexedDB request, IndexedDB reads, work until the first card is in the DOM, then the frame.
  const phase = (get) => summarize(measured.map(get)).p50;
  const withIdb = measured.filter((open) => open.idb?.first !== undefined && open.idb?.lastDone !== undefined);
  const phases =
    withIdb.length === measured.length && measured.length > 0
      ? {
          scripts: phase((o) => o.domContentLoaded),
          toFirstRead: phase((o) => o.idb.first - o.domContentLoaded),
          reads: phase((o) => o.idb.lastDone - o.idb.first),
          readCount: phase((o) => o.idb.requests),
          toFirstCard: phase((o) => o.firstArticle - o.idb.lastDone),
          toPainted: phase((o) => o.painted - o.firstArticle),
        }
      : undefined;
  return {
    firstArticle: summarize(measured.map((open) => open.firstArticle)),
    painted: summarize(measured.map((open) => open.painted)),
    phases,
    domContentLoaded: summarize(measured.map((open) => open.domContentLoaded)),
    fcp: summarize(measured.map((open) => open.fcp)),
    cards: measured[0]?.cards,
    cold: opens[0],
    requests: fakeRequests.length,
    requestPaths: fakeRequests.map((request) => `${request.path}?${new URLSearchParams(request.query)}`),
    opens,
  };
}

/**
 * Interleaved opens: `count` rounds, each opening every page of `pages` once (the order rotated
 * from round to round, so no page always follows the same one), after `warmup` rounds. Returns the
 * painted time of every page in every round, for per-round ratios (stats.mjs pairedRatio).
 * @param {Record<string, string>} pages name → URL
 */
export async function measureRoundsRaw(raw, pages, { count = 20, warmup = 1, fake } = {}) {
  const names = Object.keys(pages);
  const rounds = [];
  for (let i = 0; i < warmup + count; i++) {
    const round = {};
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      const { painted } = await measureOpensRaw(raw, pages[name], { count: 1, warmup: 0, fake });
      round[name] = painted.p50;
    }
    if (i >= warmup) rounds.push(round);
  }
  return { pages: names, rounds };
}

/**
 * The side panel's open with a filter kept against the same open without it, in interleaved
 * rounds: before each open the filter (by its label) is turned on or off in the panel, as a
 * reader does, and remembered for the next open. The order alternates from round to round; the
 * filter is left off. Returns rounds of { filtered, plain } painted times (stats.mjs pairedRatio).
 */
export async function measureFilterRoundsRaw(raw, url, label, { count = 20, warmup = 1, fake } = {}) {
  const rounds = [];
  for (let i = 0; i < warmup + count; i++) {
    const round = {};
    for (const wanted of i % 2 === 0 ? [true, false] : [false, true]) {
      // Set before every open, changed or not, so that both opens follow the same visit to the panel.
      if ((await setFilterRaw(raw, label, wanted)) !== wanted) throw new Error(`the ${label} filter did not turn ${wanted ? 'on' : 'off'}`);
      const { painted } = await measureOpensRaw(raw, url, { count: 1, warmup: 0, fake });
      round[wanted ? 'filtered' : 'plain'] = painted.p50;
    }
    if (i >= warmup) rounds.push(round);
  }
  await setFilterRaw(raw, label, false);
  return { pages: ['filtered', 'plain'], rounds };
}

/**
 * Opens the side panel, runs `script` (an expression) in it once it is painted, waits for the
 * page to settle and closes it: a change the reader remembers for its next opens. Returns what
 * the script returned.
 */
async function inPanelRaw(raw, script) {
  const tab = await raw.openTab(raw.pageUrl('sidepanel.html'), PROBE_SOURCE);
  await tab.evaluate('window.__bench.done');
  await tab.evaluate(`(${installPanelHelpers})()`);
  const result = await tab.evaluate(script);
  await tab.evaluate('window.__panel.quiet(300)');
  await tab.close();
  return result;
}

/** Picks a view kind by its button (the reader remembers it). */
export async function pickViewRaw(raw, label) {
  const clicked = await inPanelRaw(
    raw,
    `(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)});
    button?.click();
    return !!button;
  })()`,
  );
  if (!clicked) throw new Error(`no ${label} button in the side panel`);
}

/** Turns a filter checkbox (by its label) on or off (the reader remembers it); returns whether it is on. */
export function toggleFilterRaw(raw, label) {
  return setFilterRaw(raw, label);
}

/**
 * Sets a filter checkbox (by its label) to `wanted`, clicking it only if it differs (toggles it when
 * `wanted` is undefined), in a side panel opened for it; the reader remembers it. Returns whether it is on.
 */
async function setFilterRaw(raw, label, wanted) {
  const checked = await inPanelRaw(
    raw,
    // The filter controls load after the first screen (components/shared/use-lazy.ts): wait for them, 5 s at most.
    `(async () => {
    const deadline = performance.now() + 5000;
    for (;;) {
      const found = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(label)});
      const box = found?.control ?? found?.querySelector('input');
      if (box) {
        if (box.checked !== ${JSON.stringify(wanted ?? null)}) box.click();
        return box.checked;
      }
      if (performance.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })()`,
  );
  if (checked === undefined) throw new Error(`no ${label} filter in the side panel`);
  return checked;
}

/** Opens the side panel and waits until its list is painted and the page has settled. */
export async function openPanel(extension, { settle = 300 } = {}) {
  const page = await extension.context.newPage();
  await page.addInitScript(openProbe);
  await page.goto(extension.pageUrl('sidepanel.html'));
  await page.evaluate(() => window.__bench.done);
  await page.evaluate(installPanelHelpers);
  await page.evaluate((ms) => window.__panel.quiet(ms), settle);
  return page;
}

/** The page's JS heap (its renderer's main isolate) after a full GC, in bytes. */
export async function heapUsage(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usage;
}

/**
 * Search as you type (see probes.mjs `runQueries`): the last keystroke of each query is timed until
 * the DOM shows what that query settles to. The first keystroke (a real one) builds the index:
 * timed apart, until the list's count line changes.
 * @param {Page} page the side panel
 */
// Each query's settled list is learnt by waiting until the list no longer says it is searching
// (aria-busy) and the DOM is quiet: a query reads the index from IndexedDB first, with no DOM
// change meanwhile (the first search over everything reads every summary, a second at 20k); only
// the last keystroke is timed.
export async function measureSearch(page, queries, { scope = 'all', quietMs = 400 } = {}) {
  await page.getByLabel('Search in').selectOption(scope);
  const input = page.locator('#search');
  await input.fill('');
  await page.evaluate((wait) => window.__panel.quiet(wait), 200);

  // First keystroke, a real one: builds the index from every stored paper (when not built yet).
  const before = await page.evaluate(() => document.querySelector('.list-bar span')?.textContent ?? '');
  await input.focus();
  await page.evaluate((text) => window.__panel.watchChange(text), before);
  await page.keyboard.type('q');
  const first = await page.evaluate(() => window.__panel.changed);
  // While the index is still being built: another query, answered by the quick search between
  // slices of the build (undefined when the build was already done).
  const duringBuild = await page.evaluate(() => (document.querySelector('.search-partial') ? window.__panel.timeInput('diffusion') : undefined));
  // Until the index is built the list shows the quick search's answer (titles and authors).
  const complete = await page.evaluate(() => window.__panel.complete());
  await page.evaluate((wait) => window.__panel.quiet(wait), 300);

  const runs = await page.evaluate(([list, wait]) => window.__panel.runQueries(list, wait), [queries, quietMs]);
  const timed = runs.filter((run) => !run.skipped && !run.timeout);
  return {
    scope,
    firstKeystroke: first,
    firstKeystrokeComplete: complete,
    duringBuild,
    dom: summarize(timed.map((run) => run.dom)),
    painted: summarize(timed.map((run) => run.painted)),
    skipped: runs.filter((run) => run.skipped).length,
    timeouts: runs.filter((run) => run.timeout).length,
    runs,
  };
}

/** A CPU profile of `action` in `page` (sampling every 100 µs). */
export async function profilePage(page, action) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return profile;
}

/** Self time by function in a CPU profile, largest first. */
export function topFunctions(profile, limit = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const frame = node.callFrame;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[index + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((sum, ms) => sum + ms, 0);
  return {
    totalMs: Math.round(total),
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 })),
  };
}

/**
 * Diagnosis, not a target: reading a listing's papers as the reader does (the listing, then one
 * `get` per id in one transaction) against one `getAll` on the papers' `listedOn` index over the
 * listing's days. p50 of `reps` runs each, in an extension page, in milliseconds.
 */
export async function readStrategies(driver, { month, day, reps = 7 }) {
  return driver.evaluate(
    async ({ month, day, reps }) => {
      const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const db = await request(indexedDB.open('paperboy'));
      const perId = async (key) => {
        const tx = db.transaction(['listings', 'papers'], 'readonly');
        const listing = await request(tx.objectStore('listings').get(key));
        const papers = await Promise.all(listing.ids.map((id) => request(tx.objectStore('papers').get(id))));
        return papers.filter(Boolean).length;
      };
      const byIndex = async (range) => {
        const tx = db.transaction('papers', 'readonly');
        return (await request(tx.objectStore('papers').index('listedOn').getAll(range))).length;
      };
      const time = async (run) => {
        const times = [];
        let count = 0;
        for (let i = 0; i < reps; i++) {
          const start = performance.now();
          count = await run();
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        return { ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10, papers: count };
      };
      const result = {
        month: {
          perId: await time(() => perId(`month:${month}`)),
          indexRange: await time(() => byIndex(IDBKeyRange.bound(`${month}-01`, `${month}-31`))),
        },
        day: {
          perId: await time(() => perId(`day:${day}`)),
          indexOnly: await time(() => byIndex(IDBKeyRange.only(day))),
        },
      };
      db.close();
      return result;
    },
    { month, day, reps },
  );
}
