'use client';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * A built-in story's title and lesson above the columns. On a wide screen (over 760 px) the
 * lesson shows two lines, and when it is longer a "Whole lesson" button opens the rest (and
 * "Less" closes it), so that the diagrams keep the first screen's height: at 1280×720 a
 * five-line lesson (server-quota's) left its diagram four rows. The paragraph is whole in the
 * page either way (screen readers read it all); on a phone, where the page scrolls, it is
 * shown whole. `claim` null: the title alone (presenter mode, where the trainer tells the rest).
 * The parent keys it by story, so that a new story starts closed.
 */
export function StoryClaim({ title, claim }: { title: string; claim: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [clipped, setClipped] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setClipped(el.scrollHeight > el.clientHeight + 1);
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    return () => resized.disconnect();
  }, [open, claim]);
  return (
    <div className={layout.lessonRow}>
      <p ref={ref} id={id} className={`${styles.lesson} ${layout.lesson}`} data-open={open || undefined}>
        <strong>{title}.</strong>
        {claim !== null && ` ${claim}`}
      </p>
      {(clipped || open) && (
        <button
          type="button"
          className={styles.linkButton}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Less' : 'Whole lesson'}
        </button>
      )}
    </div>
  );
}
