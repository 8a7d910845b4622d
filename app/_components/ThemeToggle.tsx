'use client';
import { useEffect, useId, useState } from 'react';
import { ToggleButton } from 'react-aria-components/ToggleButton';
import { ToggleButtonGroup } from 'react-aria-components/ToggleButtonGroup';
import { applyTheme, loadTheme, type ThemeChoice } from './theme';
import styles from './primitives.module.css';

const CHOICES: [ThemeChoice, string][] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/**
 * Light, dark, or following the system; remembered when storage allows. A React Aria toggle
 * group with one choice (a radio group: arrows move between the choices, Space or Enter picks).
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<ThemeChoice>('system');
  const label = useId();
  // eslint-disable-next-line react-hooks/set-state-in-effect -- storage is only readable after hydration
  useEffect(() => setTheme(loadTheme()), []);
  return (
    <div className={styles.group}>
      <span id={label} className={styles.groupLabel}>
        Theme
      </span>
      <ToggleButtonGroup
        aria-labelledby={label}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[theme]}
        onSelectionChange={(keys) => {
          const next = [...keys][0] as ThemeChoice | undefined;
          if (!next) return;
          setTheme(next);
          applyTheme(next);
        }}
        className={styles.groupButtons}
      >
        {CHOICES.map(([id, text]) => (
          <ToggleButton key={id} id={id} className={styles.toggle}>
            {text}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </div>
  );
}
