'use client';
import type { Frame, Protocol } from '@/simulations/types';
import { DevicesPanel } from './DevicesPanel';
import { firstLine } from './frame-text';
import { ServerPanel } from './ServerPanel';
import { Transcript } from './Transcript';
import { WireLanes } from './WireLanes';
import styles from './compare.module.css';

const NAMES: Record<Protocol, string> = { pop3: 'POP3', imap: 'IMAP' };

/** One protocol's side: server, network, devices, transcript. */
export function ProtocolColumn(props: {
  protocol: Protocol;
  frames: readonly Frame[];
  frame: Frame;
  capacity: number;
  stepMs: number;
  selected: number | null;
  onSelect: (step: number | null) => void;
  generation: number;
  /** Presenter mode: the current wire line, large, for the back of the room. */
  spotlight?: boolean;
}) {
  const { protocol, frames, frame } = props;
  const name = NAMES[protocol];
  const state = lastState(frames, frame);
  // The store panels highlight what this step changed, against the previous frame of this protocol.
  const previous = frame.step > 0 ? frames[frame.step - 1] : undefined;
  return (
    <section aria-labelledby={`${protocol}-heading`} className={styles.column} data-protocol={protocol}>
      <h2 id={`${protocol}-heading`} className={styles.columnTitle}>
        {name}
      </h2>
      <p className={styles.columnNarration}>{frame.narration}</p>
      {state && <p className={styles.protocolState}>Session state: {state}</p>}
      {props.spotlight && frame.direction !== 'none' && (
        <p className={styles.spotlight} data-testid={`${protocol}-spotlight`}>
          {frame.direction === 'c2s' ? 'C: ' : 'S: '}
          {firstLine(frame)}
        </p>
      )}
      <ServerPanel
        server={frame.server}
        previous={previous?.server}
        capacity={props.capacity}
        generation={props.generation}
      />
      <WireLanes frame={frame} devices={frame.devices} durationMs={props.stepMs} />
      <DevicesPanel
        devices={frame.devices}
        previous={previous?.devices}
        server={frame.server}
        protocol={name}
        generation={props.generation}
      />
      <Transcript
        protocol={name}
        frames={frames}
        current={frame}
        selected={props.selected}
        onSelect={props.onSelect}
      />
    </section>
  );
}

/** The protocol state after the latest wire unit so far (AUTHORIZATION, Selected…). */
function lastState(frames: readonly Frame[], frame: Frame): string | null {
  for (let i = frame.step; i >= 0; i--) {
    const f = frames[i]!;
    if (f.stateAfter) return `${f.stateAfter} (${f.device})`;
  }
  return null;
}
