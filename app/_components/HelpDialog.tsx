'use client';
import type { Ref } from 'react';
import { LazyDialog, type DialogHandle } from './LazyDialog';
import styles from './compare.module.css';

/** Keyboard shortcuts and how to read the view. Opened with "?" or the Help button (`ref.showModal()`). */
export function HelpDialog({ ref }: { ref?: Ref<DialogHandle> }) {
  return (
    <LazyDialog ref={ref} title="How to use the lab">
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
          <kbd>Esc</kbd>
        </dt>
        <dd>
          Close a line&apos;s explanation (from the diagram or the explanation); else leave presenter mode. In
          full screen the browser takes Escape first: it leaves full screen, and presenter mode with it
        </dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>This help</dd>
        <dt>
          <kbd>↑</kbd> <kbd>↓</kbd>
        </dt>
        <dd>In a diagram or a transcript (one Tab stop each): the line above or below; Enter explains it</dd>
      </dl>
      <p>
        Each column runs the same story with one protocol, drawn as a sequence diagram: one arrow per wire
        line, from sender to receiver, time running down. Commands are blue; replies are green for success,
        red for an error and grey for information. Choose an arrow, or a line in the Transcript tab, to see
        what it means, its RFC section, its size and the session state.
      </p>
      <p>
        The server and each device show their mail as cards. A card that the current step changed is
        highlighted and says what changed (a copy arrived, a body was downloaded, a flag was set); a line
        below a store says what the step removed from it. <em>Key to the icons</em> under each server explains
        the icons.
      </p>
    </LazyDialog>
  );
}
