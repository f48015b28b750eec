import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/** What waits for idle still loads this soon after the first render, idle or not. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Loads tried per mount, the first included. A browser that keeps a failed import() in its module
 * map (the HTML spec did until whatwg/html#10327) fails every retry at once: the cap keeps that finite.
 */
export const LAZY_MAX_ATTEMPTS = 4;

/** A load that failed while the part was wanted is tried again after this, doubled for each failure. */
export const LAZY_RETRY_AFTER_MS = 1000;

function atIdle(run: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  return () => cancelIdleCallback(handle);
}

/**
 * A part of a page kept out of its first script (a dialog, a menu's contents): loaded once the
 * browser is idle after the first render, so that it is there by the first click, or at once when
 * `wanted` (a click came first). Undefined until it is in; the component renders again then.
 * A failed load is tried again when `wanted` next turns true, or soon if it is true already, up to
 * LAZY_MAX_ATTEMPTS loads in all.
 */
export function useLazy<M>(load: () => Promise<M>, wanted = false): M | undefined {
  const module = useSignal<M | undefined>(undefined);
  // One per mount: loads tried, one under way, wanted now, and how to cancel a retry that waits.
  const lazy = useRef({ tries: 0, busy: false, wanted, cancel: () => {} }).current;
  lazy.wanted = wanted;
  // One load at a time, none once in (or once unmounted: tries is then at the cap).
  const take = () => {
    if (module.peek() || lazy.busy || lazy.tries >= LAZY_MAX_ATTEMPTS) return;
    lazy.cancel();
    lazy.tries += 1;
    lazy.busy = true;
    load().then(
      (loaded) => {
        lazy.busy = false;
        module.value = loaded;
      },
      // Caught, or the rejection would go unhandled; the part stays absent until a later try.
      (error: unknown) => {
        lazy.busy = false;
        console.warn('Paperboy: lazy load failed', error);
        // Not wanted: the next demand tries again. Wanted: that demand may not come (the caller's
        // flag is already set, so a second click or key changes nothing), so try again soon.
        if (!lazy.wanted || lazy.tries >= LAZY_MAX_ATTEMPTS) return;
        const timer = setTimeout(take, LAZY_RETRY_AFTER_MS * 2 ** (lazy.tries - 1));
        lazy.cancel = () => clearTimeout(timer);
      },
    );
  };
  useEffect(() => {
    // The load at idle only if nothing has tried yet: a failure is retried on demand, not at idle.
    const cancelIdle = atIdle(() => lazy.tries === 0 && take());
    return () => {
      cancelIdle();
      lazy.tries = LAZY_MAX_ATTEMPTS;
      lazy.cancel();
    };
  }, []);
  useEffect(() => {
    if (wanted) take();
  }, [wanted]);
  return module.value;
}
