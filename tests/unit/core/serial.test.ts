import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '@/lib/core/serial';

/** A task: how long it takes (ms), and how it ends. */
interface Step {
  name: string;
  ms: number;
  ends: 'value' | 'rejects' | 'throws' | 'plain';
}

const step = (name: string, ms: number, ends: Step['ends'] = 'value'): Step => ({ name, ms, ends });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createSerialQueue', () => {
  it.each<[string, Step[], string[]]>([
    ['one task', [step('a', 0)], ['a:ok']],
    ['a slow task before a fast one: the fast one still waits', [step('a', 20), step('b', 0)], ['a:ok', 'b:ok']],
    ['three given at once run in order', [step('a', 10), step('b', 5), step('c', 0)], ['a:ok', 'b:ok', 'c:ok']],
    ['a rejected task fails alone: the next still runs', [step('a', 5, 'rejects'), step('b', 0)], ['a:failed', 'b:ok']],
    ['a task that throws at once fails alone', [step('a', 0, 'throws'), step('b', 0)], ['a:failed', 'b:ok']],
    ['a task may return a plain value', [step('a', 0, 'plain'), step('b', 5)], ['a:ok', 'b:ok']],
  ])('%s', async (_name, steps, settled) => {
    const queue = createSerialQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const results = steps.map((s) =>
      queue
        .run(() => {
          running += 1;
          most = Math.max(most, running);
          log.push(`${s.name}:start`);
          const finish = () => {
            running -= 1;
            log.push(`${s.name}:end`);
          };
          if (s.ends === 'throws') {
            finish();
            throw new Error(s.name);
          }
          if (s.ends === 'plain') {
            finish();
            return s.name;
          }
          return pause(s.ms).then(() => {
            finish();
            if (s.ends === 'rejects') throw new Error(s.name);
            return s.name;
          });
        })
        .then(
          (value) => `${value}:ok`,
          (error: Error) => `${error.message}:failed`,
        ),
    );
    expect(await Promise.all(results)).toEqual(settled);
    // One at a time, in the order given: each task ends before the next starts.
    expect(most).toBe(1);
    expect(log).toEqual(steps.flatMap((s) => [`${s.name}:start`, `${s.name}:end`]));
  });

  it('runs a task given after the queue went idle', async () => {
    const queue = createSerialQueue();
    await queue.run(async () => 1);
    await expect(queue.run(async () => 2)).resolves.toBe(2);
  });
});
