'use client';
import { useMemo, useState } from 'react';
import type { Timeline } from '@/simulations/seek';
import type { Story } from '@/simulations/stories/schema';
import type { Frame, Protocol } from '@/simulations/types';
import { branchNarration } from './branch-narration';
import { firstLine } from './frame-text';
import styles from './what-if.module.css';

/** Wire lines shown per run: enough to see the two part; the columns show the rest. */
const MAX_LINES = 60;

interface Line {
  readonly frame: Frame;
  readonly key: string;
}

/** A column's wire units from step `from` on (notes left out), at most `MAX_LINES`. */
function linesFrom(timeline: Timeline, protocol: Protocol, from: number): Line[] {
  const start = timeline.steps[from]?.[protocol] ?? timeline.tracks[protocol].length;
  return timeline.tracks[protocol]
    .slice(start)
    .filter((f) => f.direction !== 'none')
    .slice(0, MAX_LINES)
    .map((frame) => ({ frame, key: `${frame.device}|${frame.direction}|${frame.display}` }));
}

/** The index of the first line that differs (or that one run has and the other not); -1: none. */
function firstDifference(a: readonly Line[], b: readonly Line[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i]?.key !== b[i]?.key) return i;
  return -1;
}

function Lines({
  label,
  lines,
  differ,
  current,
  testId,
}: {
  label: string;
  lines: readonly Line[];
  differ: number;
  /** The frame on screen in this run (its track index), marked as the current line. */
  current: number | null;
  testId: string;
}) {
  return (
    <section className={styles.run} aria-label={label}>
      <h3 className={styles.runTitle}>{label}</h3>
      {lines.length === 0 ? (
        <p className={styles.empty}>Nothing more goes on the wire.</p>
      ) : (
        // Focusable so that a keyboard can scroll it.
        <ol className={styles.lines} tabIndex={0} aria-label={`${label}: wire lines`} data-testid={testId}>
          {lines.map(({ frame }, i) => (
            <li
              key={frame.step}
              className={styles.line}
              data-direction={frame.direction}
              data-differs={i === differ || undefined}
              aria-current={frame.step === current ? 'step' : undefined}
            >
              {i === differ && <span className={styles.differs}>Differs from here: </span>}
              <span className={styles.who}>
                {frame.device ?? 'server'} {frame.direction === 'c2s' ? '→' : '←'}
              </span>{' '}
              <code>{firstLine(frame)}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * A What if… branch beside its original: both runs' wire lines from the step where they part,
 * for one protocol at a time, the first line that differs marked in both; a strip draws the two
 * timelines with the step they part at. `original` is null while it is being run.
 */
export function BranchCompare({
  story,
  timeline,
  original,
  step,
  pop3,
  imap,
  onSeek,
}: {
  /** The branch (a story with `branch`). */
  story: Story;
  timeline: Timeline;
  original: { readonly timeline: Timeline; readonly url: string } | null;
  /** The step on screen, and the frames it shows in each column. */
  step: number;
  pop3: number;
  imap: number;
  onSeek: (step: number) => void;
}) {
  const marker = story.branch!;
  const from = marker.step;
  const [chosen, setChosen] = useState<Protocol | null>(null);
  const lines = useMemo(() => {
    const make = (p: Protocol) => {
      const branch = linesFrom(timeline, p, from);
      const before = original ? linesFrom(original.timeline, p, from) : [];
      return { branch, before, differ: original ? firstDifference(before, branch) : -1 };
    };
    return { pop3: make('pop3'), imap: make('imap') };
  }, [timeline, original, from]);
  // Show first the protocol whose wire lines differ, if only one does.
  const protocol: Protocol = chosen ?? (lines.pop3.differ < 0 && lines.imap.differ >= 0 ? 'imap' : 'pop3');
  const shown = lines[protocol];
  const total = timeline.steps.length;
  const originalTotal = original?.timeline.steps.length ?? total - 1;
  const widest = Math.max(total, originalTotal);
  const pct = (n: number) => `${(100 * n) / widest}%`;
  return (
    <section className={styles.panel} aria-labelledby="what-if-title" data-testid="what-if">
      <h2 id="what-if-title" className={styles.title}>
        What if… <span className={styles.what}>{branchNarration(story, timeline)}</span>
      </h2>
      <p className={styles.intro}>
        A branch of “{marker.from}”: the same run up to step {from}, then this, then the rest of the story. It
        parts from the original at step {from + 1}.{' '}
        <button type="button" className={styles.linkButton} onClick={() => onSeek(from)}>
          Go to step {from + 1}
        </button>
        {original && (
          <>
            {' · '}
            <a href={original.url}>Open the original</a>
          </>
        )}
      </p>
      <div className={styles.strip} aria-hidden="true" data-testid="what-if-strip">
        {(
          [
            ['Original', originalTotal, null],
            ['What if', total, step],
          ] as const
        ).map(([name, length, cursor]) => (
          <div key={name} className={styles.stripRow}>
            <span className={styles.stripName}>{name}</span>
            <span className={styles.stripTrack}>
              <span className={styles.shared} style={{ width: pct(from) }} />
              <span
                className={name === 'Original' ? styles.before : styles.after}
                style={{ left: pct(from), width: pct(length - from) }}
              />
              {cursor !== null && <span className={styles.cursor} style={{ left: pct(cursor) }} />}
            </span>
          </div>
        ))}
        <span className={styles.part} style={{ left: `calc(4.5rem + (100% - 4.5rem) * ${from / widest})` }}>
          step {from + 1}
        </span>
      </div>
      <p className={styles.stepNote} data-testid="what-if-position">
        {step < from
          ? `Step ${step + 1}: before the branch point, the two runs are the same.`
          : `Step ${step + 1} of the branch (the original has ${originalTotal}).`}
      </p>
      <div className={styles.switch} role="group" aria-label="Protocol compared">
        {(['pop3', 'imap'] as const).map((p) => (
          <button
            key={p}
            type="button"
            className={styles.toggle}
            aria-pressed={protocol === p}
            onClick={() => setChosen(p)}
          >
            {p === 'pop3' ? 'POP3' : 'IMAP'}
            {lines[p].differ < 0 && original ? ' (same lines)' : ''}
          </button>
        ))}
      </div>
      <div className={styles.runs}>
        {original ? (
          <Lines
            label={`Original, from step ${from + 1}`}
            lines={shown.before}
            differ={shown.differ}
            current={null}
            testId="what-if-original"
          />
        ) : (
          <p role="status" className={styles.empty}>
            Running the original…
          </p>
        )}
        <Lines
          label={`What if, from step ${from + 1}`}
          lines={shown.branch}
          differ={shown.differ}
          current={protocol === 'pop3' ? pop3 : imap}
          testId="what-if-branch"
        />
      </div>
    </section>
  );
}
