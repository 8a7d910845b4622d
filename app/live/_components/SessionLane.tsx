'use client';
import { memo, useState } from 'react';
import type { LiveLine, LiveSessionView } from '@/lib/live/view-types';
import type { Tone } from '../../_components/frame-text';
import { Packet } from '../../_components/Packet';
import styles from '../../_components/compare.module.css';
import live from './live.module.css';

/** Lines drawn per lane (the page keeps more, for choosing one): many lanes stay smooth. */
const LINES_DRAWN = 14;

const tone = (l: LiveLine): Tone =>
  l.direction === 'c2s'
    ? 'request'
    : l.outcome === 'err' || l.outcome === 'no' || l.outcome === 'bad'
      ? 'error'
      : l.outcome === 'ok'
        ? 'ok'
        : 'info';

function label(l: LiveLine): string {
  const words = l.text.split(/\s+/);
  if (l.direction === 'c2s') return l.command ?? words[0] ?? '';
  if (words[0] === '*' || words[0] === '+') return words.slice(0, 2).join(' ');
  // SMTP: the reply code (RFC 5321 §4.2), e.g. 250, 354, 535.
  if (/^\d{3}(-|$)/.test(words[0] ?? '')) return words[0]!.slice(0, 3);
  return words[0]?.startsWith('+OK') || words[0] === '-ERR' ? words[0]! : (words[1] ?? '');
}

/** One client's session: who, which protocol, its state, and its lines as they arrive. */
export const SessionLane = memo(function SessionLane({
  session,
}: {
  /** `label`: the class student's ("student 3", or their name on the trainer's page; ClassNames.tsx). */
  session: LiveSessionView & { readonly label?: string };
}) {
  const [chosen, setChosen] = useState<number | null>(null);
  const last = session.lines[session.lines.length - 1];
  const shown = session.lines.find((l) => l.seq === chosen) ?? last;
  const name = session.protocol.toUpperCase();
  return (
    <article
      className={live.lane}
      aria-label={`${name} session ${session.label ? `of ${session.label} ` : ''}from ${session.client}`}
      data-open={session.open}
    >
      <h3 className={styles.panelTitle}>
        {name} · {session.label ? `${session.label} · ` : ''}
        {session.client}
        <span className={session.open ? styles.online : styles.offline}>
          {session.open ? 'open' : 'closed'}
        </span>
        <span className={styles.connected}>{session.state}</span>
      </h3>
      <div className={styles.lane} aria-hidden="true">
        <span className={styles.laneEnd}>server</span>
        <div className={styles.track}>
          {last && (
            <Packet
              key={last.seq}
              toServer={last.direction === 'c2s'}
              tone={tone(last)}
              label={label(last)}
              durationMs={600}
            />
          )}
        </div>
        <span className={styles.laneEnd}>client</span>
      </div>
      <ol className={styles.lines} aria-label={`${name} session ${session.id} transcript`}>
        {session.lines.slice(-LINES_DRAWN).map((l) => (
          <li key={l.seq}>
            <button
              type="button"
              className={`${styles.line} ${styles[`tone-text-${tone(l)}`]}`}
              aria-current={l === last ? 'step' : undefined}
              aria-pressed={l.seq === chosen}
              onClick={() => setChosen(l.seq === chosen ? null : l.seq)}
            >
              <span className={styles.linePrefix}>{l.direction === 'c2s' ? 'C:' : 'S:'}</span>{' '}
              {l.text.split('\r\n')[0]}
              {l.masked && <span className={styles.more}> (password masked)</span>}
            </button>
          </li>
        ))}
      </ol>
      {shown && (
        <div className={styles.details}>
          <p className={styles.detailsHead}>
            {shown.direction === 'c2s' ? 'Client → server' : 'Server → client'}
            {shown.command ? ` · ${shown.command}` : ''} · {shown.bytes} bytes
            {shown.rfc ? ` · ${shown.rfc}` : ''} · state {shown.state}
          </p>
          {shown.explanation && (
            <p>{shown.explanation.charAt(0).toUpperCase() + shown.explanation.slice(1)}.</p>
          )}
          {shown.masked &&
            (shown.tls ? (
              <p>
                The password is masked here. On the wire it travelled inside TLS: anyone on the path saw only
                encrypted records and their sizes, provided the client checked the server’s certificate (this
                lab’s is self-signed unless the trainer gave one); otherwise a man in the middle could have
                read it.
              </p>
            ) : (
              <p>
                The password is masked here. On the wire it travelled in the clear (a SASL response is base64,
                an encoding anyone can undo, not encryption): without TLS, anyone on the path could read it.
              </p>
            ))}
        </div>
      )}
    </article>
  );
});
