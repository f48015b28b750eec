import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** What waits for idle still loads this soon after the first render, idle or not. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * A part of a page kept out of its first script (a dialog, a menu's contents): loaded once the
 * browser is idle after the first render, so that it is there by the first click, or at once when
 * `wanted` (a click came first). Undefined until it is in; the component renders again then.
 */
export function useLazy<M>(load: () => Promise<M>, wanted = false): M | undefined {
  const module = useSignal<M | undefined>(undefined);
  // import() gives the same module every time: a second call (idle, then wanted) costs nothing.
  const take = () => void load().then((loaded) => (module.value = loaded));
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(take, 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(take, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }, []);
  useEffect(() => {
    if (wanted && !module.value) take();
  }, [wanted]);
  return module.value;
}
