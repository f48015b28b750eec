import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useSignal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAZY_MAX_ATTEMPTS, LAZY_RETRY_AFTER_MS, useLazy } from '@/components/shared/use-lazy';

type Part = { Body: () => preact.JSX.Element };
const part: Part = { Body: () => <p>The part</p> };
const chunkError = () => new TypeError('Failed to fetch dynamically imported module');

/** A loader that fails `failures` times, then gives the part; it counts its calls. */
function flakyLoader(failures: number) {
  const load = vi.fn(async (): Promise<Part> => {
    if (load.mock.calls.length <= failures) throw chunkError();
    return part;
  });
  return load;
}

/** Like ExportMenu: a toggle that wants the part, shown while open once it is in. */
function Menu({ load, open: initiallyOpen = false }: { load: () => Promise<Part>; open?: boolean }) {
  const open = useSignal(initiallyOpen);
  const loaded = useLazy(load, open.value);
  return (
    <div>
      <button type="button" onClick={() => (open.value = !open.value)}>
        Toggle
      </button>
      {open.value && loaded ? <loaded.Body /> : null}
    </div>
  );
}

/** Lets timers (idle fallback, retries, Preact's effects) and the promises they start run. */
const pass = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  process.off('unhandledRejection', onUnhandled);
});

describe('useLazy after a failed load', () => {
  it('tries again on the next demand: the part appears when the menu is opened', async () => {
    const load = flakyLoader(1);
    render(<Menu load={load} />);
    await pass(50); // the load at idle (jsdom has no requestIdleCallback: a timer), which fails
    expect(load).toHaveBeenCalledTimes(1);
    // Nothing wanted it: no retry of its own.
    await pass(10 * LAZY_RETRY_AFTER_MS);
    expect(load).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    await pass(50);
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.getByText('The part')).toBeTruthy();
    expect(unhandled).toEqual([]);
  });

  it('tries again by itself while still wanted (a second click would change nothing)', async () => {
    const load = flakyLoader(2);
    render(<Menu load={load} open />);
    await pass(50);
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('The part')).toBeNull();

    await pass(LAZY_RETRY_AFTER_MS + 50);
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('The part')).toBeNull();
    await pass(2 * LAZY_RETRY_AFTER_MS + 50);
    expect(load).toHaveBeenCalledTimes(3);
    expect(screen.getByText('The part')).toBeTruthy();
    expect(unhandled).toEqual([]);
  });

  it('stops after its attempts, however often the part is wanted', async () => {
    const load = flakyLoader(Number.POSITIVE_INFINITY);
    render(<Menu load={load} open />);
    for (let round = 0; round < 10; round += 1) {
      fireEvent.click(screen.getByRole('button', { name: 'Toggle' }));
      await pass(20 * LAZY_RETRY_AFTER_MS);
    }
    expect(load).toHaveBeenCalledTimes(LAZY_MAX_ATTEMPTS);
    expect(screen.queryByText('The part')).toBeNull();
    expect(unhandled).toEqual([]);
  });

  it('loads once when it works, however often it is wanted', async () => {
    const load = flakyLoader(0);
    render(<Menu load={load} />);
    fireEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    await pass(50);
    fireEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Toggle' }));
    await pass(50);
    expect(screen.getByText('The part')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
