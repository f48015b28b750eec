// A minimal DevTools-protocol driver over --remote-debugging-pipe, for timing page opens without
// Playwright: Playwright pauses every new page and document to instrument it (a dozen protocol
// round trips, its own scripts, viewport emulation), which on a small machine adds tens of
// milliseconds to exactly the interval being measured. Here a page gets one init script, nothing else.
import { spawn } from 'node:child_process';
import { CHROMIUM_PATH, chromiumArgs } from '../tests/support/browser.mjs';

/**
 * Starts Chromium on `profileDir` with the unpacked extension at `extensionDir`.
 * @param {{ extensionDir: string, profileDir: string }} options
 */
export async function launchRaw({ extensionDir, profileDir }) {
  const child = spawn(
    CHROMIUM_PATH,
    [
      `--user-data-dir=${profileDir}`,
      ...chromiumArgs(extensionDir),
      '--remote-debugging-pipe',
      '--no-default-browser-check',
      '--window-size=420,640',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const writer = /** @type {import('node:stream').Writable} */ (child.stdio[3]);
  const reader = /** @type {import('node:stream').Readable} */ (child.stdio[4]);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));

  let nextId = 1;
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void, method: string }>} */
  const pending = new Map();
  /** @type {Set<(message: any) => void>} */
  const listeners = new Set();
  let buffer = '';
  reader.setEncoding('utf8');
  reader.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) !== -1) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`${waiter.method}: ${message.error.message}`));
        else waiter?.resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));

  /** @param {string} method @param {object} [params] @param {string} [sessionId] */
  function send(method, params = {}, sessionId) {
    const id = nextId++;
    writer.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
  }

  /** Waits for an event matching `predicate`. */
  function waitFor(predicate, timeout = 30_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`CDP: event not seen in ${timeout} ms`));
      }, timeout);
      const listener = (message) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(message);
      };
      listeners.add(listener);
    });
  }

  // The extension's id, from its service worker.
  await send('Target.setDiscoverTargets', { discover: true });
  const deadline = Date.now() + 30_000;
  let extensionId;
  while (!extensionId) {
    const { targetInfos } = await send('Target.getTargets');
    const worker = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith('chrome-extension://'));
    extensionId = worker && new URL(worker.url).host;
    if (!extensionId) {
      if (Date.now() > deadline) throw new Error(`no extension service worker; stderr: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Opens a new tab with `initScript` (a function's source, run before the page's scripts) and
   * navigates it to `url`. Returns the session to evaluate in and a close().
   */
  async function openTab(url, initScript) {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    await send('Page.enable', {}, sessionId);
    if (initScript) await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript }, sessionId);
    const loaded = waitFor((message) => message.sessionId === sessionId && message.method === 'Page.loadEventFired');
    await send('Page.navigate', { url }, sessionId);
    await loaded;
    return {
      sessionId,
      /** Evaluates an expression in the page (awaiting a promise) and returns its value. */
      async evaluate(expression) {
        const result = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
        if (result.exceptionDetails) throw new Error(`evaluate: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
        return result.result.value;
      },
      close: () => send('Target.closeTarget', { targetId }),
    };
  }

  /** Evaluates an expression in the extension's service worker. */
  async function evaluateInWorker(expression) {
    const { targetInfos } = await send('Target.getTargets');
    const worker = targetInfos.find((info) => info.type === 'service_worker' && info.url.includes(extensionId));
    if (!worker) throw new Error('the extension service worker is not running');
    const { sessionId } = await send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    try {
      const result = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (result.exceptionDetails) throw new Error(`worker evaluate: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
      return result.result.value;
    } finally {
      await send('Target.detachFromTarget', { sessionId });
    }
  }

  let workerControl;
  /**
   * Stops every service worker (as Chrome does after 30 s idle), through a session on a blank tab:
   * with no extension page open either, the extension's renderer process then exits, and the next
   * page open starts it again, as a popup opened after a while does.
   */
  async function stopWorkers() {
    if (!workerControl) {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', background: true });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      await send('ServiceWorker.enable', {}, sessionId);
      workerControl = sessionId;
    }
    await send('ServiceWorker.stopAllWorkers', {}, workerControl);
  }

  /** Calls `listener` with every protocol event until the returned function is called. */
  function onEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return {
    extensionId,
    evaluateInWorker,
    stopWorkers,
    onEvent,
    pageUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    send,
    openTab,
    async close() {
      await send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
