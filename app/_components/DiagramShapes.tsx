'use client';
import { Fragment, memo, type CSSProperties } from 'react';
import { statusLines } from './lifeline-status';
import { sameItem } from './same-item';
import type { Lifeline, SceneItem, Segment } from './sequence-scene';
import styles from './diagram.module.css';

/*
 * The shapes of the sequence diagram, each drawn from one piece of the scene (sequence-scene.ts).
 * The SVG export (scene-svg.ts) draws the same pieces the same way, as text.
 */

/** How far a head stays from the strip's edges, in CSS pixels. */
const HEAD_EDGE = 2;

/**
 * Where a head sits over its lifeline at `x` in a strip `width` wide, all in CSS pixels: centred
 * on it, at most `room` wide (the room between two lifelines, so that it does not meet its
 * neighbour's; the callers never give less than 72 px, which five lifelines on a phone are
 * closer than), and kept inside the strip. An outer head may take its whole outer side and half
 * the room on its inner side, shifted inwards as far as it needs (CSS works the shift out from
 * the head's own width): the outer lifelines sit near the edges.
 */
export function headBox(x: number, width: number, room: number): { maxWidth: number; transform: string } {
  const maxWidth = Math.max(0, Math.min(room, Math.min(x, width - x) - HEAD_EDGE + room / 2));
  const left = HEAD_EDGE - x;
  const right = width - HEAD_EDGE - x;
  return { maxWidth, transform: `translateX(clamp(${left}px, -50%, calc(${right}px - 100%)))` };
}

/**
 * How a strip of heads is set (diagram.module.css): `large` in presenter mode, `crowded` (smaller
 * type) beside three other participants or more, else normal.
 */
export type HeadType = 'normal' | 'crowded' | 'large';

/** Type sizes of a head's name and status lines, and its padding and border left and right
 * together, in CSS pixels, by head type (diagram.module.css). */
const HEAD_TYPE: Record<HeadType, { name: number; status: number; frame: number }> = {
  normal: { name: 0.85 * 16, status: 0.7 * 16, frame: 0.6 * 16 + 2 },
  crowded: { name: 0.75 * 16, status: 0.62 * 16, frame: 0.5 * 16 + 2 },
  large: { name: 1.2 * 16, status: 0.95 * 16, frame: 0.6 * 16 + 2 },
};

/**
 * The widest a head's text can draw, in CSS pixels: 0.75 em a character, wider than the UI font's
 * average for any of our words (upper case included), plus its frame. An upper bound, so that a
 * neighbour given room from it never meets it.
 */
export function headWidthBound(lifeline: Lifeline, type: HeadType = 'normal'): number {
  const longest = Math.max(0, ...statusLines(lifeline.status).map((line) => line.text.length));
  const size = HEAD_TYPE[type];
  return Math.max(lifeline.label.length * size.name, longest * size.status) * 0.75 + size.frame;
}

/**
 * The room each head of `lifelines` has, in CSS pixels: at least `room` (the room between two
 * neighbouring heads), and more beside neighbours whose heads are narrow ("student" and
 * "work" on each side of a laptop with a session per account), up to twice the distance to a
 * neighbour less that neighbour's bound (`headWidthBound`) and a gap. No two heads meet: a
 * head never draws wider than its text's bound, nor than its room. `stride`: 2 when the heads
 * alternate between two rows (`headRow`), so that a head's neighbours in its row are two
 * lifelines away.
 */
export function headRooms(
  lifelines: readonly Lifeline[],
  zoom: number,
  room: number,
  { type = 'normal', stride = 1 }: { type?: HeadType; stride?: 1 | 2 } = {},
): number[] {
  return lifelines.map((l, i) => {
    const sides = [lifelines[i - stride], lifelines[i + stride]].flatMap((n) =>
      n ? [2 * (Math.abs(n.x - l.x) * zoom - headWidthBound(n, type) / 2 - HEAD_EDGE)] : [],
    );
    return Math.max(room, Math.min(...sides));
  });
}

/**
 * A participant's head: its name, then what matters about it now, the connection and the
 * session's state each on a line of its own (`data-state` says which of server, offline,
 * connected and not-connected it is, for its border).
 */
export function LifelineHead({
  lifeline,
  zoom = 1,
  room,
  width,
  row,
}: {
  lifeline: Lifeline;
  zoom?: number;
  /** Room between two neighbouring heads, in CSS pixels. */
  room: number;
  /** The width of the strip of heads, in CSS pixels. */
  width: number;
  /** In a strip of two rows (four participants or more), which row: 0 the upper, 1 the lower. */
  row?: 0 | 1;
}) {
  const { maxWidth, transform } = headBox(lifeline.x * zoom, width, room);
  const state = lifeline.server
    ? 'server'
    : !lifeline.online
      ? 'offline'
      : lifeline.connected
        ? 'connected'
        : 'not-connected';
  // "connected · TRANSACTION": the connection on one line, the session's state on the next (and
  // so for an SMTP session beside it), so that neither is cut short between two lifelines. The
  // separators are there for screen readers: the text still reads as one phrase.
  return (
    <li
      className={styles.head}
      data-state={state}
      data-row={row}
      style={{ left: lifeline.x * zoom, maxWidth, transform }}
    >
      <span className={styles.headName}>{lifeline.label}</span>
      <span className={styles.hidden}>: </span>
      <span className={styles.headStatus} title={lifeline.status}>
        {statusLines(lifeline.status).map((line, i) => (
          <Fragment key={i}>
            {line.before && <span className={styles.hidden}>{line.before}</span>}
            <span className={styles.headLine}>{line.text}</span>
          </Fragment>
        ))}
      </span>
    </li>
  );
}

