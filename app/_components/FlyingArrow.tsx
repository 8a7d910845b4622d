'use client';
import type { CSSProperties } from 'react';
import type { ArrowItem } from './sequence-scene';
import styles from './diagram.module.css';

/**
 * The step just taken, flying across: its arrow's shaft is revealed from the sender to the
 * receiver while its head and a packet dot travel with the tip (the dot fading), in the same
 * easing as before. Drawn as HTML above the diagram's SVG and moved only by CSS transforms and
 * opacity, so the browser runs the flight on the compositor: no repaint of the picture per frame.
 * The row under it (`DiagramItem` with `shaftless`) draws the band and the label; once landed
 * (`onLanded`), the diagram draws the arrow in its SVG again. Not drawn under reduced motion (the arrow is simply there).
 * Coordinates are scene units; `zoom` scales them to CSS pixels as the SVG's viewBox does.
 */
export function FlyingArrow(props: {
  item: ArrowItem;
  /** The arrowhead's `<marker>` id in the diagram's SVG. */
  marker: string;
  /** How long one step lasts at the current speed (milliseconds); the flight takes part of it. */
  durationMs: number;
  zoom: number;
  /** The flight is over (its CSS animations ended). */
  onLanded: () => void;
}) {
  const { item, zoom } = props;
  const lo = Math.min(item.x1, item.x2);
  const width = Math.max(1, Math.abs(item.x2 - item.x1));
  const y = item.y + 20;
  // The box: the arrow's span, 24 units tall around its line (the head is 8 × the stroke).
  const top = y - 12;
  const box = `${lo} ${top} ${width} 24`;
  const size = { width: width * zoom, height: 24 * zoom };
  const dir = Math.sign(item.x2 - item.x1) || 1;
  const seconds = Math.min(0.8, (props.durationMs * 0.6) / 1000);
  return (
    <div
      className={`${styles.row} ${styles.current} ${styles[`tone-${item.tone}`]} ${styles.flight}`}
      data-dir={dir > 0 ? 'right' : 'left'}
      style={{ left: lo * zoom, top: top * zoom, ...size, '--flight': `${seconds}s` } as CSSProperties}
      aria-hidden="true"
      onAnimationEnd={props.onLanded}
    >
      <div className={styles.flightClip}>
        <svg className={styles.flightShaft} viewBox={box} {...size}>
          <line x1={item.x1} x2={item.x2} y1={y} y2={y} className={styles.arrow} />
        </svg>
      </div>
      <svg className={styles.flightHead} viewBox={box} {...size}>
        <line
          x1={item.x2 - dir}
          x2={item.x2}
          y1={y}
          y2={y}
          className={styles.arrow}
          markerEnd={`url(#${props.marker})`}
        />
      </svg>
      <svg className={styles.flightPacket} viewBox={box} {...size}>
        <circle cx={item.x2} cy={y} r={4} className={styles.packet} />
      </svg>
    </div>
  );
}
