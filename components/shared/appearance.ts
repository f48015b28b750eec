import { effect, signal } from '@preact/signals';
import { loadLanguage } from '@/lib/i18n/ui';
import { applyLanguage, followLanguage, uiLanguage } from '@/lib/i18n/language';
import { currentLocale, installLocaleCell } from '@/lib/core/locale';
import { themeReader } from '@/lib/settings/appearance-readers';
import { applyTheme } from '@/lib/boot/theme';
// The localStorage key of the last choices seen, read synchronously before the first render.
import { APPEARANCE_HINT_KEY as APPEARANCE_HINT } from '@/lib/settings/keys';

export interface AppearanceDeps {
  root?: HTMLElement;
  /** The page's title, translated (re-read when the language changes). */
  title?: () => string;
  hints?: Pick<Storage, 'getItem' | 'setItem'>;
  ui?: () => string;
}

export interface Appearance {
  /** Resolves once the last choices seen are applied (their strings loaded): then render. */
  first: Promise<void>;
  /** Resolves once the synced settings are read and applied. */
  ready: Promise<void>;
  stop(): void;
}

interface Hint {
  language?: unknown;
  theme?: unknown;
}

/** localStorage, or nothing where the page may not use it (reading it can throw). */
function pageStorage(): AppearanceDeps['hints'] {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readHint(hints: AppearanceDeps['hints']): Hint {
  try {
    return (JSON.parse(hints?.getItem(APPEARANCE_HINT) ?? '{}') as Hint) ?? {};
  } catch {
    return {};
  }
}

/**
 * Language and theme for a page, applied at once and kept up to date. The synced settings take a
 * moment to read, so the last choices seen (a localStorage hint shared by the extension's pages)
 * are applied first: no flash of the wrong theme or language when a page opens. The locale lives
 * in a signal, so every component and computed that translated re-renders when it changes.
 */
export function startAppearance({ root = document.documentElement, title, hints = pageStorage(), ui = uiLanguage }: AppearanceDeps = {}): Appearance {
  const locale = signal(currentLocale());
  installLocaleCell({ get: () => locale.value, set: (next) => (locale.value = next) });

  const options = { ui, prepare: loadLanguage };
  const hint = readHint(hints);
  const first = applyLanguage(hint.language, options);
  applyTheme(hint.theme, root);
  const remember = (change: Hint) => {
    try {
      hints?.setItem(APPEARANCE_HINT, JSON.stringify({ ...readHint(hints), ...change }));
    } catch {
      // A hint only saves a flash; without storage the settings still apply a moment later.
    }
  };

  const stopTitle = effect(() => {
    root.lang = locale.value.tag;
    if (title) document.title = title();
  });

  const language = followLanguage((choice) => remember({ language: choice }), options);
  const setTheme = (theme: unknown) => {
    applyTheme(theme, root);
    remember({ theme });
  };
  const stopTheme = themeReader.watch(setTheme);
  const ready = Promise.all([language.ready.then((choice) => remember({ language: choice })), themeReader.getValue().then(setTheme, () => undefined)]).then(
    () => undefined,
  );
  return {
    first,
    ready,
    stop() {
      stopTitle();
      language.stop();
      stopTheme();
    },
  };
}
