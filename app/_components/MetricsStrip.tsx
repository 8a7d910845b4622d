import { memo, useMemo } from 'react';
import type { Timeline } from '@/simulations/seek';
import type { Frame, Protocol } from '@/simulations/types';
import { formatBytes, formatDuration } from './frame-text';
import layout from './layout.module.css';

const W = 56;
const H = 18;

/** Bytes on the wire (both ways) and round trips at each lockstep step of the run, per protocol. */
function seriesOf(timeline: Timeline, protocol: Protocol) {
  const track = timeline.tracks[protocol];
  const frames = timeline.steps.map((s) => track[s[protocol]]!);
  return {
    bytes: frames.map((f) => f.metrics.bytesDown + f.metrics.bytesUp),
    trips: frames.map((f) => f.metrics.roundTrips),
  };
}

/** A polyline of `values` over the whole run, scaled to `max` (shared by both protocols). */
function points(values: readonly number[], max: number): string {
  const n = Math.max(1, values.length - 1);
  return values
    .map((v, i) => `${((i / n) * W).toFixed(1)},${(H - 1 - (v / Math.max(1, max)) * (H - 2)).toFixed(1)}`)
    .join(' ');
}

/**
 * A sparkline of the run: the whole line is drawn once per timeline; only the clip that shows it
 * up to the current step changes. Decorative: the figure beside it says the number.
 */
const Sparkline = memo(function Sparkline(props: { line: string; upTo: number; protocol: Protocol }) {
  return (
    <svg className={layout.spark} width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      <line x1={0} x2={W} y1={H - 1} y2={H - 1} className={layout.sparkBase} />
      <polyline
        points={props.line}
        className={layout.sparkLine}
        data-protocol={props.protocol}
        style={{ clipPath: `inset(0 ${((1 - props.upTo) * 100).toFixed(2)}% 0 0)` }}
      />
    </svg>
  );
});

/**
 * The protocols compared at this step, in one line each: bytes and round trips with a sparkline
 * over the run so far, messages in the server’s INBOX, virtual time. (What each device holds is drawn
 * in its store beside the diagram.)
 */
export function MetricsStrip({
  timeline,
  step,
  pop3,
  imap,
}: {
  timeline: Timeline;
  step: number;
  pop3: Frame;
  imap: Frame;
}) {
  const lines = useMemo(() => {
    const p = seriesOf(timeline, 'pop3');
    const i = seriesOf(timeline, 'imap');
    const maxBytes = Math.max(...p.bytes, ...i.bytes);
    const maxTrips = Math.max(...p.trips, ...i.trips);
    return {
      pop3: { bytes: points(p.bytes, maxBytes), trips: points(p.trips, maxTrips) },
      imap: { bytes: points(i.bytes, maxBytes), trips: points(i.trips, maxTrips) },
    };
  }, [timeline]);
  const upTo = timeline.steps.length > 1 ? step / (timeline.steps.length - 1) : 1;
  return (
    <div className={layout.metrics} role="group" aria-label="POP3 and IMAP compared at this step">
      {(['pop3', 'imap'] as const).map((protocol) => {
        const f = protocol === 'pop3' ? pop3 : imap;
        return (
          <p key={protocol} className={layout.metricsRow} data-protocol={protocol}>
            <strong className={layout.metricsName}>{protocol === 'pop3' ? 'POP3' : 'IMAP'}</strong>
            <span className={layout.metric}>
              <Sparkline line={lines[protocol].bytes} upTo={upTo} protocol={protocol} />
              {formatBytes(f.metrics.bytesDown)} down · {formatBytes(f.metrics.bytesUp)} up
            </span>
            <span className={layout.metric}>
              <Sparkline line={lines[protocol].trips} upTo={upTo} protocol={protocol} />
              {f.metrics.roundTrips} round {f.metrics.roundTrips === 1 ? 'trip' : 'trips'}
            </span>
            <span className={layout.metric}>{f.metrics.serverMessages} in INBOX</span>
            <span className={layout.metric}>{formatDuration(f.t)}</span>
          </p>
        );
      })}
    </div>
  );
}
