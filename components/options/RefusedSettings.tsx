import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type OptionsKey } from '@/lib/i18n/options';
import { RULED_SETTINGS, readChecked, type RuledSetting, type RuledSettingName } from '@/lib/settings/items';

const LABELS: Record<RuledSettingName, OptionsKey> = {
  source: 'sourceLabel',
  pollMinutes: 'pollLabel',
  retentionDays: 'retentionLabel',
  badgeMode: 'badgeModeLabel',
  notifications: 'notificationsLabel',
  risingThreshold: 'risingLabel',
  digestTime: 'digestLabel',
};
/** A stored value is shown, not trusted: as JSON text, cut short. */
const MAX_SHOWN = 80;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

async function describeRefused(): Promise<string[]> {
  const checked = await Promise.all(
    RULED_SETTINGS.map(async (setting) => ({ name: setting.name, checked: await readChecked<unknown>(setting as RuledSetting<unknown>) })),
  );
  return checked.flatMap(({ name, checked }) => (checked.refused ? [t('settingRefusedItem', { setting: t(LABELS[name]), value: shown(checked.stored) })] : []));
}

/**
 * The settings in synced storage that another device or version stored and this one cannot use: the
 * background uses their defaults instead (the same rules, lib/settings/items.ts); this says so.
 */
export function RefusedSettings() {
  const refused = useSignal<string[]>([]);
  useEffect(() => {
    const update = () => void describeRefused().then((items) => (refused.value = items));
    const listener = (_changes: unknown, area: string) => {
      if (area === 'sync') update();
    };
    update();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  if (refused.value.length === 0) return null;
  return (
    <div class="notice notice-warn refused-settings" role="status">
      <p>{t('settingsRefused')}</p>
      <ul>
        {refused.value.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
