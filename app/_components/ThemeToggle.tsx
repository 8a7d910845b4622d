'use client';
import { useEffect, useState } from 'react';
import { applyTheme, loadTheme, type ThemeChoice } from './theme';
import styles from './compare.module.css';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark, or following the system; remembered when storage allows. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<ThemeChoice>('system');
  // eslint-disable-next-line react-hooks/set-state-in-effect -- storage is only readable after hydration
  useEffect(() => setTheme(loadTheme()), []);
  return (
    <button
      type="button"
      className={styles.button}
      onClick={() => {
        const next = NEXT[theme];
        setTheme(next);
        applyTheme(next);
      }}
    >
      Theme: {LABEL[theme]}
    </button>
  );
}