/** A stretch of a device's lifeline: solid while connected, dashed when not, faint offline. */
export function SegmentLine({ segment }: { segment: Segment }) {
  const cls = !segment.online
    ? styles.lineOffline
    : segment.connected
      ? styles.lineConnected
      : styles.lineIdle;
  return <line x1={segment.x} x2={segment.x} y1={segment.y1} y2={segment.y2} className={cls} />;
}

/** One row: an arrow (with its block), a note, or a broken arrow. Memoised: most rows stay put. */
export const DiagramItem = memo(
  function DiagramItem(props: {
    item: SceneItem;
    marker: string;
    /** This arrow is the step just taken: it flies across. */
    flying: boolean;
    /** The arrow's line is drawn elsewhere (`FlyingArrow`, above the picture): draw the rest. */
    shaftless?: boolean;
    durationMs: number;
  }) {
    const { item } = props;
    // The chosen row is marked by its button over the picture (DiagramList), not here.
    const row = item.current ? `${styles.row} ${styles.current}` : styles.row;
    const band = item.current ? (
      <rect x={0} y={item.y} width="100%" height={item.height} className={styles.band} />
    ) : null;
    if (item.kind === 'note') {
      return (
        <g className={row}>
          <rect
            x={item.x}
            y={item.y + 2}
            width={item.width}
            height={item.height - 4}
            rx={4}
            className={item.device ? styles.note : styles.event}
          />
          <text x={item.x + 6} y={item.y + item.height / 2 + 4} className={styles.noteText}>
            {item.label}
          </text>
        </g>
      );
    }
    if (item.kind === 'break') {
      const mid = (item.x1 + item.x2) / 2;
      const dir = Math.sign(item.x2 - item.x1) || 1;
      const y = item.y + 20;
      return (
        <g className={row}>
          {band}
          <line x1={item.x1} x2={mid - dir * 10} y1={y} y2={y} className={styles.broken} />
          <line x1={mid + dir * 10} x2={item.x2} y1={y} y2={y} className={styles.brokenFaint} />
          <path
            d={`M${mid - 6},${y - 6} L${mid + 6},${y + 6} M${mid + 6},${y - 6} L${mid - 6},${y + 6}`}
            className={styles.broken}
          />
          <text x={mid} y={item.y + 10} textAnchor="middle" className={styles.breakText}>
            connection broken
          </text>
        </g>
      );
    }
    const lo = Math.min(item.x1, item.x2);
    const hi = Math.max(item.x1, item.x2);
    const y = item.y + 20;
    const labelEnd = hi - item.moreRoom;
    const seconds = Math.min(0.8, (props.durationMs * 0.6) / 1000);
    return (
      <g className={`${row} ${styles[`tone-${item.tone}`]}`} data-step={item.step}>
        {band}
        {props.shaftless ? null : (
          <line
            x1={item.x1}
            x2={item.x2}
            y1={y}
            y2={y}
            // Flying: the shaft is drawn from the sender to the receiver (a CSS animation of the
            // dash offset over a path length of 1), while a packet dot travels along it.
            pathLength={props.flying ? 1 : undefined}
            className={`${styles.arrow} ${props.flying ? styles.drawing : ''}`}
            style={props.flying ? { animationDuration: `${seconds}s` } : undefined}
            markerEnd={`url(#${props.marker})`}
          />
        )}
        {props.flying && (
          <circle
            cx={item.x1}
            cy={y}
            r={4}
            className={`${styles.packet} ${styles.travelling}`}
            style={
              { animationDuration: `${seconds}s`, '--travel': `${item.x2 - item.x1}px` } as CSSProperties
            }
          />
        )}
        <text x={(lo + labelEnd) / 2} y={item.y + 13} textAnchor="middle" className={styles.label}>
          {item.label}
        </text>
        {item.moreLines > 0 && (
          <text x={hi - 6} y={item.y + 13} textAnchor="end" className={styles.moreText}>
            {item.more}
          </text>
        )}
        {item.expanded && (
          <g>
            <rect
              x={lo + 6}
              y={item.y + 26}
              width={hi - lo - 12}
              height={item.height - 30}
              rx={3}
              className={styles.block}
            />
            {item.block.map((line, i) => (
              <text key={i} x={lo + 10} y={item.y + 38 + i * 15} className={styles.blockText}>
                {line}
              </text>
            ))}
          </g>
        )}
      </g>
    );
  },
  (a, b) =>
    a.flying === b.flying &&
    a.shaftless === b.shaftless &&
    a.durationMs === b.durationMs &&
    a.marker === b.marker &&
    sameItem(a.item, b.item),
);
