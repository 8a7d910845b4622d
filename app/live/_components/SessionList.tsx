'use client';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { LiveSessionView } from '@/lib/live/view-types';
import type { LabelledSession } from './ClassNames';
import { SessionLane } from './SessionLane';

/** A lane's height before it is measured, in px (header, track, 14 lines, details). */
const LANE_PX = 460;

/**
 * The lanes, virtualized against the page's own scroll (@tanstack/react-virtual): only the lanes
 * in view and two either side are in the document, so a room of 200 sessions costs the page a
 * handful of lanes per update, not all of them. Each lane is measured as drawn.
 */
export function SessionList({ lanes }: { lanes: readonly (LiveSessionView | LabelledSession)[] }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts on the page: it moves when what is above it changes size.
  useLayoutEffect(() => {
    const measure = () => {
      const list = listRef.current;
      if (list) setOffset(Math.round(list.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: lanes.length,
    estimateSize: () => LANE_PX,
    overscan: 2,
    scrollMargin: offset,
    getItemKey: (index) => lanes[index]!.id,
  });
  return (
    <div ref={listRef} style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <div
          key={item.key}
          ref={virtualizer.measureElement}
          data-index={item.index}
          style={{
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            display: 'flow-root',
            transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
          }}
        >
          <SessionLane session={lanes[item.index]!} />
        </div>
      ))}
    </div>
  );
}
