// Code that runs inside Chromium. Everything is injected over the DevTools protocol (init scripts
// and evaluate), which the extension pages' content security policy does not apply to.

/**
 * Page init script (runs before the page's own scripts): notes when the first <article> (a paper
 * card) is in the DOM, the next frame, and a task after that frame (the list is painted by then).
 * Times are performance.now(): milliseconds since navigation start.
 */
export function openProbe() {
  const marks = {};
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  Object.defineProperty(window, '__bench', { value: { marks, done } });
  // IndexedDB reads before the first card: how many, when the first was asked, when the last answered.
  const idb = { requests: 0, first: undefined, lastDone: undefined };
  marks.idb = idb;
  const wrapRequest = (proto, name) => {
    const original = proto[name];
    if (typeof original !== 'function') return;
    proto[name] = function (...args) {
      const request = original.apply(this, args);
      if (marks.firstArticle === undefined) {
        idb.requests += 1;
        idb.first ??= performance.now();
        request.addEventListener('success', () => {
          if (marks.firstArticle === undefined) idb.lastDone = performance.now();
        });
      }
      return request;
    };
  };
  wrapRequest(IDBFactory.prototype, 'open');
  for (const name of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor']) {
    wrapRequest(IDBObjectStore.prototype, name);
    wrapRequest(IDBIndex.prototype, name);
  }
  const observer = new MutationObserver(() => {
    if (marks.firstArticle !== undefined || !document.querySelector('article')) return;
    marks.firstArticle = performance.now();
    marks.cards = document.querySelectorAll('article').length;
    observer.disconnect();
    requestAnimationFrame(() => {
      marks.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks.painted = performance.now();
        resolveDone(marks);
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Helpers the side panel measurements use, installed with page.evaluate once the page is up. */
export function installPanelHelpers() {
  if (window.__panel) return;
  const observe = (callback) => {
    const observer = new MutationObserver(callback);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    return observer;
  };
  /** What the list shows: count line, empty message, first cards, first marks. */
  const signature = () => {
    const bar = document.querySelector('.list-bar span')?.textContent ?? '';
    const empty = document.querySelector('.empty')?.textContent ?? '';
    const cards = [...document.querySelectorAll('article')]
      .slice(0, 5)
      .map((card) => card.getAttribute('data-paper-id'))
      .join(',');
    const marks = [...document.querySelectorAll('article mark')]
      .slice(0, 8)
      .map((mark) => mark.textContent)
      .join('|');
    return `${bar}#${empty}#${cards}#${marks}`;
  };
  /** The list says a search is under way (a common word over a year of papers reads for a second without a DOM change). */
  const searching = () => document.querySelector('.reader-list[aria-busy="true"]') !== null;
  /** Resolves once no search is under way and nothing in the DOM changed for `ms` (at most `max` ms). */
  const quiet = (ms = 150, max = 60_000) =>
    new Promise((resolve) => {
      const start = performance.now();
      let timer;
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        clearTimeout(limit);
        resolve(performance.now() - start);
      };
      const check = () => (searching() ? (timer = setTimeout(check, ms)) : finish());
      const observer = observe(() => {
        clearTimeout(timer);
        timer = setTimeout(check, ms);
      });
      timer = setTimeout(check, ms);
      const limit = setTimeout(finish, max);
    });
  /**
   * Watches for the count line to differ from `before` after the next keydown; the outcome lands in
   * window.__panel.changed. Returns at once: install it (and await that) before sending the key,
   * as protocol input and evaluation are not ordered with each other.
   */
  const watchChange = (before, max = 180_000) => {
    let keydownAt;
    document.addEventListener('keydown', (event) => (keydownAt = window.__panel.keydownAt = event.timeStamp), { capture: true, once: true });
    window.__panel.changed = new Promise((resolve) => {
      const limit = setTimeout(() => finish(true), max);
      const finish = (timeout) => {
        observer.disconnect();
        clearTimeout(limit);
        resolve({ timeout, dom: performance.now() - keydownAt });
      };
      const observer = observe(() => {
        const bar = document.querySelector('.list-bar span')?.textContent ?? '';
        if (keydownAt !== undefined && bar !== before) finish(false);
      });
    });
    return true;
  };
  /** Types into the search field as a keystroke reaches the page: the value changes, then `input`. */
  const type = (value) => {
    const input = document.getElementById('search');
    input.focus();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) || null }));
  };
  /** Resolves with the time the DOM first shows `expected`, from `start` (and the frame after). */
  const until = (expected, start, max = 60_000) =>
    new Promise((resolve) => {
      const finish = (timeout) => {
        observer.disconnect();
        clearTimeout(limit);
        const dom = performance.now() - start;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ timeout, dom, painted: performance.now() - start });
          channel.port2.postMessage(null);
        });
      };
      const observer = observe(() => {
        if (signature() === expected) finish(false);
      });
      const limit = setTimeout(() => finish(true), max);
    });
  /**
   * Search as you type, all in the page (no protocol round trips between steps): for each query,
   * learn the DOM it settles to; then type all but its last character, let it settle, and time the
   * last keystroke until the DOM shows the settled state (and the frame after).
   */
  const runQueries = async (queries, quietMs = 100) => {
    const expected = [];
    for (const query of queries) {
      type(query);
      await quiet(quietMs);
      expected.push(signature());
    }
    const runs = [];
    for (const [index, query] of queries.entries()) {
      type(query.slice(0, -1));
      await quiet(quietMs);
      if (signature() === expected[index]) {
        runs.push({ query, skipped: 'the last keystroke changes nothing visible' });
        continue;
      }
      const start = performance.now();
      const done = until(expected[index], start);
      type(query);
      runs.push({ query, ...(await done), shown: expected[index].split('#')[0] });
    }
    type('');
    await quiet(quietMs);
    return runs;
  };
  /**
   * Resolves once the list no longer shows the quick search's partial answer (.search-partial:
   * titles and authors only, while the index is built), in ms since the last watched keydown.
   */
  const complete = (max = 180_000) =>
    new Promise((resolve) => {
      const done = () => !document.querySelector('.search-partial');
      const finish = (timeout) => {
        observer.disconnect();
        clearTimeout(limit);
        resolve({ timeout, dom: performance.now() - window.__panel.keydownAt });
      };
      const observer = observe(() => done() && finish(false));
      const limit = setTimeout(() => finish(true), max);
      if (done()) finish(false);
    });
  /** Types `value` (as one keystroke reaches the page) and resolves with the ms until the count line changes. */
  const timeInput = (value, max = 60_000) =>
    new Promise((resolve) => {
      const before = document.querySelector('.list-bar span')?.textContent ?? '';
      const start = performance.now();
      const finish = (timeout) => {
        observer.disconnect();
        clearTimeout(limit);
        resolve({ timeout, dom: performance.now() - start });
      };
      const observer = observe(() => {
        if ((document.querySelector('.list-bar span')?.textContent ?? '') !== before) finish(false);
      });
      const limit = setTimeout(() => finish(true), max);
      type(value);
    });
  window.__panel = { signature, quiet, watchChange, runQueries, complete, timeInput };
}

