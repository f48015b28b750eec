/**
 * Reads a page starts from a small first script, before its main script (the UI library and
 * components) is even evaluated, and hands over to it once: the database opens and answers while
 * the page's code loads, instead of after its first render.
 */
const started = new Map<string, Promise<unknown>>();

export function startEarly<T>(name: string, read: () => Promise<T>): void {
  const pending = read();
  // Whoever takes it handles a failure; one nobody took is no unhandled rejection.
  pending.catch(() => undefined);
  started.set(name, pending);
}

/** The read started early under `name`, once; undefined if none was (tests, a failed first script). */
export function takeEarly<T>(name: string): Promise<T> | undefined {
  const pending = started.get(name) as Promise<T> | undefined;
  started.delete(name);
  return pending;
}
