'use client';
import { lazy, Suspense, useState, type KeyboardEvent } from 'react';
import type { Prediction } from '@/simulations/predictions';
import type { Timeline } from '@/simulations/seek';
import styles from './primitives.module.css';

const load = () => import('./ExportMenuLoaded');

const ExportMenuLoaded = lazy(load);

/**
 * The run as files: each protocol's sequence diagram at this step as SVG or PNG (the scene the
 * page draws), a transcript to read, a Mermaid diagram to paste into docs, a picture, a handout. The page first draws a plain button; the React Aria menu (`ExportMenuLoaded`) loads
 * when a pointer or focus comes near it and replaces the button, open, on first use.
 */
export function ExportMenu({
  timeline,
  step,
  variant = null,
  story,
  title,
  predictions,
}: {
  timeline: Timeline;
  step: number;
  /** The variant shown, named in the diagrams' file names. */
  variant?: string | null;
  /** The `?story=` value of the linked story shown, if one is: its handout is /handout/?story=. */
  story?: string;
  /** The story's title (named in the quiz files). */
  title: string;
  /** The story's prediction prompts, offered as quiz files when there are any. */
  predictions?: readonly Prediction[];
}) {
  const [openAt, setOpenAt] = useState<'first' | 'last' | null>(null);
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
      onPointerEnter={() => void load()}
      onFocus={() => void load()}
      onClick={() => setOpenAt('first')}
      onKeyDown={onKeyDown}
    >
      Export
    </button>
  );
  if (openAt === null) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <ExportMenuLoaded
        timeline={timeline}
        step={step}
        variant={variant}
        story={story}
        title={title}
        predictions={predictions}
        openAt={openAt}
      />
    </Suspense>
  );
}