/**
 * Service worker instrumentation: wraps fetch (a request's "network" time is the wait for its
 * answer and its body's chunks), JSON.parse and IndexedDB read-write transactions, and logs their times. Idempotent; a restarted worker needs it again.
 */
export function instrumentWorker() {
  if (self.__bench) return 'already';
  const log = { fetches: [], parses: [], txs: [] };
  self.__bench = log;
  const originalFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const record = { url: String(input?.url ?? input), start: performance.now() };
    log.fetches.push(record);
    const response = await originalFetch(input, init);
    // "Network" is the wait for the answer and for each chunk of its body as the caller reads it;
    // what the caller does between chunks (decoding) and after the last is ingest. (Serving the
    // body again from memory, as this did before, charged Chromium's copy of it to the ingest:
    // 4–19 ms for 500 KB, which the real path does not pay on top of the network.)
    record.network = performance.now() - record.start;
    record.bytes = 0;
    const body = response.body;
    if (body) {
      const getReader = body.getReader.bind(body);
      body.getReader = (...readerArgs) => {
        const reader = getReader(...readerArgs);
        const read = reader.read.bind(reader);
        reader.read = async () => {
          const asked = performance.now();
          const chunk = await read();
          record.network += performance.now() - asked;
          if (chunk.done) record.end ??= performance.now();
          else record.bytes += chunk.value.byteLength;
          return chunk;
        };
        return reader;
      };
    }
    return response;
  };
  const originalParse = JSON.parse;
  JSON.parse = function (text, reviver) {
    const start = performance.now();
    try {
      return originalParse.call(this, text, reviver);
    } finally {
      if (typeof text === 'string' && text.length > 10_000) log.parses.push({ start, end: performance.now(), bytes: text.length });
    }
  };
  const originalTransaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = originalTransaction.call(this, stores, mode, options);
    if (mode === 'readwrite') {
      const record = { stores: [].concat(stores), start: performance.now() };
      log.txs.push(record);
      tx.addEventListener('complete', () => (record.end = performance.now()));
    }
    return tx;
  };
  return 'installed';
}
