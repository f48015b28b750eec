// Follows the Language setting in any context (background or page): resolves it against the
// browser's UI language, sets the current locale, and says when it changed.
import { browser } from 'wxt/browser';
import { resolveLocale, setLocale } from './locale';
import { languageSetting } from './settings';

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

export function applyLanguage(choice: unknown, ui: () => string = uiLanguage): void {
  setLocale(resolveLocale(typeof choice === 'string' ? choice : undefined, ui()));
}

/** Applies the stored Language choice, then every change to it, and calls `onChange` after a change. */
export function followLanguage(onChange: (choice: unknown) => void = () => undefined, ui: () => string = uiLanguage): LanguageFollower {
  let latest: { choice: unknown } | undefined;
  const stop = languageSetting.watch((choice) => {
    latest = { choice };
    applyLanguage(choice, ui);
    onChange(choice);
  });
  const ready = languageSetting.getValue().then(
    (choice) => {
      // A change seen while reading is newer than the value read.
      if (latest) return latest.choice;
      applyLanguage(choice, ui);
      return choice;
    },
    () => undefined,
  );
  return { ready, stop };
}
