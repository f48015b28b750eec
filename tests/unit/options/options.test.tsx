import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { pollMinutesSetting, retentionDaysSetting, sourceSetting } from '@/lib/settings/items';
import { recordingSend } from '../../support/fakes';

afterEach(cleanup);

function mount(granted = true) {
  const requestOrigin = vi.fn(async () => granted);
  const synced = async () => ({ ran: true, state: { failures: 0 } });
  const { send, sent } = recordingSend({ refresh: synced, sourceChanged: synced });
  render(<OptionsApp requestOrigin={requestOrigin} send={send} />);
  return { requestOrigin, send: sent };
}

/** The Source form's own status line (each setting has one). */
const sourceStatus = () => within(screen.getByLabelText('Source').closest('form')!).getByRole('status');

async function saveSource(value: string) {
  const field = await screen.findByLabelText('Source');
  await waitFor(() => expect((field as HTMLInputElement).value).not.toBe(''));
  fireEvent.input(field, { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

describe('options', () => {
  it('shows the default source', async () => {
    mount();
    await waitFor(() => expect((screen.getByLabelText('Source') as HTMLInputElement).value).toBe('https://huggingface.co'));
  });

  it('saves a local source at once and starts a sync, with no permission prompt', async () => {
    const { requestOrigin, send } = mount();
    await saveSource('http://127.0.0.1:8787/');
    await waitFor(() => expect(sourceStatus().textContent).toMatch(/Saved — syncing from http:\/\/127.0.0.1:8787/));
    expect(await sourceSetting.getValue()).toBe('http://127.0.0.1:8787');
    expect(send).toHaveBeenCalledWith({ type: 'sourceChanged' });
    expect(requestOrigin).not.toHaveBeenCalled();
  });

  it('asks for access to a mirror and saves it when granted', async () => {
    const { requestOrigin } = mount(true);
    await saveSource('https://hf-mirror.com');
    await waitFor(() => expect(requestOrigin).toHaveBeenCalledWith('https://hf-mirror.com/*'));
    await waitFor(async () => expect(await sourceSetting.getValue()).toBe('https://hf-mirror.com'));
  });

  it('keeps the old source when access to a mirror is refused', async () => {
    const { send } = mount(false);
    await saveSource('https://hf-mirror.com');
    await waitFor(() => expect(sourceStatus().textContent).toMatch(/needs permission to read https:\/\/hf-mirror.com/));
    expect(await sourceSetting.getValue()).toBe('https://huggingface.co');
    expect(send).not.toHaveBeenCalled();
  });

  it('applies the poll interval and retention as soon as they are chosen', async () => {
    mount();
    const poll = await screen.findByLabelText('Check for new papers');
    await waitFor(() => expect((poll as HTMLSelectElement).value).toBe('30'));
    expect([...(poll as HTMLSelectElement).options].map((option) => option.text)).toEqual([
      'Every 15 minutes',
      'Every 30 minutes',
      'Every hour',
      'Every 2 hours',
      'Only when I click Refresh',
    ]);
    fireEvent.change(poll, { target: { value: '0' } });
    await waitFor(async () => expect(await pollMinutesSetting.getValue()).toBe(0));
    const retention = screen.getByLabelText('Keep papers for');
    await waitFor(() => expect((retention as HTMLSelectElement).value).toBe('90'));
    fireEvent.change(retention, { target: { value: '365' } });
    await waitFor(async () => expect(await retentionDaysSetting.getValue()).toBe(365));
  });

  it('says which synced settings it cannot use, shows the defaults in their place, and forgets a setting chosen again', async () => {
    // As another device or version might have written them.
    await browser.storage.sync.set({ source: 'http://example.com', retentionDays: 0, pollMinutes: 30 });
    mount();
    const notice = await screen.findByText(/Some synced settings hold values Paperboy cannot use/);
    const items = () => [...notice.closest('div')!.querySelectorAll('li')].map((item) => item.textContent);
    expect(items()).toEqual(['Source: "http://example.com" was stored', 'Keep papers for: 0 was stored']);
    await waitFor(() => expect((screen.getByLabelText('Source') as HTMLInputElement).value).toBe('https://huggingface.co'));
    const retention = screen.getByLabelText('Keep papers for') as HTMLSelectElement;
    await waitFor(() => expect(retention.value).toBe('90'));
    fireEvent.change(retention, { target: { value: '180' } });
    await waitFor(() => expect(items()).toEqual(['Source: "http://example.com" was stored']));
    await saveSource('http://127.0.0.1:8787');
    await waitFor(() => expect(screen.queryByText(/Some synced settings hold values/)).toBeNull());
  });

  it('asks this browser for access to a mirror chosen on another device', async () => {
    await browser.storage.sync.set({ source: 'https://hf-mirror.com' });
    const contains = vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => false);
    const { requestOrigin, send } = mount(true);
    await screen.findByText(/chosen on another device.*permission to read https:\/\/hf-mirror.com/);
    contains.mockImplementation(async () => true);
    fireEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Grant access' })).toBeNull());
    expect(requestOrigin).toHaveBeenCalledWith('https://hf-mirror.com/*');
    expect(send).toHaveBeenCalledWith({ type: 'refresh' });
    contains.mockRestore();
  });

  it.each(['http://example.com', 'javascript:alert(1)', 'not a url'])('refuses %j with a clear error', async (value) => {
    mount();
    await saveSource(value);
    await waitFor(() => expect(sourceStatus().textContent).toMatch(/Enter a URL starting with https:\/\//));
    expect(screen.getByLabelText('Source').getAttribute('aria-invalid')).toBe('true');
    expect(await sourceSetting.getValue()).toBe('https://huggingface.co');
  });
});
