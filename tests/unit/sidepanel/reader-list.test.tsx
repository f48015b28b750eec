import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { PAGE } from '@/components/sidepanel/list-paging';
import { dayKey } from '@/lib/store/listing-keys';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import { makePaper } from '../../support/make-paper';
import { fakeSend } from '../../support/fakes';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const DAY = '2026-11-20';
const COUNT = 50;

/**
 * An IntersectionObserver whose "viewport" the test moves: like the real one, it reports an
 * element's state when it starts observing it, and afterwards only on a change (scroll()).
 */
class FakeObserver {
  static all = new Set<FakeObserver>();
  /** How many elements are being observed now. */
  static observed() {
    return [...FakeObserver.all].reduce((count, observer) => count + observer.targets.size, 0);
  }
  static inView = false;
  static scroll(inView: boolean) {
    FakeObserver.inView = inView;
    for (const observer of FakeObserver.all) observer.report();
  }
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.add(this);
  }
  observe(target: Element) {
    this.targets.add(target);
    queueMicrotask(() => this.report());
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
    FakeObserver.all.delete(this);
  }
  private report() {
    const entries = [...this.targets]
      .filter((target) => target.isConnected)
      .map((target) => ({ target, isIntersecting: FakeObserver.inView }) as IntersectionObserverEntry);
    if (entries.length > 0) this.callback(entries, this as unknown as IntersectionObserver);
  }
}

beforeEach(() => {
  FakeObserver.all.clear();
  FakeObserver.inView = false;
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function mount() {
  const db = await getDb();
  await storeListing(db, {
    key: dayKey(DAY),
    papers: Array.from({ length: COUNT }, (_, index) => makePaper(`2611.${String(index + 1).padStart(5, '0')}`, { listedOn: DAY, upvotes: COUNT - index })),
    fetchedAt: NOW,
    mode: 'replace',
  });
  const state = createPanelState({
    db: getDb,
    send: fakeSend({ fetchView: async () => ({ status: 'fresh' }), markSeen: async () => ({ unseen: 0 }) }),
    subscribe: () => () => undefined,
    now: () => NOW,
    prefs: { getValue: async () => DEFAULT_READER_PREFS, setValue: async () => undefined },
  });
  render(<SidePanelApp state={state} now={() => NOW} />);
}

const cardCount = () => screen.queryAllByRole('article').length;

describe('the side panel list, a page at a time', () => {
  it('adds the next page when the end of the list scrolls into view, up to every paper', async () => {
    await mount();
    await waitFor(() => expect(cardCount()).toBe(PAGE), { timeout: 5_000 });
    // The end of the list appears after the first paint: it is observed, and nothing more loads out of view.
    await waitFor(() => expect(FakeObserver.observed()).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cardCount()).toBe(PAGE);
    FakeObserver.scroll(true);
    // Still in view after each page (a tall window): the next page comes too, to the end.
    await waitFor(() => expect(cardCount()).toBe(COUNT), { timeout: 5_000 });
    expect(document.querySelector('.sentinel')).toBeNull();
  });

  it('adds one page per scroll when the end leaves the view after it', async () => {
    await mount();
    await waitFor(() => expect(cardCount()).toBe(PAGE), { timeout: 5_000 });
    await waitFor(() => expect(FakeObserver.observed()).toBe(1));
    FakeObserver.scroll(true);
    FakeObserver.inView = false;
    await waitFor(() => expect(cardCount()).toBe(2 * PAGE), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cardCount()).toBe(2 * PAGE);
  });

  it('gives the focus to the last card when j is pressed past the cards rendered, faster than they are read', async () => {
    await mount();
    await waitFor(() => expect(cardCount()).toBe(PAGE), { timeout: 5_000 });
    for (let press = 0; press < COUNT; press++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    await waitFor(() => expect(cardCount()).toBe(COUNT), { timeout: 5_000 });
    const cards = screen.queryAllByRole('article');
    await waitFor(() => expect(document.activeElement).toBe(cards[COUNT - 1]));
  });
});
