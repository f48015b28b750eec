// Diagnosis: a Chrome trace of single page opens, summarised as the self time of each trace event
// on the page's renderer main thread (parsing, script compile and run, style, layout, paint...),
// for what a CPU profile shows only as "(program)". Used by `node bench/run.mjs --trace`.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'toplevel'];

/**
 * Traces `open()` (which opens a page and resolves once it is painted) and returns the trace events.
 * @param {Awaited<ReturnType<typeof import('./cdp.mjs').launchRaw>>} raw
 * @param {() => Promise<unknown>} open
 */
export async function traceOpen(raw, open) {
  const events = [];
  let done;
  const complete = new Promise((resolve) => (done = resolve));
  const stop = raw.onEvent((message) => {
    if (message.sessionId) return;
    if (message.method === 'Tracing.dataCollected') events.push(...message.params.value);
    if (message.method === 'Tracing.tracingComplete') done();
  });
  await raw.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  try {
    await open();
  } finally {
    await raw.send('Tracing.end');
    await complete;
    stop();
  }
  return events;
}

/**
 * Self time per event name on renderer main threads, over the trace, largest first. Complete
 * events (X) and begin/end pairs (B/E) nest per thread; a parent's self time excludes its children.
 * @param {any[]} events @param {{ top?: number }} [options]
 */
export function summariseTrace(events, { top = 25 } = {}) {
  const mainThreads = new Set(
    events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  const spans = [];
  const open = new Map();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    if (event.ph === 'X' && event.dur !== undefined) spans.push({ thread, name: event.name, start: event.ts, end: event.ts + event.dur });
    if (event.ph === 'B') (open.get(thread) ?? open.set(thread, []).get(thread)).push(event);
    if (event.ph === 'E') {
      const begin = open.get(thread)?.pop();
      if (begin) spans.push({ thread, name: begin.name, start: begin.ts, end: event.ts });
    }
  }
  spans.sort((a, b) => a.thread.localeCompare(b.thread) || a.start - b.start || b.end - a.end);
  const self = new Map();
  const stacks = new Map();
  for (const span of spans) {
    const stack = stacks.get(span.thread) ?? stacks.set(span.thread, []).get(span.thread);
    while (stack.length > 0 && stack.at(-1).end <= span.start) stack.pop();
    const parent = stack.at(-1);
    const duration = span.end - span.start;
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - duration);
    self.set(span.name, (self.get(span.name) ?? 0) + duration);
    stack.push(span);
  }
  const busy = spans.length > 0 ? [...stacks.keys()].length : 0;
  return {
    threads: busy,
    selfMs: [...self]
      .map(([name, us]) => [name, Math.round(us / 100) / 10])
      .sort((a, b) => b[1] - a[1])
      .slice(0, top),
  };
}
