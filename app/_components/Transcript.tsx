'use client';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Frame } from '@/simulations/types';
import { displayText, firstLine, toneOf } from './frame-text';
import { LineTokens } from './LineTokens';
import styles from './compare.module.css';

/** Lines shown before "Show earlier lines". */
const RECENT_LINES = 40;

/**
 * The exact wire lines so far, `C:` from the client and `S:` from the server, the current one
 * highlighted. Choosing a line shows what it means.
 */
export function Transcript(props: {
  protocol: string;
  frames: readonly Frame[];
  current: Frame;
  selected: number | null;
  onSelect: (step: number | null) => void;
}) {
  const { protocol, frames, current, selected, onSelect } = props;
  const listRef = useRef<HTMLOListElement>(null);
  const [showAll, setShowAll] = useState(false);
  const wire = frames.filter((f) => f.direction !== 'none' && f.step <= current.step);
  // Long runs keep the page quick: the latest lines, and the earlier ones on request.
  const hidden = showAll ? 0 : Math.max(0, wire.length - RECENT_LINES);
  const visible = hidden ? wire.slice(hidden) : wire;

  // Keep the newest line in view without scrolling the page itself.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list) return;
    if (!item) {
      // A note step (no wire unit): show the latest lines.
      list.scrollTop = list.scrollHeight;
      return;
    }
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top - list.clientHeight + item.offsetHeight + 8;
    }
  }, [current.step]);

  const shown =
    frames.find((f) => f.step === selected) ??
    (current.direction !== 'none' ? current : wire[wire.length - 1]);

  return (
    <div className={styles.transcript}>
      <h3 className={styles.panelTitle}>Transcript</h3>
      {hidden > 0 && (
        <button type="button" className={styles.linkButton} onClick={() => setShowAll(true)}>
          Show {hidden} earlier lines
        </button>
      )}
      <ol ref={listRef} className={styles.lines} aria-label={`${protocol} transcript`}>
        {visible.map((frame) => (
          <TranscriptLine
            key={frame.step}
            frame={frame}
            current={frame.step === current.step}
            selected={frame.step === selected}
            onSelect={onSelect}
          />
        ))}
        {wire.length === 0 && <li className={styles.empty}>Nothing on the wire yet.</li>}
      </ol>
      {shown && <LineDetails frame={shown} frames={frames} />}
    </div>
  );
}

/** One line; memoised, since a step changes at most two lines of a long transcript. */
const TranscriptLine = memo(function TranscriptLine(props: {
  frame: Frame;
  current: boolean;
  selected: boolean;
  onSelect: (step: number | null) => void;
}) {
  const { frame, current, selected, onSelect } = props;
  const lines = displayText(frame).split('\r\n').length - 1;
  return (
    <li>
      <button
        type="button"
        className={`${styles.line} ${styles[`tone-text-${toneOf(frame)}`]}`}
        aria-current={current ? 'step' : undefined}
        aria-pressed={selected}
        onClick={() => onSelect(selected ? null : frame.step)}
      >
        <span className={styles.linePrefix}>
          {frame.device} {frame.direction === 'c2s' ? 'C:' : 'S:'}
        </span>{' '}
        <span className={styles.lineText}>{firstLine(frame)}</span>
        {lines > 1 && <span className={styles.more}> +{lines - 1} lines</span>}
      </button>
    </li>
  );
});

/**
 * The chosen line: what it means and the RFC section (carried by the timeline), its bytes and
 * state, and its parts as buttons that explain themselves.
 */
function LineDetails({ frame, frames }: { frame: Frame; frames: readonly Frame[] }) {
  const before = useMemo(() => frames.slice(0, frame.step), [frames, frame.step]);
  return (
    <div className={styles.details}>
      <p className={styles.detailsHead}>
        <strong>{frame.direction === 'c2s' ? 'Client → server' : 'Server → client'}</strong>
        {frame.command ? ` · ${frame.command}` : ''} · {frame.bytes} bytes
        {frame.rfc ? ` · ${frame.rfc}` : ''}
      </p>
      <p>{frame.explanation ? sentence(frame.explanation) : frame.narration}</p>
      <p className={styles.stateLine}>
        State: {frame.stateBefore}
        {frame.stateAfter !== frame.stateBefore ? ` → ${frame.stateAfter}` : ''}
      </p>
      <LineTokens key={`${frame.protocol}-${frame.step}`} frame={frame} before={before} />
    </div>
  );
}

/** A command's explanation is a phrase ("download message 2 in full"); a reply's, sentences. */
function sentence(s: string): string {
  const capital = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
