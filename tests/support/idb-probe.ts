// Functions handed to `evaluate` in an extension page or worker, to read Paperboy's own
// IndexedDB the way a test would inspect storage. Self-contained: they are sent as source text.

/** How many papers are stored. */
export function countStoredPapers(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paperboy');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('papers').objectStore('papers').count();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** How many papers are stored, and how many ids each listing holds. */
export function storedSummary(): Promise<{ papers: number; listings: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paperboy');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['papers', 'listings']);
      const count = tx.objectStore('papers').count();
      const all = tx.objectStore('listings').getAll();
      tx.oncomplete = () => {
        open.result.close();
        resolve({
          papers: count.result,
          listings: Object.fromEntries(all.result.map((listing: { key: string; ids: string[] }) => [listing.key, listing.ids.length])),
        });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Ids of the saved papers, sorted. */
export function storedSavedIds(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paperboy');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('papers').objectStore('papers').index('savedAt').getAllKeys();
      request.onsuccess = () => {
        open.result.close();
        resolve((request.result as string[]).sort());
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** Deletes the sync record (last result, failures, waits), as if no sync had ever failed. */
export function forgetSyncRecord(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paperboy');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('meta', 'readwrite');
      tx.objectStore('meta').delete('sync');
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
