'use client';
import { memo, useLayoutEffect, type KeyboardEvent } from 'react';
import { linesWord } from './frame-text';
import { sameItem } from './same-item';
import { useKeptFocus } from './use-kept-focus';
import type { SceneItem } from './sequence-scene';
import styles from './diagram.module.css';

/**
 * The ordered list over a sequence diagram: a button per arrow or break (a note is text), in
 * order, positioned over its row. It draws nothing; it is how keyboards, screen readers and
 * find-in-page reach every item of the run, drawn or not. One Tab stop for the whole list (the
 * chosen item, else the current one); ↑/↓ move; a button chooses its item (seek and explain) and
 * a block's "+ N lines" toggles. Memoised: the diagram hands it deferred values, so a seek
 * paints the picture first and the list follows in a background render.
 * A step back (←) removes the arrows after the new step: if one of them had the focus, the focus
 * moves to the list's new Tab stop instead of falling to the page.
 */
export const DiagramList = memo(function DiagramList(props: {
  /** The protocol's name, for the list's label. */
  name: string;
  /** The scene's items (sorted by row). */
  items: readonly SceneItem[];
  /** The step whose explanation is open, if any. */
  selected: number | null;
  /** The step whose item holds the Tab stop (the chosen one, else the current one). */
  focusStep: number;
  /** The scene's width (units) and zoom: in presenter mode the list is scaled as the picture is. */
  width: number;
  zoom: number;
  onChoose: (step: number) => void;
  onToggle: (step: number) => void;
}) {
  // Notes are text, not buttons: the stop is the latest arrow at or before that step.
  const choosable = props.items.filter((i) => i.kind !== 'note');
  const focusKey = (choosable.findLast((i) => i.step <= props.focusStep) ?? choosable[0])?.key;
  const { ref: listRef, handlers: focusHandlers, lost: focusLost } = useKeptFocus<HTMLOListElement>();
  useLayoutEffect(() => {
    if (focusLost())
      listRef.current?.querySelector<HTMLButtonElement>('button[data-item][tabindex="0"]')?.focus();
  }, [props.items, focusLost, listRef]);
  const onListKey = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-item]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  return (
    <ol
      ref={listRef}
      className={styles.overlay}
      {...focusHandlers}
      aria-label={`${props.name} messages in order`}
      onKeyDown={onListKey}
      style={props.zoom === 1 ? undefined : { width: props.width, transform: `scale(${props.zoom})` }}
    >
      {props.items.map((item, i) => (
        <OverlayItem
          key={item.key}
          item={item}
          gap={gapAbove(props.items, i)}
          tabbable={item.key === focusKey}
          selected={item.step === props.selected}
          onChoose={props.onChoose}
          onToggle={props.onToggle}
        />
      ))}
    </ol>
  );
});

/**
 * Units between an item and the one above it (or the scene's top). The list's rows are laid out
 * in flow, one under the other (`items` are sorted by `y` and do not overlap), not positioned: a
 * positioned box is a paint layer of its own, and a long run has hundreds of rows.
 */
function gapAbove(items: readonly SceneItem[], i: number): number {
  const above = items[i - 1];
  return items[i]!.y - (above ? above.y + above.height : 0);
}

/** The accessible text of an item, as a screen reader reads it. */
function itemText(item: SceneItem): string {
  if (item.kind === 'arrow') {
    const more = item.moreLines > 0 ? ` (+ ${linesWord(item.moreLines)})` : '';
    return `${item.from} → ${item.to}: ${item.text}${more}`;
  }
  if (item.kind === 'break') return `${item.device} ✕ connection broken: ${item.text}`;
  return item.text;
}

/** The button over one item: chooses it (seek and explain); a block's "+ N lines" toggles. */
const OverlayItem = memo(
  function OverlayItem(props: {
    item: SceneItem;
    /** Units between this row and the one above (see gapAbove). */
    gap: number;
    tabbable: boolean;
    selected: boolean;
    onChoose: (step: number) => void;
    onToggle: (step: number) => void;
  }) {
    const { item } = props;
    const left = item.kind === 'note' ? item.x : Math.min(item.x1, item.x2);
    const width = item.kind === 'note' ? item.width : Math.abs(item.x2 - item.x1);
    return (
      <li
        className={styles.item}
        data-key={item.key}
        style={{ marginTop: props.gap, height: item.height }}
        aria-current={item.kind === 'note' && item.current ? 'step' : undefined}
      >
        {/* A story note is read, not chosen: its narration is in the list as text. */}
        {item.kind === 'note' ? (
          <span className={styles.hidden}>{itemText(item)}</span>
        ) : (
          <button
            type="button"
            data-item={item.step}
            data-key={item.key}
            className={styles.hit}
            style={{ marginLeft: left, width, height: item.kind === 'arrow' ? 30 : item.height }}
            tabIndex={props.tabbable ? 0 : -1}
            aria-current={item.current ? 'step' : undefined}
            aria-pressed={props.selected}
            onClick={() => props.onChoose(item.step)}
          >
            <span className={styles.hidden}>{itemText(item)}</span>
          </button>
        )}
        {item.kind === 'arrow' && item.moreLines > 0 && (
          <button
            type="button"
            className={styles.more}
            style={{ marginLeft: Math.max(item.x1, item.x2) - item.moreRoom + 4, width: item.moreRoom - 8 }}
            tabIndex={props.tabbable ? 0 : -1}
            aria-expanded={item.expanded}
            onClick={() => props.onToggle(item.step)}
          >
            <span className={styles.hidden}>
              {item.expanded ? 'Hide' : 'Show'} {item.moreLines} more{' '}
              {item.moreLines === 1 ? 'line' : 'lines'} of {item.text}
            </span>
          </button>
        )}
      </li>
    );
  },
  (a, b) =>
    a.gap === b.gap &&
    a.tabbable === b.tabbable &&
    a.selected === b.selected &&
    a.onChoose === b.onChoose &&
    a.onToggle === b.onToggle &&
    sameItem(a.item, b.item),
);
