'use client';
import { lazy, Suspense, useState, type KeyboardEvent } from 'react';
import type { Timeline } from '@/simulations/seek';
import type { WhatIf } from './branch-story';
import styles from './primitives.module.css';

const load = () => import('./WhatIfMenuLoaded');
const WhatIfMenuLoaded = lazy(load);

/**
 * "What if…": a menu of faults and actions to insert after the entry shown at `step` (see
 * branch-story.ts). Like the Export menu, the page first draws a plain button; the React Aria
 * menu (`WhatIfMenuLoaded`, with the story code it needs) loads when a pointer or focus comes
 * near it and replaces the button, open, on first use. Disabled until a run is on screen.
 */
export function WhatIfMenu({
  timeline,
  step,
  devices,
  onChoose,
}: {
  /** The run on screen, or null while one loads. */
  timeline: Timeline | null;
  step: number;
  /** The story's devices (names and kinds). */
  devices: readonly { readonly name: string; readonly kind: string }[];
  onChoose: (choice: WhatIf) => void;
}) {
  const [openAt, setOpenAt] = useState<'first' | 'last' | null>(null);
  // The last run shown: while a branch is being run the menu stays (and keeps the focus).
  const [kept, setKept] = useState(timeline);
  if (timeline !== null && timeline !== kept) setKept(timeline);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    setOpenAt(e.key === 'ArrowUp' ? 'last' : 'first');
  };
  const placeholder = (
    <button
      type="button"
      className={styles.button}
      aria-haspopup="menu"
      aria-expanded={false}
      disabled={kept === null}
      onPointerEnter={() => void load()}
      onFocus={() => void load()}
      onClick={() => setOpenAt('first')}
      onKeyDown={onKeyDown}
    >
      What if…
    </button>
  );
  if (openAt === null || kept === null) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <WhatIfMenuLoaded timeline={kept} step={step} devices={devices} onChoose={onChoose} openAt={openAt} />
    </Suspense>
  );
}
