export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'pop-vs-imap-theme';

/** Storage can throw (sandboxed iframes, private modes): the theme then just is not remembered. */
export function loadTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, choice);
  } catch {
    // Not remembered; still applied.
  }
}

/** Runs before first paint (inlined in the layout) so a stored theme does not flash. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
