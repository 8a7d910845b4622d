'use client';
import { useReducedMotion } from 'motion/react';
import {
  memo,
  useCallback,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import type { Frame, Protocol } from '@/simulations/types';
import { DiagramList } from './DiagramList';
import { DiagramItem, headRooms, LifelineHead, SegmentLine } from './DiagramShapes';
import { rowsInView } from './diagram-window';
import { FlyingArrow } from './FlyingArrow';
import { SCENE, sequenceScene, type ArrowItem, type Scene } from './sequence-scene';
import styles from './diagram.module.css';

const NAMES: Record<Protocol, string> = { pop3: 'POP3', imap: 'IMAP' };

/** Rows drawn above and below the visible ones, in scene units (a quick scroll shows no gap). */
const OVERSCAN = 240;
/**
 * After a jump (a seek, not one step), the first paint draws only this far beyond the view; the
 * rest of the overscan follows in a background render. A jump replaces every row in view, so
 * the first paint then costs the view's rows, not twice as many.
 */
const JUMP_OVERSCAN = 30;

/**
 * One protocol's exchange as a sequence diagram: a lifeline per participant, time running down,
 * an arrow per wire unit. The scene is `sequenceScene` of the frames up to the current step; the
 * only motion is the difference from the previous step (the new arrow flies across), and none
 * under reduced motion (the flight is `FlyingArrow`, on the compositor). The picture is decorative
 * for assistive technology: an ordered list of buttons over it (`DiagramList`) carries each item's
 * text, is reached by Tab (one stop; ↑/↓ move) and chooses.
 * Only the rows in view are drawn (`rowsInView`): a long run costs a drawing per visible row,
 * not per row. The list keeps a button for every item (keyboard, screen readers, find-in-page).
 */
export const SequenceDiagram = memo(function SequenceDiagram(props: {
  protocol: Protocol;
  frames: readonly Frame[];
  /** The current frame's step (index in `frames`). */
  current: number;
  /** The frame whose explanation is open, if any. */
  selected: number | null;
  /** Seek to this frame and explain it. */
  onChoose: (step: number) => void;
  /** How long one step lasts at the current speed (the flight takes part of it). */
  stepMs: number;
  /** Presenter mode: everything drawn larger (the scene is laid out narrower, then scaled). */
  large?: boolean;
  /** Lines of status the strip of heads has room for (headLinesOf the story): 2 unless given. */
  headLines?: number;
}) {
  const { protocol, frames, current } = props;
  const name = NAMES[protocol];
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(480);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const reduced = useReducedMotion();
  // The scroll area's offset and height in CSS pixels: which rows are in view.
  const [port, setPort] = useState({ top: 0, height: 600 });

  // The scroll offset the element has, as far as we know (set by us or read in its scroll
  // event), so that following the step never reads the layout while it is being changed.
  const scrolled = useRef(0);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = (width: number, height: number) => {
      setWidth(Math.max(240, Math.floor(width)));
      setPort((p) => (p.height === height ? p : { ...p, height }));
    };
    measure(el.clientWidth, el.clientHeight);
    // The observer reports the content box (without the scrollbar) as laid out: no reflow here.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measure(entry.contentRect.width, Math.round(entry.contentRect.height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const zoom = props.large ? Math.min(2.2, Math.max(1.3, width / 560)) : 1;
  const scene = useMemo(
    () => sequenceScene(frames, current, Math.floor(width / zoom), expanded),
    [frames, current, width, zoom, expanded],
  );
  // The SVG is as tall as the whole run's scene, so that a step, which makes the scene taller,
  // does not resize it: Chrome lays out every row an SVG draws, text and all, when its size or
  // viewBox changes (invalidation tracking showed every drawn label at each step). The canvas,
  // as tall as the current scene, clips the rest, so the scroll range still ends at the step.
  const run = useMemo(
    () => sequenceScene(frames, frames.length - 1, Math.floor(width / zoom), expanded),
    [frames, width, zoom, expanded],
  );
  const pictureHeight = Math.max(run.height, scene.height);
  // Four participants or more over the run (a sender's server joins when it first speaks): the
  // heads are set smaller, from the first step on. With four, or with lifelines under 100 px
  // apart (three on a 320 px phone), they alternate between two rows, in a taller strip, so that
  // each has the room of two lifelines ("AUTHORIZATION", "not connected" and "sender's server"
  // whole, where one row broke such words across lines or cut them short).
  const crowded = run.lifelines.length > 3;
  const runSpacing = ((run.lifelines[1]?.x ?? run.width) - (run.lifelines[0]?.x ?? 0)) * zoom;
  const staggered = !props.large && (crowded || runSpacing < 100);

  // Motion animates only the difference between two frames: one step forward flies the new arrow.
  // (State from the previous render, as React documents, not a ref read while rendering.)
  const [previous, setPrevious] = useState(current);
  const [flying, setFlying] = useState<number | null>(null);
  const [landed, setLanded] = useState<number | null>(null);
  const [jumped, setJumped] = useState(false);
  if (previous !== current) {
    setPrevious(current);
    setFlying(!reduced && current === previous + 1 ? current : null);
    setJumped(Math.abs(current - previous) > 1);
  }
  // True in the background render that follows a change of scene (see JUMP_OVERSCAN).
  const settled = useDeferredValue(scene) === scene;

  // The view follows the current step: keep its row in view, a little above the bottom. Decided
  // while rendering (from the scene and the known scroll offset, without reading the layout), so
  // that the rows drawn are those of the new offset; the layout effect below then scrolls there.
  const [followed, setFollowed] = useState<{ scene: Scene; height: number } | null>(null);
  if (followed?.scene !== scene || followed.height !== port.height) {
    setFollowed({ scene, height: port.height });
    const top = followTop(scene, zoom, port);
    if (top !== port.top) setPort({ ...port, top });
  }
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && Math.abs(scrolled.current - port.top) >= 1) {
      el.scrollTop = port.top;
      scrolled.current = port.top;
    }
  }, [port.top]);
  const onScroll = () => {
    const top = scrollRef.current?.scrollTop ?? 0;
    scrolled.current = top;
    setPort((p) => (p.top === top ? p : { ...p, top }));
  };

  const toggle = useCallback(
    (step: number) =>
      setExpanded((set) => {
        const next = new Set(set);
        if (!next.delete(step)) next.add(step);
        return next;
      }),
    [],
  );

  // The strip of heads is as tall as the run's tallest head needs, from the first step on.
  const headLines = props.headLines ?? 2;
  // Each head fits between its neighbours, and may take more room beside narrow ones.
  const stride = staggered ? 2 : 1;
  const headRoom = Math.max(
    72,
    ((scene.lifelines[1]?.x ?? scene.width) - (scene.lifelines[0]?.x ?? 0)) * zoom * stride - 6,
  );
  const rooms = headRooms(scene.lifelines, zoom, headRoom, {
    type: props.large ? 'large' : crowded ? 'crowded' : 'normal',
    stride,
  });

  // The list over the picture (its buttons are for keyboards and screen readers; it draws
  // nothing) follows in a background render just after the picture, so a seek paints first.
  const listItems = useDeferredValue(scene.items);
  const listSelected = useDeferredValue(props.selected);
  const listFocus = useDeferredValue(props.selected ?? current);

  // Only the rows in view are drawn (the list below keeps them all).
  const overscan = jumped && !settled ? JUMP_OVERSCAN : OVERSCAN;
  const lo = port.top / zoom + SCENE.head - overscan;
  const hi = (port.top + port.height) / zoom + SCENE.head + overscan;
  const drawn = rowsInView(scene.items, lo, hi);
  // The step just taken flies across (see FlyingArrow): an arrow, not a note or a break. Once it
  // has landed, the SVG draws it again like any other row (a picture or export shows it still).
  const flight =
    flying === null || landed === flying
      ? undefined
      : scene.items.find((i): i is ArrowItem => i.kind === 'arrow' && i.current && i.step === flying);

  return (
    <figure className={styles.figure} aria-label={`${name} sequence diagram`} data-diagram={protocol}>
      <ul
        className={styles.heads}
        aria-label={`${name} participants`}
        data-large={props.large || undefined}
        data-crowded={crowded || undefined}
        data-staggered={staggered || undefined}
        style={{ '--extra-lines': headLines - 2 } as CSSProperties}
      >
        {scene.lifelines.map((l, i) => (
          <LifelineHead
            key={l.id}
            lifeline={l}
            zoom={zoom}
            room={rooms[i]!}
            width={scene.width * zoom}
            row={staggered ? ((i % 2) as 0 | 1) : undefined}
          />
        ))}
      </ul>
      <div ref={scrollRef} className={styles.scroll} onScroll={onScroll}>
        {/* The scene leaves room for the heads at its top; here they sit above the scroll area. */}
        <div className={styles.canvas} style={{ height: scene.height * zoom, marginTop: -SCENE.head * zoom }}>
          <svg
            className={styles.svg}
            width={scene.width * zoom}
            height={pictureHeight * zoom}
            viewBox={`0 0 ${scene.width} ${pictureHeight}`}
            aria-hidden="true"
          >
            <defs>
              <marker
                id={`${protocol}-head`}
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
            {scene.segments
              .filter((s) => s.y2 >= lo && s.y1 <= hi)
              .map((s) => (
                <SegmentLine key={`${s.id}-${s.y1}`} segment={s} />
              ))}
            {scene.lifelines
              .filter((l) => l.server)
              .map((l) => (
                <line key={l.id} x1={l.x} x2={l.x} y1={0} y2={pictureHeight} className={styles.serverLine} />
              ))}
            {drawn
              .map((i) => scene.items[i]!)
              .map((item) => (
                <DiagramItem
                  key={item.key}
                  item={item}
                  marker={`${protocol}-head`}
                  flying={false}
                  shaftless={item === flight}
                  durationMs={props.stepMs}
                />
              ))}
          </svg>
          {flight && (
            <FlyingArrow
              key={flight.key}
              item={flight}
              marker={`${protocol}-head`}
              durationMs={props.stepMs}
              zoom={zoom}
              onLanded={() => setLanded(flight.step)}
            />
          )}
          <DiagramList
            name={name}
            items={listItems}
            selected={listSelected}
            focusStep={listFocus}
            width={scene.width}
            zoom={zoom}
            onChoose={props.onChoose}
            onToggle={toggle}
          />
        </div>
      </div>
    </figure>
  );
});

/**
 * The scroll offset (CSS pixels) that keeps the current row of `scene` in view: `port.top` if it
 * already is, else the row's bottom three quarters of the way down the view.
 */
function followTop(scene: Scene, zoom: number, port: { top: number; height: number }): number {
  const row = scene.items.find((i) => i.current);
  const top = (scene.currentY - SCENE.head) * zoom;
  const bottom = ((row ? row.y + row.height : scene.height) - SCENE.head) * zoom;
  if (top >= port.top && bottom <= port.top + port.height) return port.top;
  const max = Math.max(0, (scene.height - SCENE.head) * zoom - port.height);
  return Math.min(max, Math.max(0, bottom - port.height * 0.75));
}
