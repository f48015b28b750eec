import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertsSettings } from '@/components/options/AlertsSettings';
import { PaperCard } from '@/components/shared/PaperCard';
import { Sparkline } from '@/components/shared/Sparkline';
import type { PaperRecord } from '@/lib/store/records';
import { badgeModeSetting, digestTimeSetting, notificationsSetting, risingThresholdSetting } from '@/lib/settings/items';
import { MAX_WATCH_RULES, loadWatchRules } from '@/lib/alerts/watchlist-store';
import { makePaper } from '../../support/make-paper';

afterEach(cleanup);

function mount({ granted = true, has = false } = {}) {
  const requestNotifications = vi.fn(async () => granted);
  const removeNotifications = vi.fn(async () => true);
  const hasNotifications = vi.fn(async () => has);
  render(<AlertsSettings requestNotifications={requestNotifications} removeNotifications={removeNotifications} hasNotifications={hasNotifications} />);
  return { requestNotifications, removeNotifications };
}

const watchStatus = () => within(screen.getByRole('region', { name: 'Watchlist' })).getAllByRole('status')[0]!;

async function addRule(kind: string, value: string) {
  fireEvent.change(screen.getByLabelText('Rule type'), { target: { value: kind } });
  fireEvent.input(screen.getByLabelText('Keyword, author, organization or submitter'), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
}

describe('alerts settings', () => {
  it('adds watchlist rules as one storage.sync item each, refuses a duplicate, removes by a labelled button', async () => {
    mount();
    await screen.findByText('No rules yet.');
    await addRule('keyword', '  LLaMA-3 ');
    await waitFor(() => expect(watchStatus().textContent).toBe('Added Watchlist: LLaMA-3.'));
    await addRule('author', 'Ada Lovelace');
    await waitFor(() => expect(screen.getByText('Ada Lovelace')).toBeDefined());
    const items = await fakeBrowser.storage.sync.get(null);
    expect(
      Object.keys(items)
        .filter((key) => key.startsWith('watch:'))
        .sort(),
    ).toEqual(['watch:author:ada lovelace', 'watch:keyword:llama-3']);
    expect(items['watch:keyword:llama-3']).toMatchObject({ label: 'LLaMA-3' });

    await addRule('keyword', 'llama-3');
    await waitFor(() => expect(watchStatus().textContent).toBe('llama-3 is already on the watchlist.'));
    await addRule('keyword', '   ');
    await waitFor(() => expect(watchStatus().textContent).toBe('Type a keyword, author, organization or submitter first.'));

    fireEvent.click(screen.getByRole('button', { name: 'Remove LLaMA-3' }));
    await waitFor(() => expect(watchStatus().textContent).toBe('Removed Watchlist: LLaMA-3.'));
    expect((await loadWatchRules()).map((rule) => rule.label)).toEqual(['Ada Lovelace']);
    expect(document.activeElement).toBe(screen.getByLabelText('Keyword, author, organization or submitter'));
  });

  it('shows a rule added on another device', async () => {
    mount();
    await screen.findByText('No rules yet.');
    await fakeBrowser.storage.sync.set({ 'watch:organization:openai': { label: 'OpenAI', addedAt: 5 } });
    await screen.findByText('OpenAI');
  });

  it('says so and refuses more at the cap', async () => {
    await fakeBrowser.storage.sync.set(
      Object.fromEntries(Array.from({ length: MAX_WATCH_RULES }, (_, i) => [`watch:keyword:k${i}`, { label: `k${i}`, addedAt: i }])),
    );
    mount();
    await screen.findByText(/The watchlist is full \(100 rules/);
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for the notifications permission in the click, and stays off when refused', async () => {
    const { requestNotifications } = mount({ granted: false });
    const box = (await screen.findByLabelText('Show notifications')) as HTMLInputElement;
    fireEvent.click(box);
    expect(requestNotifications).toHaveBeenCalledTimes(1); // synchronously, inside the gesture
    await screen.findByText(/did not allow notifications/);
    expect(box.checked).toBe(false);
    expect(await notificationsSetting.getValue()).toBe(false);
  });

  it('turns notifications on when granted, and off again giving the permission back', async () => {
    const { removeNotifications } = mount({ granted: true });
    const box = (await screen.findByLabelText('Show notifications')) as HTMLInputElement;
    fireEvent.click(box);
    await screen.findByText('Notifications are on.');
    expect(await notificationsSetting.getValue()).toBe(true);
    fireEvent.click(box);
    await screen.findByText('Notifications are off.');
    expect(removeNotifications).toHaveBeenCalled();
    expect(await notificationsSetting.getValue()).toBe(false);
  });

  it('shows notifications off when the permission was revoked in the browser', async () => {
    await notificationsSetting.setValue(true);
    mount({ has: false });
    await waitFor(() => expect(notificationsSetting.getValue()).resolves.toBe(true));
    expect(((await screen.findByLabelText('Show notifications')) as HTMLInputElement).checked).toBe(false);
  });

  it('applies badge mode, rising threshold and digest time at once', async () => {
    mount();
    await waitFor(() => expect((screen.getByLabelText('Toolbar badge shows') as HTMLSelectElement).value).toBe('new'));
    fireEvent.change(screen.getByLabelText('Toolbar badge shows'), { target: { value: 'unread' } });
    fireEvent.change(screen.getByLabelText('Tell me when a paper passes'), { target: { value: '100' } });
    fireEvent.change(screen.getByLabelText('Daily digest at'), { target: { value: '07:45' } });
    await screen.findByText('Daily digest at 07:45.');
    expect(await badgeModeSetting.getValue()).toBe('unread');
    expect(await risingThresholdSetting.getValue()).toBe(100);
    expect(await digestTimeSetting.getValue()).toBe('07:45');
    fireEvent.change(screen.getByLabelText('Daily digest at'), { target: { value: '' } });
    await screen.findByText('No daily digest.');
    expect(await digestTimeSetting.getValue()).toBe('');
  });
});

describe('the card', () => {
  const record = (over: Partial<PaperRecord> = {}): PaperRecord => ({
    ...makePaper('2611.00001'),
    firstSeenAt: 0,
    updatedAt: 0,
    listedDays: ['2026-11-20'],
    upvoteHistory: [
      [Date.parse('2026-11-20T08:00:00Z'), 12],
      [Date.parse('2026-11-21T08:00:00Z'), 51],
    ],
    ...over,
  });

  it('says which watchlist rule matched, in words', () => {
    render(
      <PaperCard
        paper={record({
          watch: [
            { kind: 'author', label: 'Ada Lovelace' },
            { kind: 'keyword', label: 'agents' },
          ],
        })}
        isNew={false}
      />,
    );
    const mark = screen.getByText('Watchlist author: Ada Lovelace').closest('.watch-marker')!;
    expect(mark.textContent).toMatch(/\(\+1\)/);
    expect(mark.getAttribute('title')).toBe('Watchlist author: Ada Lovelace; Watchlist: agents');
  });

  it('has no mark without a match, and draws the upvote history with a text alternative', () => {
    render(<PaperCard paper={record()} isNew={false} trend={Sparkline} />);
    expect(document.querySelector('.watch-marker')).toBeNull();
    const spark = screen.getByRole('img', { name: /^Upvotes over time: 12 to 51 since / });
    expect(spark.querySelector('polyline')!.getAttribute('points')).toBe('0,14 48,0');
  });

  it('draws nothing for a single sample', () => {
    render(<PaperCard paper={record({ upvoteHistory: [[0, 3]] })} isNew={false} trend={Sparkline} />);
    expect(screen.queryByRole('img', { name: /^Upvotes over time/ })).toBeNull();
  });
});
