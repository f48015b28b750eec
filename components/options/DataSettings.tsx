import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/store/connection';
import { getSavedPapers } from '@/lib/store/reads';
import type { PaperboyDb } from '@/lib/store/schema';
import { MAX_IMPORT_BYTES, parseImport, tooLargeToImport } from '@/lib/transfer/import';
import { formatNumber } from '@/lib/i18n/ui';
import { t, tn } from '@/lib/i18n/options';
import { t as exportT } from '@/lib/i18n/export';
import { sendRequest } from '@/lib/protocol/messages';
import { followStatusItem, type FollowStatus } from '@/lib/saved/follow-status';
import { OPEN_PANEL_COMMAND } from '@/lib/reader/side-panel';
import { exportPapers, type ExportKind } from '../shared/download';

export interface DataSettingsDeps {
  db?: () => Promise<PaperboyDb>;
  send?: typeof sendRequest;
  now?: () => number;
}

type Message = { tone: 'ok' | 'error'; text: string };

/** Megabytes, rounded up to a tenth so that a file just over the limit does not read as at it. */
const megabytes = (bytes: number) => formatNumber(Math.ceil((bytes / 1024 / 1024) * 10) / 10);

/** The reader's keyboard shortcut as the browser has it (the user may have changed it). */
async function readShortcut(): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    const command = commands.find((c) => c.name === OPEN_PANEL_COMMAND || c.name === '_execute_sidebar_action');
    return command?.shortcut || undefined;
  } catch {
    return undefined;
  }
}

function followMessage(status: FollowStatus): Message | undefined {
  if (status.error) return { tone: 'error', text: t('followFailed', { reason: status.error }) };
  const localOnly = Object.values(status.localOnly).reduce((sum, n) => sum + n, 0);
  return localOnly > 0 ? { tone: 'error', text: tn('followLocalOnly', localOnly) } : undefined;
}

/** Saved papers: how they follow the user, export, import; and the reader's shortcut. */
export function DataSettings({ db = getDb, send = sendRequest, now = Date.now }: DataSettingsDeps) {
  const follow = useSignal<Message | undefined>(undefined);
  const shortcut = useSignal<string | undefined>(undefined);
  const exportMessage = useSignal<Message | undefined>(undefined);
  const importMessage = useSignal<Message | undefined>(undefined);
  const importing = useSignal(false);

  useEffect(() => {
    let changed = false;
    const stop = followStatusItem.watch((status) => {
      changed = true;
      follow.value = followMessage(status);
    });
    // A change that arrives while the first read is under way is newer than what it reads.
    void followStatusItem.getValue().then((status) => {
      if (!changed) follow.value = followMessage(status);
    });
    void readShortcut().then((value) => (shortcut.value = value));
    return stop;
  }, []);

  const exportSaved = async (kind: ExportKind) => {
    try {
      const saved = await getSavedPapers(await db());
      if (saved.length === 0) {
        exportMessage.value = { tone: 'error', text: exportT('exportNothing') };
        return;
      }
      await exportPapers(kind, saved, 'saved', now());
      exportMessage.value = { tone: 'ok', text: tn('exportedSaved', saved.length) };
    } catch (error) {
      exportMessage.value = { tone: 'error', text: t('exportFailed', { reason: error instanceof Error ? error.message : String(error) }) };
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    importing.value = true;
    importMessage.value = undefined;
    try {
      // Refused by its size alone: reading a huge file would stall the page before any check.
      if (tooLargeToImport(file)) {
        importMessage.value = { tone: 'error', text: t('importTooLarge', { size: megabytes(file.size), max: megabytes(MAX_IMPORT_BYTES) }) };
        return;
      }
      // Checked whole here, so a malformed file never reaches the background with its papers.
      const parsed = parseImport(await file.text());
      if (!parsed.ok) {
        importMessage.value = { tone: 'error', text: parsed.error === 'not-json' ? t('importNotJson') : t('importInvalid', { detail: parsed.detail ?? '' }) };
        return;
      }
      const outcome = await send({ type: 'importData', papers: parsed.papers, savedIds: parsed.savedIds });
      importMessage.value = { tone: 'ok', text: t('importDone', { added: outcome.added, saved: outcome.saved, read: outcome.read }) };
    } catch (error) {
      importMessage.value = { tone: 'error', text: t('importFailed', { reason: error instanceof Error ? error.message : String(error) }) };
    } finally {
      importing.value = false;
      input.value = ''; // the same file can be chosen again
    }
  };

  return (
    <section class="data-settings" aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="help">{t('followHelp')}</p>
      {follow.value ? (
        <p class={`form-message ${follow.value.tone}`} role="status">
          {follow.value.text}
        </p>
      ) : null}
      <div class="setting">
        <span class="setting-label" id="export-saved-label">
          {t('exportSavedLabel')}
        </span>
        <div class="button-row" role="group" aria-labelledby="export-saved-label">
          <button type="button" class="button secondary" onClick={() => void exportSaved('bibtex')}>
            {exportT('exportBibtex')}
          </button>
          <button type="button" class="button secondary" onClick={() => void exportSaved('json')}>
            {exportT('exportJson')}
          </button>
        </div>
        <p class={`form-message ${exportMessage.value?.tone ?? ''}`} role="status">
          {exportMessage.value?.text ?? ''}
        </p>
      </div>
      <div class="setting">
        <label for="import-file">{t('importLabel')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="import-help"
          disabled={importing.value}
          onChange={(event) => void importFile(event.currentTarget)}
        />
        <p id="import-help" class="help">
          {t('importHelp', { max: megabytes(MAX_IMPORT_BYTES) })}
        </p>
        <p class={`form-message ${importMessage.value?.tone ?? ''}`} role="status">
          {importing.value ? t('importing') : (importMessage.value?.text ?? '')}
        </p>
      </div>
      <p class="help shortcut-help">{shortcut.value ? t('shortcutHelp', { key: shortcut.value }) : t('shortcutUnset')}</p>
    </section>
  );
}
