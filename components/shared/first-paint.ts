import { useEffect, useState } from 'preact/hooks';

/** The rest of a list waits at most this long for the browser to be idle after the first paint. */
const REST_TIMEOUT_MS = 200;

/**
 * False until a frame with content has been painted and the browser is idle after it, then true:
 * a list renders its first screenful at first and the rest right after (Preact runs effects after
 * the frame; the idle callback lets tasks already waiting, such as input, go before the rest).
 */
export function useAfterFirstPaint(hasContent: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!hasContent || after) return;
    const done = () => setAfter(true);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(done, 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(done, { timeout: REST_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }, [hasContent, after]);
  return after;
}
