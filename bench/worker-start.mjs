// The cold service-worker start: an alarm fires while the extension's worker is stopped (and its
// process gone), Chrome starts the worker and dispatches the alarm, and the worker asks the source.
// Timed from the alarm's scheduled time to the request's arrival at the fake source, for Paperboy
// (its poll alarm, a real sync) and for an empty extension (bench/empty-worker/: the listener
// fetches at once), in interleaved rounds, each extension in its own browser with the same flags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from './stats.mjs';

/** The empty extension, the floor: Chrome starting a worker and dispatching an alarm to it. */
export const EMPTY_WORKER_DIR = join(import.meta.dirname, 'empty-worker');

/** The alarm is set this far ahead: time to stop the worker (about 50 ms) and for its process to exit (under 0.1 s). */
const LEAD_MS = 1000;
/** A round whose request has not come this long after the alarm's time is lost (the alarm was cleared, or dropped). */
const REQUEST_TIMEOUT_MS = 10_000;
/** After the request, until the source has been quiet this long: the sync's end (its store, the alarm re-armed or cleared). */
const QUIET_MS = 600;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(predicate, timeout, what) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`worker start: ${what} not seen in ${timeout} ms`);
    await sleep(10);
  }
}

/**
 * Watches one browser's extension worker through the ServiceWorker domain of a blank tab: its
 * running status as Chrome reports it, with the time each change reached the bench.
 * @param {Awaited<ReturnType<typeof import('./cdp.mjs').launchRaw>>} raw
 */
async function watchWorker(raw) {
  const { targetId } = await raw.send('Target.createTarget', { url: 'about:blank', background: true });
  const { sessionId } = await raw.send('Target.attachToTarget', { targetId, flatten: true });
  const prefix = `chrome-extension://${raw.extensionId}/`;
  /** @type {Map<string, string>} versionId → runningStatus */
  const status = new Map();
  /** @type {{ at: number, status: string }[]} */
  const changes = [];
  raw.onEvent((message) => {
    if (message.sessionId !== sessionId || message.method !== 'ServiceWorker.workerVersionUpdated') return;
    for (const version of message.params.versions) {
      if (!version.scriptURL.startsWith(prefix)) continue;
      if (status.get(version.versionId) !== version.runningStatus) changes.push({ at: Date.now(), status: version.runningStatus });
      status.set(version.versionId, version.runningStatus);
    }
  });
  await raw.send('ServiceWorker.enable', {}, sessionId);
  const running = () => [...status.values()].some((value) => value === 'running');
  const stopped = () => status.size > 0 && [...status.values()].every((value) => value === 'stopped');
  return {
    changes,
    running,
    async stop() {
      await raw.send('ServiceWorker.stopAllWorkers', {}, sessionId);
      await waitUntil(stopped, 5000, 'the worker stopped');
    },
    /** Starts the worker if it is not running, and leaves it a second for its own start-up work. */
    async ensureRunning() {
      if (running()) return;
      await raw.send('ServiceWorker.startWorker', { scopeURL: prefix }, sessionId);
      await waitUntil(running, 5000, 'the worker running');
      await sleep(1000);
    },
  };
}

/**
 * Whether the browser has no extension renderer process (Linux: a renderer's command line says
 * --extension-process); undefined where /proc cannot tell.
 */
async function noExtensionProcess(raw) {
  const { processInfo } = await raw.send('SystemInfo.getProcessInfo');
  try {
    return processInfo.every((info) => info.type !== 'renderer' || !readFileSync(`/proc/${info.id}/cmdline`, 'utf8').includes('--extension-process'));
  } catch {
    return undefined;
  }
}

/**
 * One round for one extension: set its alarm LEAD_MS ahead (in the worker, Chrome's clock), stop
 * the worker, check it stopped, and wait for the source to see the request.
 * @param {{ raw: any, watch: Awaited<ReturnType<typeof watchWorker>>, alarm: string, isRequest: (request: any) => boolean }} side
 * @param {{ state: { requests: any[] } }} fake
 */
