// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequests, sendRequest, type RequestHandlers } from '@/lib/messages';

type Listener = (message: unknown, sender: unknown, sendResponse?: (response: unknown) => void) => unknown;

const handlers = (markSeen: RequestHandlers['markSeen']): RequestHandlers => {
  const unused = () => Promise.reject(new Error('not in this test'));
  return { refresh: unused, sourceChanged: unused, markRead: unused, setSaved: unused, fetchView: unused, searchRemote: unused, importData: unused, markSeen };
};

/** The listener handleRequests registers. */
function registered(requestHandlers: RequestHandlers): Listener {
  const spy = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  handleRequests(requestHandlers);
  const listener = spy.mock.calls[0]![0] as unknown as Listener;
  spy.mockRestore();
  return listener;
}

describe('messages', () => {
  it('answers through sendResponse and keeps the channel open (Chrome ignores a returned promise)', async () => {
    const listener = registered(handlers(async ({ ids }) => ({ unseen: ids.length })));
    let kept: unknown;
    const response = await new Promise((resolve) => {
      kept = listener({ paperboy: 'request', request: { type: 'markSeen', ids: ['a', 'b'] } }, {}, resolve);
    });
    expect(kept).toBe(true);
    expect(response).toEqual({ unseen: 2 });
    // Broadcasts are left to the pages.
    expect(listener({ paperboy: 'broadcast', broadcast: { type: 'marksChanged' } }, {}, () => undefined)).toBeUndefined();
  });

  it('turns a failed handler into an error for the caller', async () => {
    handleRequests(
      handlers(async () => {
        throw new Error('database closed');
      }),
    );
    await expect(sendRequest({ type: 'markSeen', ids: ['a'] })).rejects.toThrow('database closed');
  });

  it('resolves with the answer for a caller that gets the promise back', async () => {
    handleRequests(handlers(async ({ ids }) => ({ unseen: ids.length * 10 })));
    await expect(sendRequest({ type: 'markSeen', ids: ['a'] })).resolves.toEqual({ unseen: 10 });
  });
});
