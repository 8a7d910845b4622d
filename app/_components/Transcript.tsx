'use client';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { smtpStateWords } from '@/lib/smtp/state-words';
import type { Frame } from '@/simulations/types';
import { displayText, firstLine, linesWord, toneOf } from './frame-text';
import { LineTokens } from './LineTokens';
import { useKeptFocus } from './use-kept-focus';
import styles from './compare.module.css';
import layout from './layout.module.css';
import { GlossaryText } from './GlossaryText';

/** Estimated height of one transcript line, in CSS pixels (rows are measured once drawn). */
const LINE_PX = 24;

/**
 * The exact wire lines so far, `C:` from the client and `S:` from the server, the current one
 * highlighted. Choosing a line shows what it means. Long runs are virtualized: only the lines
 * in view (and a few around them) are in the DOM, so a run of thousands of lines stays quick.
 * As in the diagram, the list is one Tab stop (the chosen line, else the newest) and ↑/↓ move
 * between its lines, drawn or not yet (the view scrolls to the line, then it takes the focus).
 */
export function Transcript(props: {
  protocol: string;
  frames: readonly Frame[];
  current: Frame;
  selected: number | null;
  onSelect: (step: number | null) => void;
}) {
  const { protocol, frames, current, selected, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const wire = useMemo(
    () => frames.filter((f) => f.direction !== 'none' && f.step <= current.step),
    [frames, current.step],
  );
  // The chosen line, else the newest (also when the chosen item is no wire line: a break).
  const chosen = selected !== null ? wire.findIndex((f) => f.step === selected) : -1;
  const focusIndex = chosen >= 0 ? chosen : wire.length - 1;
  // The line holding the Tab stop: the one ↑/↓ last moved to, until a step or a choice puts it
  // back on the chosen line, else the newest.
  const [moved, setMoved] = useState<number | null>(null);
  const [basis, setBasis] = useState({ step: current.step, selected });
  if (basis.step !== current.step || basis.selected !== selected) {
    setBasis({ step: current.step, selected });
    setMoved(null);
  }
  const stop = moved !== null && moved < wire.length ? moved : focusIndex;

  // The virtualizer's functions change as it measures: this component is not auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: wire.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_PX,
    overscan: 10,
    // The Tab stop's line is always drawn, wherever the list is scrolled: Tab always reaches it.
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range);
      return stop < 0 || rows.includes(stop) ? rows : [...rows, stop].sort((a, b) => a - b);
    },
  });

  // Keep the chosen line, else the newest, in view without scrolling the page itself.
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  const { ref: listRef, handlers: focusHandlers, lost: focusLost } = useKeptFocus<HTMLOListElement>();
  /** Focuses line `index` once the virtualizer has drawn it (a frame or two after a scroll). */
  const focusLine = (index: number, tries = 10) => {
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"] button`);
    if (button) button.focus();
    else if (tries > 0) requestAnimationFrame(() => focusLine(index, tries - 1));
  };
  // A step (←, →, playing) can remove the focused line, or scroll it out of the drawn rows: the
  // focus then moves to the Tab stop, not to the page.
  useLayoutEffect(() => {
    if (stop >= 0 && focusLost()) focusLine(stop);
  });

  const onListKey = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    // From the focused line (a choice toggled off leaves the focus where it was).
    const row = document.activeElement?.closest('[data-index]')?.getAttribute('data-index');
    const at = row !== null && row !== undefined ? Number(row) : stop;
    const next = Math.max(0, Math.min(wire.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
    setMoved(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusLine(next);
  };

  const shown =
    frames.find((f) => f.step === selected) ??
    (current.direction !== 'none' ? current : wire[wire.length - 1]);

  return (
    <div className={`${styles.transcript} ${layout.transcript}`}>
      <h3 className={styles.panelTitle}>Transcript</h3>
      {/* As the RFCs write their examples: RFC 9051 §1.2 (and RFC 3501 §1.2) say so; RFC 1939 §10
          and RFC 5321 Appendix D write theirs so. */}
      <p className={layout.transcriptKey}>C: the client sends · S: the server sends</p>
      <div ref={scrollRef} className={layout.transcriptScroll}>
        <ol
          className={layout.transcriptLines}
          ref={listRef}
          aria-label={`${protocol} transcript`}
          onKeyDown={onListKey}
          {...focusHandlers}
          style={{ height: wire.length ? virtualizer.getTotalSize() : undefined }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const frame = wire[row.index]!;
            return (
              <li
                key={frame.step}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className={layout.transcriptRow}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <TranscriptLine
                  frame={frame}
                  current={frame.step === current.step}
                  selected={frame.step === selected}
                  tabbable={row.index === stop}
                  onSelect={onSelect}
                />
              </li>
            );
          })}
          {wire.length === 0 && <li className={styles.empty}>Nothing on the wire yet.</li>}
        </ol>
      </div>
      {shown && <LineDetails frame={shown} frames={frames} />}
    </div>
  );
}

/** One line; memoised, since a step changes at most two lines of a long transcript. */
const TranscriptLine = memo(function TranscriptLine(props: {
  frame: Frame;
  current: boolean;
  selected: boolean;
  /** This line holds the list's one Tab stop. */
  tabbable: boolean;
  onSelect: (step: number | null) => void;
}) {
  const { frame, current, selected, onSelect } = props;
  const lines = displayText(frame).split('\r\n').length - 1;
  return (
    <>
      <button
        type="button"
        className={`${styles.line} ${styles[`tone-text-${toneOf(frame)}`]}`}
        aria-current={current ? 'step' : undefined}
        aria-pressed={selected}
        tabIndex={props.tabbable ? 0 : -1}
        onClick={() => onSelect(selected ? null : frame.step)}
      >
        <span className={styles.linePrefix}>
          {frame.device} {frame.direction === 'c2s' ? 'C:' : 'S:'}
        </span>{' '}
        <span className={styles.lineText}>{firstLine(frame)}</span>
        {lines > 1 && <span className={styles.more}> +{linesWord(lines - 1)}</span>}
      </button>
    </>
  );
});

/**
 * The chosen line: what it means and the RFC section (carried by the timeline), its bytes and
 * state, and its parts as buttons that explain themselves.
 */
export function LineDetails({ frame, frames }: { frame: Frame; frames: readonly Frame[] }) {
  const before = useMemo(() => frames.slice(0, frame.step), [frames, frame.step]);
  return (
    <div className={styles.details}>
      <p className={styles.detailsHead}>
        <strong>{frame.direction === 'c2s' ? 'Client → server' : 'Server → client'}</strong>
        {frame.command ? ` · ${frame.command}` : ''} · {frame.bytes} bytes
        {frame.rfc ? ` · ${frame.rfc}` : ''}
      </p>
      <p>
        {/* Jargon links to the glossary at its first use in the explanation. */}
        <GlossaryText text={frame.explanation ? sentence(frame.explanation) : frame.narration} />
      </p>
      <p className={styles.stateLine}>
        {/* SMTP's states in words (smtpStateWords); POP3's and IMAP's are their RFCs' names. */}
        State: {stateWords(frame, frame.stateBefore)}
        {frame.stateAfter !== frame.stateBefore ? ` → ${stateWords(frame, frame.stateAfter)}` : ''}
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

/** A state as the transcript shows it: an SMTP line's in words, else the protocol's own name. */
function stateWords(frame: Frame, state: string | null | undefined): string {
  return state && frame.wire === 'smtp' ? smtpStateWords(state) : (state ?? '');
}
