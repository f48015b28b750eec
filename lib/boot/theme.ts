// The Theme setting, applied as `data-theme` on <html>: components/shared/theme.css picks its colours
// with light-dark(), which follows `color-scheme`, so "system" keeps the media query's answer.

const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** A stored value from another version or device may be anything: unknown means system. */
function themeOf(value: unknown): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(value: unknown, root: HTMLElement = document.documentElement): void {
  const theme = themeOf(value);
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
