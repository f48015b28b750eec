import { RULE_KIND_LABEL, t } from '@/lib/i18n/options';
import type { WatchRule } from '@/lib/alerts/watchlist';
import { muteStore } from '@/lib/alerts/mute-store';
import { RuleListSettings, type RuleListStrings } from './RuleListSettings';

const ruleText = (rule: Pick<WatchRule, 'kind' | 'label'>) => `${t(RULE_KIND_LABEL[rule.kind])}: ${rule.label}`;

const MUTE_STRINGS: RuleListStrings = {
  title: 'muteTitle',
  help: 'muteHelp',
  empty: 'muteEmpty',
  valueLabel: 'muteValueLabel',
  add: 'muteAdd',
  added: 'muteAdded',
  removed: 'muteRemoved',
  remove: 'muteRemove',
  duplicate: 'muteErrorDuplicate',
  full: 'muteErrorFull',
};

const MUTE_IDS = { title: 'mute-title', help: 'mute-help', kind: 'mute-kind', value: 'mute-value' };

/**
 * Muted words, authors, organisations and submitters (lib/alerts/mute-store.ts), beside the
 * watchlist: their papers are hidden from every list, the badge and notifications. Rules match as
 * the watchlist's.
 */
export function MuteSettings() {
  return <RuleListSettings rules={muteStore} strings={MUTE_STRINGS} ids={MUTE_IDS} sectionClass="watchlist-section mute-section" describe={ruleText} />;
}