async function round(side, fake) {
  await side.watch.ensureRunning();
  const name = JSON.stringify(side.alarm);
  const scheduled = await side.raw.evaluateInWorker(`(async () => {
    await chrome.alarms.create(${name}, { when: Date.now() + ${LEAD_MS} });
    return (await chrome.alarms.get(${name}))?.scheduledTime ?? null;
  })()`);
  if (!scheduled) throw new Error(`worker start: the alarm ${name} was not set`);
  const requestsBefore = fake.state.requests.length;
  const changesBefore = side.watch.changes.length;
  const stopAsked = Date.now();
  await side.watch.stop();
  const stoppedAt = Date.now();
  if (stoppedAt >= scheduled) return { late: true, stopMs: stoppedAt - stopAsked };
  // Just before the alarm: is the extension's process gone (a cold start)?
  await sleep(Math.max(0, scheduled - 150 - Date.now()));
  const processGone = await noExtensionProcess(side.raw);
  const request = await waitUntil(
    () => fake.state.requests.slice(requestsBefore).find(side.isRequest) ?? (Date.now() > scheduled + REQUEST_TIMEOUT_MS ? 'lost' : undefined),
    scheduled + REQUEST_TIMEOUT_MS + 1000 - Date.now(),
    'the request',
  );
  if (request === 'lost') return { lost: true };
  // When the bench saw the worker start again (over the pipe: an upper bound, a few ms late).
  const after = side.watch.changes.slice(changesBefore).filter((change) => change.at >= stoppedAt);
  const starting = after.find((change) => change.status === 'starting' || change.status === 'running');
  const running = after.find((change) => change.status === 'running');
  // Let the sync finish before the next round sets the alarm again (Paperboy clears or re-arms it).
  let count = fake.state.requests.length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS) {
    await sleep(50);
    if (fake.state.requests.length !== count) [count, quietSince] = [fake.state.requests.length, Date.now()];
  }
  return {
    request: request.time - scheduled,
    workerStarting: starting ? starting.at - scheduled : undefined,
    workerRunning: running ? running.at - scheduled : undefined,
    stopMs: stoppedAt - stopAsked,
    processGone,
    requests: fake.state.requests.length - requestsBefore,
  };
}

/**
 * Interleaved rounds, Paperboy and the empty worker (the order alternating), after `warmup` rounds.
 * `request` is the figure: the request's arrival at the fake (its Date.now) − the alarm's
 * scheduledTime; `workerStarting`/`workerRunning` say whether the alarm fired on time.
 * @param {{ paperboy: any, empty: any }} browsers launchRaw handles
 * @param {{ state: { requests: any[] }, url: string }} fake
 */
export async function measureWorkerStart(browsers, fake, { count = 10, warmup = 1, log = () => {} } = {}) {
  const today = new Date().toISOString().slice(0, 10);
  // The empty worker asks what Paperboy's sync asks first: today's listing (lib/source/client.ts listingUrl).
  const emptyUrl = `${fake.url.replace(/\/+$/, '')}/api/daily_papers?date=${today}&limit=100&p=1`;
  const isToday = (request) => request.path === '/api/daily_papers' && request.query.date === today;
  const sides = {
    paperboy: { raw: browsers.paperboy, watch: await watchWorker(browsers.paperboy), alarm: 'poll', isRequest: isToday },
    empty: { raw: browsers.empty, watch: await watchWorker(browsers.empty), alarm: emptyUrl, isRequest: isToday },
  };
  const names = /** @type {const} */ (['paperboy', 'empty']);
  const rounds = [];
  const dropped = [];
  let good = 0;
  for (let i = 0; rounds.length < count && i < 2 * (warmup + count); i++) {
    const result = {};
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      result[name] = await round(sides[name], fake);
    }
    const bad = names.filter((name) => result[name].request === undefined);
    if (bad.length > 0) {
      dropped.push(result);
      log(`worker start: round dropped (${bad.map((name) => `${name} ${result[name].late ? 'stopped late' : 'request lost'}`).join(', ')})`);
      continue;
    }
    if (++good > warmup) rounds.push(result);
  }
  const figure = (name, key) => summarize(rounds.map((r) => r[name][key]));
  return {
    leadMs: LEAD_MS,
    /** Rounds where the extension's process was still there just before the alarm (not a cold start). */
    warmProcess: rounds.filter((r) => r.paperboy.processGone === false || r.empty.processGone === false).length,
    paperboy: {
      request: figure('paperboy', 'request'),
      workerStarting: figure('paperboy', 'workerStarting'),
      workerRunning: figure('paperboy', 'workerRunning'),
    },
    empty: { request: figure('empty', 'request'), workerStarting: figure('empty', 'workerStarting'), workerRunning: figure('empty', 'workerRunning') },
    // For stats.mjs pairedRatio: the figure of each side by round.
    pairs: rounds.map((r) => ({ paperboy: r.paperboy.request, empty: r.empty.request })),
    rounds,
    dropped,
  };
}
