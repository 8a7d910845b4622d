'use client';
import { useEffect, useId, useState } from 'react';
import { applyTheme, loadTheme, type ThemeChoice } from './theme';
import styles from './primitives.module.css';

const CHOICES: [ThemeChoice, string][] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/**
 * Light, dark, or following the system; remembered when storage allows. A segmented toggle
 * made of native radio buttons (the arrows move between the choices and pick one, as in any
 * radio group): it is on every page's first screen, where React Aria's toggle group would add
 * about 20 kB of script for what the browser already does.
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<ThemeChoice>('system');
  const id = useId();
  // eslint-disable-next-line react-hooks/set-state-in-effect -- storage is only readable after hydration
  useEffect(() => setTheme(loadTheme()), []);
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} className={styles.group}>
      <span id={`${id}-label`} className={styles.groupLabel}>
        Theme
      </span>
      {CHOICES.map(([value, text]) => (
        <label key={value} className={styles.toggle}>
          <input
            type="radio"
            name={`${id}-theme`}
            value={value}
            checked={theme === value}
            onChange={() => {
              setTheme(value);
              applyTheme(value);
            }}
          />
          {text}
        </label>
      ))}
    </div>
  );
}
