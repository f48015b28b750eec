import { useEffect, useState } from 'preact/hooks';

/**
 * False until a frame with content has been painted, then true: a list renders its first
 * screenful at first and the rest right after (Preact runs effects after the browser's frame), so
 * the user sees the top of the list without waiting for cards below the fold.
 */
export function useAfterFirstPaint(hasContent: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (hasContent && !after) setAfter(true);
  }, [hasContent, after]);
  return after;
}
