// Follows the Language setting in any context (background or page): resolves it against the
// browser's UI language, sets the current locale, and says when it changed.
import { browser } from 'wxt/browser';
import { resolveLocale, setLocale, type Language } from '../core/locale';
import { languageReader } from '../settings/appearance-readers';

/** The browser's UI language ("en-US"); navigator's where the i18n API is missing (tests). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return globalThis.navigator?.language ?? 'en';
  }
}

export interface LanguageFollower {
  /** Resolves with the choice applied once the stored one is read. */
  ready: Promise<unknown>;
  stop(): void;
}

export interface LanguageOptions {
  ui?: () => string;
  /** Loads a language's strings before it is switched to (pages load other languages on demand). */
  prepare?: (language: Language) => Promise<void>;
}

let generation = 0;

/** Switches to a Language choice; when several are made quickly, the last one wins. */
export async function applyLanguage(choice: unknown, { ui = uiLanguage, prepare }: LanguageOptions = {}): Promise<void> {
  const mine = ++generation;
  const locale = resolveLocale(typeof choice === 'string' ? choice : undefined, ui());
  await prepare?.(locale.language).catch(() => undefined);
  if (mine === generation) setLocale(locale);
}

/** Applies the stored Language choice, then every change to it, and calls `onChange` after a change. */
export function followLanguage(onChange: (choice: unknown) => void = () => undefined, options: LanguageOptions = {}): LanguageFollower {
  let latest: { choice: unknown } | undefined;
  const stop = languageReader.watch((choice) => {
    latest = { choice };
    void applyLanguage(choice, options).then(() => onChange(choice));
  });
  const ready = languageReader.getValue().then(
    async (choice) => {
      // A change seen while reading is newer than the value read.
      if (latest) return latest.choice;
      await applyLanguage(choice, options);
      return choice;
    },
    () => undefined,
  );
  return { ready, stop };
}
