import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SelectSetting, type SettingAccess } from '@/components/options/SelectSetting';

afterEach(cleanup);

/** A setting kept in memory, whose changes "elsewhere" the test makes. */
function memorySetting<T>(initial: T) {
  let stored = initial;
  const listeners = new Set<(value: T) => void>();
  const setting: SettingAccess<T> = {
    read: async () => stored,
    write: vi.fn(async (value: T) => {
      stored = value;
    }),
    watch: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  const changeElsewhere = (value: T) => {
    stored = value;
    for (const listener of listeners) listener(value);
  };
  return { setting, changeElsewhere, stored: () => stored };
}

describe('SelectSetting', () => {
  it('shows the stored value under its label, writes a choice as its own type, and says it applied', async () => {
    const { setting, stored } = memorySetting(30);
    const choices = [0, 30, 60].map((value) => ({ value, label: `every ${value}` }));
    render(<SelectSetting id="poll" label="Check every" help="How often" choices={choices} setting={setting} />);
    const select = screen.getByLabelText('Check every') as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('30'));
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toBe('How often');
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.change(select, { target: { value: '60' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe(''));
    expect(stored()).toBe(60);
  });

  it('follows a change made elsewhere, and writes nothing for a value it does not offer', async () => {
    const { setting, changeElsewhere } = memorySetting<'light' | 'dark'>('light');
    render(
      <SelectSetting
        id="theme"
        label="Theme"
        choices={[
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        setting={setting}
      />,
    );
    const select = screen.getByLabelText('Theme') as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('light'));
    changeElsewhere('dark');
    await waitFor(() => expect(select.value).toBe('dark'));
    fireEvent.change(select, { target: { value: 'sepia' } });
    expect(setting.write).not.toHaveBeenCalled();
  });
});
