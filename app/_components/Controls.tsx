'use client';
import type { ReactNode } from 'react';
import { SPEEDS, type Speed } from './url-state';
import styles from './compare.module.css';

/**
 * The player: Restart, Step back, Play/Pause, Step forward, the timeline (a slider over the run's
 * steps, 0-based, a tick where each story event begins), the speed and, as `children`, What if…. Under
 * 760 px the step buttons show short labels ("Back", "Forward"; their accessible names stay the
 * long ones) and the timeline's and speed's labels are for screen readers only, so that the
 * player takes two rows of a phone's sticky step bar.
 */
export function Controls(props: {
  step: number;
  lastStep: number;
  playing: boolean;
  speed: Speed;
  ticks: readonly number[];
  stepLabel: string;
  onPlay: () => void;
  onStep: (step: number) => void;
  onSpeed: (speed: Speed) => void;
  /** More controls at the end of the row (the What if… menu). */
  children?: ReactNode;
}) {
  const { step, lastStep, playing } = props;
  return (
    <div className={styles.controls} role="group" aria-label="Player">
      <button type="button" className={styles.button} onClick={() => props.onStep(0)} disabled={step === 0}>
        Restart
      </button>
      <button
        type="button"
        className={styles.button}
        onClick={() => props.onStep(step - 1)}
        disabled={step === 0}
        aria-label="Step back"
      >
        <span aria-hidden="true">◀ </span>
        <span className={styles.longLabel}>Step back</span>
        <span className={styles.shortLabel}>Back</span>
      </button>
      <button type="button" className={`${styles.button} ${styles.primary}`} onClick={props.onPlay}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className={styles.button}
        onClick={() => props.onStep(step + 1)}
        disabled={step >= lastStep}
        aria-label="Step forward"
      >
        <span className={styles.longLabel}>Step forward</span>
        <span className={styles.shortLabel}>Forward</span>
        <span aria-hidden="true"> ▶</span>
      </button>
      <label className={styles.timeline}>
        <span className={styles.phoneHidden}>Timeline</span>
        <input
          // A new timeline gets a new slider: when max shrinks (while the next timeline loads) the
          // browser clamps the value behind React's back, and React would then miss the next change.
          key={lastStep}
          type="range"
          min={0}
          max={lastStep}
          value={step}
          list="timeline-ticks"
          aria-valuetext={props.stepLabel}
          onChange={(e) => props.onStep(Number(e.target.value))}
        />
        <datalist id="timeline-ticks">
          {props.ticks.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label className={styles.speed}>
        <span className={styles.phoneHidden}>Speed</span>
        <select value={props.speed} onChange={(e) => props.onSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className={styles.counter} aria-hidden="true">
        {step + 1} / {lastStep + 1}
      </span>
      {props.children}
    </div>
  );
}
