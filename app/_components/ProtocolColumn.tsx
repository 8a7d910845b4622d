'use client';
import {
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { Frame, Protocol } from '@/simulations/types';
import { ColumnNarration } from './ColumnNarration';
import { DevicesPanel } from './DevicesPanel';
import { Eavesdropper } from './Eavesdropper';
import { firstLine } from './frame-text';
import { SequenceDiagram } from './SequenceDiagram';
import { sessionState } from './session-state';
import { ServerPanel } from './ServerPanel';
import { useKeptFocus } from './use-kept-focus';
import { LineDetails, Transcript } from './Transcript';
import styles from './compare.module.css';
import layout from './layout.module.css';

const NAMES: Record<Protocol, string> = { pop3: 'POP3', imap: 'IMAP' };
type View = 'diagram' | 'transcript';

/**
 * One protocol's side: the sequence diagram (or, one click away, the transcript text) and the
 * stores beside it. Choosing an arrow seeks to it and opens its explanation under the picture.
 */
export function ProtocolColumn(props: {
  protocol: Protocol;
  frames: readonly Frame[];
  frame: Frame;
  capacity: number;
  stepMs: number;
  selected: number | null;
  onSelect: (step: number | null) => void;
  /** Seek to this frame of this protocol's track and explain it. */
  onChoose: (protocol: Protocol, step: number) => void;
  /** Changes at each jump (not a single step): the stores then show the new state without motion. */
  generation: number;
  /** Presenter mode: the diagram large, the current wire line spelled out for the back of the room. */
  spotlight?: boolean;
  /** The eavesdropper's panel is open (in both columns at once, so the diagrams stay level). */
  eavesdropping: boolean;
  onEavesdrop: (open: boolean) => void;
  /** This column puts no new line on the wire at this step (columnWaits in story-event.ts). */
  waits?: boolean;
  /** Lines of status the diagram's heads have room for: headLinesOf the tracks shown side by side. */
  headLines: number;
}) {
  const { protocol, frames, frame, onChoose } = props;
  const name = NAMES[protocol];
  const state = sessionState(frames, frame);
  const [view, setView] = useState<View>('diagram');
  const id = useId();
  // The store panels highlight what this step changed, against the previous frame of this protocol.
  // A column that waits at this step shows the frame it showed at the step before: nothing in it
  // changed now, so nothing is highlighted (its own step's change was, when it happened).
  const previous = !props.waits && frame.step > 0 ? frames[frame.step - 1] : undefined;
  // The parent's handler changes at every step; the diagram's rows get one that does not, so a
  // step re-renders only the rows it changed (they are memoised on their props).
  const latestChoose = useRef(onChoose);
  useLayoutEffect(() => {
    latestChoose.current = onChoose;
  });
  const choose = useCallback((step: number) => latestChoose.current(protocol, step), [protocol]);
  const chosen = props.selected !== null ? frames[props.selected] : undefined;
  const mainRef = useRef<HTMLDivElement>(null);
  // Closing an explanation (its Close button, or Escape in the diagram or the box) gives the
  // focus back to the arrow explained: the Close button leaves with the box.
  const closeExplanation = () => {
    const arrow = mainRef.current?.querySelector<HTMLElement>(`button[data-item="${props.selected}"]`);
    if (arrow && mainRef.current?.contains(document.activeElement)) arrow.focus();
    props.onSelect(null);
  };
  // A step (← →) also closes it: if the focus was in the box, it goes to the diagram's Tab stop.
  const { ref: explainRef, handlers: explainHandlers, lost: explainLost } = useKeptFocus<HTMLDivElement>();
  useLayoutEffect(() => {
    if (!chosen && explainLost())
      mainRef.current?.querySelector<HTMLElement>('ol button[data-item][tabindex="0"]')?.focus();
  }, [chosen, explainLost]);
  const onMainKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !chosen || view !== 'diagram') return;
    // The explanation closes, and nothing else (presenter mode stays).
    e.preventDefault();
    e.stopPropagation();
    closeExplanation();
  };
  // The stores move only when this frame follows the one shown before; a frame reached by a jump
  // (the generation changed) shows its state at once, until the next step.
  const [jump, setJump] = useState({ generation: props.generation, step: frame.step });
  if (jump.generation !== props.generation) setJump({ generation: props.generation, step: frame.step });
  const still = jump.generation !== props.generation || jump.step === frame.step;

  const views: [View, string][] = [
    ['diagram', 'Diagram'],
    ['transcript', 'Transcript'],
  ];
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    // The arrows move between the tabs here, not through the story.
    e.preventDefault();
    e.stopPropagation();
    const next: View = view === 'diagram' ? 'transcript' : 'diagram';
    setView(next);
    document.getElementById(`${id}-${next}-tab`)?.focus();
  };

  return (
    <section
      aria-labelledby={`${protocol}-heading`}
      className={`${styles.column} ${layout.column}`}
      data-protocol={protocol}
    >
      <div className={layout.columnHead}>
        <h2 id={`${protocol}-heading`} className={styles.columnTitle}>
          {name}
        </h2>
        {state && (
          <p className={layout.state} data-part="session-state">
            Session state: {state}
          </p>
        )}
        <div
          role="tablist"
          aria-label={`${name} view`}
          className={layout.tabs}
          onKeyDown={onTabKey}
          data-part="view-tabs"
        >
          {views.map(([v, label]) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`${id}-${v}-tab`}
              aria-selected={view === v}
              aria-controls={`${id}-panel`}
              tabIndex={view === v ? 0 : -1}
              className={layout.tab}
              onClick={() => setView(v)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {/* On wide screens the stores stand beside all of this, from the narration down, so that
          each store has the room to show what it holds in a 720 px window (layout.module.css). */}
      <div className={layout.body}>
        <div className={layout.lead}>
          <ColumnNarration text={frame.narration} waits={props.waits} />
          {props.spotlight &&
            (frame.direction !== 'none' ? (
              <p className={styles.spotlight} data-testid={`${protocol}-spotlight`}>
                {frame.direction === 'c2s' ? 'C: ' : 'S: '}
                {firstLine(frame)}
              </p>
            ) : (
              // No line on the wire at this step: the box keeps its place, so that the two
              // diagrams stay level (and do not move) as the steps go by.
              <p className={styles.spotlight} aria-hidden="true" style={{ visibility: 'hidden' }} />
            ))}
          {/* Presenter mode is the diagram, large (the spotlight shows the line on the wire). */}
          {!props.spotlight && (
            <Eavesdropper
              protocol={name}
              frames={frames}
              frame={frame}
              open={props.eavesdropping}
              onToggle={props.onEavesdrop}
            />
          )}
          <div
            ref={mainRef}
            className={layout.main}
            role="tabpanel"
            id={`${id}-panel`}
            aria-labelledby={`${id}-${view}-tab`}
            onKeyDown={onMainKey}
          >
            {view === 'diagram' ? (
              <>
                <SequenceDiagram
                  protocol={protocol}
                  frames={frames}
                  current={frame.step}
                  selected={props.selected}
                  onChoose={choose}
                  stepMs={props.stepMs}
                  large={props.spotlight}
                  headLines={props.headLines}
                />
                {chosen && (
                  <div
                    className={layout.explain}
                    role="region"
                    aria-label={`${name} line explained`}
                    ref={explainRef}
                    {...explainHandlers}
                  >
                    <button
                      type="button"
                      className={`${styles.linkButton} ${layout.close}`}
                      onClick={closeExplanation}
                    >
                      Close
                    </button>
                    <LineDetails frame={chosen} frames={frames} />
                  </div>
                )}
              </>
            ) : (
              <Transcript
                protocol={name}
                frames={frames}
                current={frame}
                selected={props.selected}
                onSelect={props.onSelect}
              />
            )}
          </div>
        </div>
        {/* How many devices: under a diagram, the stores keep room for each one's heading and first
            message (layout.module.css). */}
        <div className={layout.stores} style={{ '--devices': frame.devices.length } as CSSProperties}>
          <ServerPanel
            server={frame.server}
            previous={previous?.server}
            capacity={props.capacity}
            still={still}
          />
          <DevicesPanel
            devices={frame.devices}
            previous={previous?.devices}
            server={frame.server}
            protocol={name}
            still={still}
          />
        </div>
      </div>
    </section>
  );
}
