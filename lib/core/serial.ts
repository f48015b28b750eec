/** Runs tasks one at a time, in the order they were given. */
export interface SerialQueue {
  /**
   * Runs `task` once every task given before it has settled, and returns its result. A task
   * that fails rejects its own promise only: the tasks after it still run.
   */
  run<T>(task: () => Promise<T> | T): Promise<T>;
}

/**
 * For a read-modify-write that must not interleave with another (a ledger or a set of marks
 * kept in storage): each change reads what the one before it wrote.
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(task);
      // The next task waits for this one to settle, whether it succeeded or not.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
