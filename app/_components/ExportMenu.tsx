'use client';
import { mermaidSequence, transcriptText } from '@/simulations/export';
import type { Timeline } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';
import styles from './compare.module.css';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A picture of the two columns as they are now (the library loads on first use). */
async function downloadPicture(scenario: string, step: number) {
  const target = document.querySelector<HTMLElement>('[data-export-frame]');
  if (!target) return;
  const { domToPng } = await import('modern-screenshot');
  const background = getComputedStyle(document.body).backgroundColor;
  const url = await domToPng(target, { backgroundColor: background, scale: 1 });
  const a = document.createElement('a');
  a.href = url;
  a.download = `${scenario}-step-${step + 1}.png`;
  a.click();
}

/** The run as files: a transcript to read, a Mermaid diagram to paste into docs, a picture, a handout. */
export function ExportMenu({ timeline, step }: { timeline: Timeline; step: number }) {
  const exportAs = (protocol: Protocol, kind: 'text' | 'mermaid') =>
    kind === 'text'
      ? download(`${timeline.scenario}-${protocol}.txt`, transcriptText(timeline, protocol), 'text/plain')
      : download(`${timeline.scenario}-${protocol}.mmd`, mermaidSequence(timeline, protocol), 'text/plain');
  return (
    <details className={styles.exportMenu}>
      <summary className={styles.button}>Export</summary>
      <div className={styles.exportItems} role="group" aria-label="Export">
        <button
          type="button"
          className={styles.button}
          onClick={() => void downloadPicture(timeline.scenario, step)}
        >
          Picture of this step (.png)
        </button>
        <a className={styles.button} href={`/handout/?scenario=${timeline.scenario}`}>
          Printable handout
        </a>
        {(['pop3', 'imap'] as const).map((p) => (
          <span key={p}>
            <button type="button" className={styles.button} onClick={() => exportAs(p, 'text')}>
              {p.toUpperCase()} transcript (.txt)
            </button>
            <button type="button" className={styles.button} onClick={() => exportAs(p, 'mermaid')}>
              {p.toUpperCase()} sequence diagram (Mermaid)
            </button>
          </span>
        ))}
      </div>
    </details>
  );
}
