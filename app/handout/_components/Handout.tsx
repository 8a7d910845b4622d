'use client';
import { useEffect, useState } from 'react';
import { catalogEntry, isScenarioId, type ScenarioId } from '@/simulations/catalog';
import type { Timeline } from '@/simulations/seek';
import type { Frame } from '@/simulations/types';
import { firstLine } from '../../_components/frame-text';
import { loadTimeline } from '../../_components/timeline-source';
import styles from './handout.module.css';

/** One intent's story in both protocols, for paper: the narration, then the wire lines side by side. */
function wire(frames: readonly Frame[], intent: number): string[] {
  return frames
    .filter((f) => f.intent === intent && f.direction !== 'none')
    .map((f) => `${f.device} ${f.direction === 'c2s' ? 'C:' : 'S:'} ${firstLine(f)}`);
}

export default function Handout({ search }: { search: string }) {
  const requested = new URLSearchParams(search).get('scenario') ?? 'one-laptop';
  const id: ScenarioId = isScenarioId(requested) ? requested : 'one-laptop';
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  useEffect(() => {
    let current = true;
    void loadTimeline(id).then((t) => current && setTimeline(t));
    return () => {
      current = false;
    };
  }, [id]);
  const entry = catalogEntry(id);
  const intents = timeline
    ? [...new Set(timeline.tracks.pop3.map((f) => f.intent))].filter((i) => i >= 0)
    : [];
  return (
    <main className={styles.handout}>
      <p className={styles.noPrint}>
        <button type="button" onClick={() => window.print()}>
          Print this handout
        </button>{' '}
        <a href={`/?scenario=${id}`}>Back to the lab</a>
      </p>
      <h1>{entry.title}</h1>
      <p className={styles.claim}>{entry.claim}</p>
      {!timeline && <p>Loading…</p>}
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
        POP vs IMAP Lab · every line above is the real wire text, passwords masked.
      </p>
    </main>
  );
}
