import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MuteSettings } from '@/components/options/MuteSettings';
import { MAX_MUTE_RULES, loadMuteRules } from '@/lib/alerts/mute-store';
import { loadWatchRules } from '@/lib/alerts/watchlist-store';

afterEach(cleanup);

const region = () => screen.getByRole('region', { name: 'Muted' });
const status = () => within(region()).getAllByRole('status')[0]!;

async function mute(kind: string, value: string) {
  fireEvent.change(within(region()).getByLabelText('Rule type'), { target: { value: kind } });
  fireEvent.input(within(region()).getByLabelText('Word, author, organization or submitter to mute'), { target: { value } });
  fireEvent.click(within(region()).getByRole('button', { name: 'Mute' }));
}

describe('muted rules in the options page', () => {
  it('adds a rule as its own storage.sync item (apart from the watchlist), refuses a duplicate, unmutes by a labelled button', async () => {
    render(<MuteSettings />);
    await screen.findByText('Nothing muted.');
    await mute('keyword', 'Crypto');
    await waitFor(() => expect(status().textContent).toBe('Muted Keyword: Crypto.'));
    await mute('author', 'Mallory Q');
    await waitFor(() => expect(status().textContent).toBe('Muted Author: Mallory Q.'));
    const items = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(items).sort()).toEqual(['mute:author:mallory q', 'mute:keyword:crypto']);
    expect(await loadWatchRules()).toEqual([]);

    await mute('keyword', 'crypto');
    await waitFor(() => expect(status().textContent).toBe('crypto is already muted.'));

    fireEvent.click(within(region()).getByRole('button', { name: 'Unmute Crypto' }));
    await waitFor(() => expect(status().textContent).toBe('Unmuted Keyword: Crypto.'));
    expect((await loadMuteRules()).map((rule) => rule.label)).toEqual(['Mallory Q']);
    expect(document.activeElement).toBe(within(region()).getByLabelText('Word, author, organization or submitter to mute'));
  });

  it('shows rules another device added, and says when the list is full', async () => {
    render(<MuteSettings />);
    await fakeBrowser.storage.sync.set(
      Object.fromEntries(Array.from({ length: MAX_MUTE_RULES }, (_, i) => [`mute:keyword:k${i}`, { label: `k${i}`, addedAt: i }])),
    );
    await screen.findAllByText(/The muted list is full \(50 rules/);
    expect((within(region()).getByRole('button', { name: 'Mute' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
