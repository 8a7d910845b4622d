'use client';
import { forwardRef } from 'react';
import styles from './compare.module.css';

/** Keyboard shortcuts and how to read the view. Opened with "?" or the Help button. */
export const HelpDialog = forwardRef<HTMLDialogElement>(function HelpDialog(_, ref) {
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby="help-title">
      <h2 id="help-title">How to use the lab</h2>
      <dl className={styles.keys}>
        <dt>
          <kbd>Space</kbd>
        </dt>
        <dd>Play or pause</dd>
        <dt>
          <kbd>←</kbd> <kbd>→</kbd>
        </dt>
        <dd>Step back or forward</dd>
        <dt>
          <kbd>Home</kbd> <kbd>End</kbd>
        </dt>
        <dd>First or last step</dd>
        <dt>
          <kbd>PageUp</kbd> <kbd>PageDown</kbd>
        </dt>
        <dd>Step back or forward (presentation clickers)</dd>
        <dt>
          <kbd>B</kbd>
        </dt>
        <dd>Blank the screen, in presenter mode</dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>This help</dd>
      </dl>
      <p>
        Each column runs the same story with one protocol. Packets on the network show each command (blue) and
        reply (green for success, red for an error, grey for information). Choose a transcript line to see
        what it means, its RFC section, its size and the session state.
      </p>
      <form method="dialog">
        <button className={styles.button} type="submit">
          Close
        </button>
      </form>
    </dialog>
  );
});
