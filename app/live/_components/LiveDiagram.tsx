'use client';
import { useReducedMotion } from 'motion/react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LiveSessionView } from '@/lib/live/view-types';
import { DiagramItem, headRooms, LifelineHead, SegmentLine } from '../../_components/DiagramShapes';
import { LIVE_SCENE, liveScene, sessionLifeline } from '../../_components/live-scene';
import { linesWord } from '../../_components/frame-text';
import { SCENE } from '../../_components/sequence-scene';
import styles from '../../_components/diagram.module.css';
import live from './live.module.css';

/**
 * The live sessions as one sequence diagram, drawn with the story's shapes (DiagramShapes) from
 * `liveScene`: the server, each recently active session a lifeline, the newest lines as arrows
 * (the newest flies in, unless reduced motion is asked for). The picture is decorative for
 * assistive technology; a list carries each arrow's text, and each lane below has the transcript.
 * A "Draw" choice narrows the picture to one session, so a trainer can follow one client in a
 * busy room (its lines no longer scroll away under the others').
 */
export function LiveDiagram({
  sessions,
}: {
  /** `label`: a class student's session label (ClassNames.tsx). */
  sessions: readonly (LiveSessionView & { readonly label?: string })[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  const reduced = useReducedMotion();
  const [focus, setFocus] = useState<number | null>(null);
  const focusShown = focus !== null && sessions.some((s) => s.id === focus) ? focus : null;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const scene = useMemo(() => liveScene(sessions, width, focusShown), [sessions, width, focusShown]);
  const headRoom = Math.max(72, (scene.lifelines[1]?.x ?? scene.width) - (scene.lifelines[0]?.x ?? 0) - 6);
  const rooms = headRooms(scene.lifelines, 1, headRoom);

  return (
    <figure className={styles.figure} aria-label="Live sequence diagram" style={{ height: 'auto' }}>
      <label className={live.focus}>
        Draw{' '}
        <select
          value={focusShown ?? ''}
          onChange={(e) => setFocus(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">the {LIVE_SCENE.lifelines} most recently active sessions</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {`only ${sessionLifeline(s)} (${s.label ? `${s.label}, ` : ''}${s.client}${s.open ? '' : ', closed'})`}
            </option>
          ))}
        </select>
      </label>
      <ul
        className={styles.heads}
        aria-label="Live participants"
        data-crowded={scene.lifelines.length > 3 || undefined}
      >
        {scene.lifelines.map((l, i) => (
          <LifelineHead key={l.id} lifeline={l} room={rooms[i]!} width={scene.width} />
        ))}
      </ul>
      <div ref={ref} className={styles.canvas} style={{ height: scene.height - SCENE.head }}>
        <svg
          className={styles.svg}
          width={scene.width}
          height={scene.height - SCENE.head}
          viewBox={`0 ${SCENE.head} ${scene.width} ${scene.height - SCENE.head}`}
          aria-hidden="true"
        >
          <defs>
            <marker
              id="live-head"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className={styles.headShape} />
            </marker>
          </defs>
          {scene.segments.map((s) => (
            <SegmentLine key={s.id} segment={s} />
          ))}
          {scene.lifelines
            .filter((l) => l.server)
            .map((l) => (
              <line key={l.id} x1={l.x} x2={l.x} y1={0} y2={scene.height} className={styles.serverLine} />
            ))}
          {scene.items.map((item) => (
            <DiagramItem
              key={item.key}
              item={item}
              marker="live-head"
              flying={!reduced && item.current}
              durationMs={600}
            />
          ))}
        </svg>
        <ol className={styles.hidden} aria-label="Live messages in order">
          {scene.items.map(
            (item) =>
              item.kind === 'arrow' && (
                <li key={item.key}>
                  {`${item.from} → ${item.to}: ${item.text}`}
                  {item.moreLines > 0 ? ` (+ ${linesWord(item.moreLines)})` : ''}
                </li>
              ),
          )}
        </ol>
      </div>
    </figure>
  );
}
