import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** What a stored item offers a page: its value now, and its changes (lib/settings/stored-item.ts). */
export interface StoredValue<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * A signal holding a stored item's value: `initial` until it has been read, then whatever is
 * stored, following changes made in other pages and devices.
 */
export function useStored<T, I = T>(item: StoredValue<T>, initial: I): Signal<T | I> {
  const value = useSignal<T | I>(initial);
  useEffect(() => {
    void item.getValue().then((stored) => (value.value = stored));
    return item.watch((stored) => (value.value = stored));
  }, [item]);
  return value;
}
