/**
 * Reads a page starts from a small first script, before its main script (the UI library and
 * components) is even evaluated, and hands over to it once: the database opens and answers while
 * the page's code loads, instead of after its first render.
 */
import type { HomeData } from './home';

/**
 * Every early read, by name, with what it resolves to: a first script and its page's main script
 * agree on both, so a wrong name or type is a compile error (types only: the first script stays small).
 */
export interface EarlyReads {
  /** The popup's home lists (entrypoints/popup/early.ts). */
  home: HomeData;
}

export type EarlyReadName = keyof EarlyReads;

const started: { [K in EarlyReadName]?: Promise<EarlyReads[K]> } = {};

export function startEarly<K extends EarlyReadName>(name: K, read: () => Promise<EarlyReads[K]>): void {
  const pending = read();
  // Whoever takes it handles a failure; one nobody took is no unhandled rejection.
  pending.catch(() => undefined);
  // Seen as holding `name`'s kind alone, the slot takes this read without a cast.
  const slots: { [P in K]?: Promise<EarlyReads[P]> } = started;
  slots[name] = pending;
}

/** The read started early under `name`, once; undefined if none was (tests, a failed first script). */
export function takeEarly<K extends EarlyReadName>(name: K): Promise<EarlyReads[K]> | undefined {
  const pending = started[name];
  delete started[name];
  return pending;
}
