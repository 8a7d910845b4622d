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

/** The run as files: a transcript to read, a Mermaid diagram to paste into docs. */
export function ExportMenu({ timeline }: { timeline: Timeline }) {
  const exportAs = (protocol: Protocol, kind: 'text' | 'mermaid') =>
    kind === 'text'
      ? download(`${timeline.scenario}-${protocol}.txt`, transcriptText(timeline, protocol), 'text/plain')
      : download(`${timeline.scenario}-${protocol}.mmd`, mermaidSequence(timeline, protocol), 'text/plain');
  return (
    <details className={styles.exportMenu}>
      <summary className={styles.button}>Export</summary>
      <div className={styles.exportItems} role="group" aria-label="Export">
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
