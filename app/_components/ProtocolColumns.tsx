'use client';
import { useMemo } from 'react';
import type { Timeline } from '@/simulations/seek';
import type { Frame, Protocol } from '@/simulations/types';
import { headLinesOf } from './lifeline-status';
import { ProtocolColumn } from './ProtocolColumn';
import { columnWaits } from './story-event';
import styles from './compare.module.css';
import layout from './layout.module.css';

const PROTOCOLS = ['pop3', 'imap'] as const;

/**
 * Both protocols' columns, side by side (`#diagrams`, the skip link's target). On a narrow
 * screen one shows at a time, chosen by ProtocolSwitch (CSS hides the other, by `data-shown`;
 * wide screens show both). The eavesdropper's panel opens in both columns or in
 * neither, so the diagrams stay level. Both choices are the page's (they outlast a change of
 * scenario, while these columns wait for its timeline).
 */
export function ProtocolColumns(props: {
  timeline: Timeline;
  /** Each protocol's frame at the current step. */
  frames: { pop3: Frame; imap: Frame };
  /** The step whose explanation is open in each column, if any. */
  selected: { pop3: number | null; imap: number | null };
  onSelect: { pop3: (step: number | null) => void; imap: (step: number | null) => void };
  /** Seek to this frame of this protocol's track and explain it. */
  onChoose: (protocol: Protocol, step: number) => void;
  /** The storage meters' scale (serverCapacity: the most the server stores in the run, plus room). */
  capacity: number;
  /** How long one step lasts at the current speed, in milliseconds. */
  stepMs: number;
  /** Changes at each jump (not a single step): the stores then show the new state without motion. */
  generation: number;
  /** Presenter mode. */
  presenting: boolean;
  /** The protocol shown on a narrow screen (ProtocolSwitch chooses it). */
  shown: Protocol;
  /** The eavesdropper's panel is open. */
  eavesdropping: boolean;
  onEavesdrop: (open: boolean) => void;
  /** The step shown (each column says when it puts no new line on the wire there). */
  step: number;
}) {
  const { shown, timeline } = props;
  const headLines = useMemo(() => headLinesOf(timeline.tracks.pop3, timeline.tracks.imap), [timeline]);
  return (
    <div
      id="diagrams"
      tabIndex={-1}
      className={`${styles.columns} ${layout.columns}`}
      data-shown={shown}
      data-export-frame
    >
      {PROTOCOLS.map((p) => (
        <ProtocolColumn
          key={p}
          protocol={p}
          frames={props.timeline.tracks[p]}
          frame={props.frames[p]}
          capacity={props.capacity}
          stepMs={props.stepMs}
          selected={props.selected[p]}
          onSelect={props.onSelect[p]}
          onChoose={props.onChoose}
          generation={props.generation}
          spotlight={props.presenting}
          eavesdropping={props.eavesdropping}
          onEavesdrop={props.onEavesdrop}
          waits={columnWaits(props.timeline, props.step, p)}
          headLines={headLines}
        />
      ))}
    </div>
  );
}
