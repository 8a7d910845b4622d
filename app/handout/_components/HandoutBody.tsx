'use client';
import type { Timeline } from '@/simulations/seek';
import type { Frame } from '@/simulations/types';
import { firstLine } from '../../_components/frame-text';
import styles from './handout.module.css';

/** One intent's story in both protocols, for paper: the narration, then the wire lines side by side. */
function wire(frames: readonly Frame[], intent: number): string[] {
  return frames
    .filter((f) => f.intent === intent && f.direction !== 'none')
    .map((f) => `${f.device} ${f.direction === 'c2s' ? 'C:' : 'S:'} ${firstLine(f)}`);
}

/**
 * A handout's page: print and back links, the title and lesson, then each intent of the run
 * (null while it loads) with its narration, notes and both protocols' wire lines. `children`
 * go under the lesson (a linked story's takeaways, or why there is no run).
 */
export function HandoutBody({
  title,
  claim,
  back,
  timeline,
  children,
}: {
  title: string;
  claim: string;
  /** The lab's address for the same scenario or story. */
  back: string;
  timeline: Timeline | null;
  children?: React.ReactNode;
}) {
  const intents = timeline
    ? [...new Set(timeline.tracks.pop3.map((f) => f.intent))].filter((i) => i >= 0)
    : [];
  return (
    <main className={styles.handout}>
      <p className={styles.noPrint}>
        <button type="button" onClick={() => window.print()}>
          Print this handout
        </button>{' '}
        <a href={back}>Back to the lab</a>
      </p>
      <h1>{title}</h1>
      {claim && <p className={styles.claim}>{claim}</p>}
      {children}
      {timeline &&
        intents.map((intent) => {
          const narration =
            timeline.tracks.pop3.find((f) => f.intent === intent && f.device === null)?.narration ?? '';
          const pop3 = wire(timeline.tracks.pop3, intent);
          const imap = wire(timeline.tracks.imap, intent);
          const notes = [...timeline.tracks.pop3, ...timeline.tracks.imap].filter(
            (f) => f.intent === intent && f.direction === 'none' && f.device !== null,
          );
          return (
            <section key={intent} className={styles.intent} aria-labelledby={`intent-${intent}`}>
              <h2 id={`intent-${intent}`}>
                {intent + 1}. {narration}
              </h2>
              {notes.map((n) => (
                <p key={`${n.protocol}-${n.step}`} className={styles.note}>
                  {n.protocol === 'pop3' ? 'POP3' : 'IMAP'}: {n.narration}
                </p>
              ))}
              <div className={styles.columns}>
                <div>
                  <h3>POP3</h3>
                  <pre>{pop3.join('\n') || '(nothing on the wire)'}</pre>
                </div>
                <div>
                  <h3>IMAP</h3>
                  <pre>{imap.join('\n') || '(nothing on the wire)'}</pre>
                </div>
              </div>
            </section>
          );
        })}
      <p className={styles.footer}>
        POP vs IMAP Lab · each line above is the first line of a real wire unit (a multi-line reply such as
        RETR, LIST, CAPA or FETCH is cut to its first line), passwords masked.
      </p>
    </main>
  );
}
