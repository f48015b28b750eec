// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequests, sendRequest, type RequestHandlers } from '@/lib/protocol/messages';
import { requestGuard } from '@/lib/protocol/request-check';

type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;

const handlers = (markSeen: RequestHandlers['markSeen']): RequestHandlers => {
  const unused = () => Promise.reject(new Error('not in this test'));
  return {
    refresh: unused,
    sourceChanged: unused,
    markRead: unused,
    setSaved: unused,
    fetchView: unused,
    searchRemote: unused,
    linkedRepos: unused,
    importData: unused,
    markSeen,
  };
};

/** The listener handleRequests registers. */
function registered(requestHandlers: RequestHandlers): Listener {
  const spy = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  handleRequests(requestHandlers, requestGuard);
  const listener = spy.mock.calls[0]![0] as unknown as Listener;
  spy.mockRestore();
  return listener;
}

/** How a real browser names the side panel as a message's sender. */
const OWN_PAGE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };

describe('messages', () => {
  it('answers with the promise it returns (the polyfill passes it on in Chrome too)', async () => {
    const listener = registered(handlers(async ({ ids }) => ({ unseen: ids.length })));
    const answer = listener({ paperboy: 'request', request: { type: 'markSeen', ids: ['2611.00001', '2611.00002'] } }, OWN_PAGE);
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toEqual({ unseen: 2 });
    // Broadcasts are left to the pages: no answer, so another listener may give one.
    expect(listener({ paperboy: 'broadcast', broadcast: { type: 'marksChanged' } }, {})).toBeUndefined();
  });

  it('turns a failed handler into an error for the caller', async () => {
    handleRequests(
      handlers(async () => {
        throw new Error('database closed');
      }),
      requestGuard,
    );
    await expect(sendRequest({ type: 'markSeen', ids: ['2611.00001'] })).rejects.toThrow('database closed');
  });

  const markSeen = { paperboy: 'request', request: { type: 'markSeen', ids: ['2611.00001'] } };

  it.each([
    ['a web page (a content script would send as the page)', { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 3 } }],
    ['another extension', { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/popup.html' }],
    ['another extension claiming our id', { id: 'other-extension-id', url: fakeBrowser.runtime.getURL('/popup.html') }],
    ['a sender with no URL', { id: fakeBrowser.runtime.id }],
    ['a URL that only starts like ours', { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}.evil.example/` }],
    ['no sender at all', undefined],
  ])('does not answer or act on a request from %s', async (_name, sender) => {
    const markSeenHandler = vi.fn(async () => ({ unseen: 0 }));
    const listener = registered(handlers(markSeenHandler));
    expect(listener(markSeen, sender)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(markSeenHandler).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything' }, 'type'],
    ['ids that are not arXiv ids', { type: 'markSeen', ids: ['../../x'] }, 'ids.0: not an arXiv id'],
    ['ids that are not a list', { type: 'markSeen', ids: '2611.00001' }, 'ids'],
    ['a saved flag that is not a boolean', { type: 'setSaved', id: '2611.00001', saved: 'yes' }, 'saved'],
    ['a listing that is not a day, week or month', { type: 'fetchView', key: 'day:2026-13-40' }, 'key: not a listing'],
    ['a search listing (nothing to fetch)', { type: 'fetchView', key: 'search' }, 'key: not a listing'],
    ['a query that is not text', { type: 'searchRemote', query: { q: 1 } }, 'query'],
    ['an over-long query', { type: 'searchRemote', query: 'x'.repeat(2001) }, 'query: query too long'],
    ['linked repositories of something not an arXiv id', { type: 'linkedRepos', id: '../../api/models' }, 'id: not an arXiv id'],
    ['an import paper without its fields', { type: 'importData', papers: [{ id: '2611.00001', title: 'T' }], savedIds: [] }, 'papers.0.abstract'],
    ['an import of a saved id with no time', { type: 'importData', papers: [], savedIds: [{ id: '2611.00001' }] }, 'savedIds.0.savedAt'],
    ['no request', undefined, ''],
  ])('refuses %s from its own page, without acting', async (_name, request, where) => {
    // Never called: a refused request reaches no handler (the assertions below check it).
    const acted = vi.fn((): Promise<never> => Promise.reject(new Error('acted on a refused request')));
    const listener = registered({
      refresh: acted,
      sourceChanged: acted,
      markRead: acted,
      setSaved: acted,
      fetchView: acted,
      searchRemote: acted,
      linkedRepos: acted,
      importData: acted,
      markSeen: acted,
    });
    const response = (await listener({ paperboy: 'request', request }, OWN_PAGE)) as { paperboy: string; message: string };
    expect(response.paperboy).toBe('error');
    expect(response.message).toContain('Refused a malformed request');
    expect(response.message).toContain(where);
    expect(acted).not.toHaveBeenCalled();
  });

  it('hands the handler the checked request: fields it does not know are dropped', async () => {
    const setSaved = vi.fn(async () => ({ changed: true }));
    const listener = registered({ ...handlers(async () => ({ unseen: 0 })), setSaved });
    const request = { type: 'setSaved', id: '2611.00001', saved: true, extra: { __proto__: null, admin: true } };
    await listener({ paperboy: 'request', request }, OWN_PAGE);
    expect(setSaved).toHaveBeenCalledWith({ type: 'setSaved', id: '2611.00001', saved: true });
  });

  it.each([
    ['a day', 'day:2026-11-20'],
    ['an ISO week', 'week:2026-W47'],
    ['a month', 'month:2026-11'],
    ['trending', 'trending'],
  ])('accepts a fetch of %s', async (_name, key) => {
    const fetchView = vi.fn(async () => ({ status: 'fresh' as const }));
    const listener = registered({ ...handlers(async () => ({ unseen: 0 })), fetchView });
    await expect(listener({ paperboy: 'request', request: { type: 'fetchView', key } }, OWN_PAGE)).resolves.toEqual({ status: 'fresh' });
  });

  it('sendRequest resolves with the background’s answer', async () => {
    handleRequests(
      handlers(async ({ ids }) => ({ unseen: ids.length * 10 })),
      requestGuard,
    );
    await expect(sendRequest({ type: 'markSeen', ids: ['2611.00001'] })).resolves.toEqual({ unseen: 10 });
  });
});
