'use client';
import { overhear } from '@/simulations/eavesdropper';
import type { Frame } from '@/simulations/types';
import { useOverflowTabStop } from './use-overflow-tab-stop';
import styles from './Eavesdropper.module.css';

/** How many of the latest wire units the panel lists. */
const SHOWN = 8;

/**
 * "What someone on the café Wi-Fi sees": the latest wire units up to the current step as an
 * eavesdropper on the same network reads them. Before TLS, the exact text (the password too);
 * inside TLS, only "TLS record, about N octets" (an estimate, see simulations/eavesdropper.ts).
 * A closed disclosure by default; it reads only the frames it is given, and only while open (a
 * step or a seek costs nothing here until the learner opens it). Open or closed as the parent
 * says: the compare view opens both columns' together, so the two diagrams below stay level.
 */
export function Eavesdropper(props: {
  protocol: string;
  frames: readonly Frame[];
  frame: Frame;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const { open } = props;
  const seen: { step: number; kind: 'plain' | 'tls'; text: string }[] = [];
  for (let i = props.frame.step; open && i >= 0 && seen.length < SHOWN; i--) {
    const f = props.frames[i]!;
    const o = overhear(f);
    if (!o) continue;
    const text =
      o.kind === 'plain' ? `${f.direction === 'c2s' ? '→' : '←'} ${o.text.split('\r\n')[0]}` : o.text;
    seen.unshift({ step: f.step, kind: o.kind, text });
  }
  return (
    <details
      data-part="eavesdropper"
      className={styles.panel}
      data-testid={`${props.protocol.toLowerCase()}-eavesdropper`}
      open={open}
      onToggle={(e) => {
        if (e.currentTarget.open !== open) props.onToggle(e.currentTarget.open);
      }}
    >
      <summary>What an eavesdropper on the Wi-Fi sees</summary>
      {open && <Overheard protocol={props.protocol} seen={seen} />}
      <p className={styles.note}>
        Plain text is readable by anyone who can see the traffic, passwords included. Inside TLS the commands
        and the mail are hidden; still visible are the server&apos;s address and port (which tell IMAP, POP3
        and SMTP apart), its name in the handshake, and each record&apos;s size (estimated as the text plus 22
        octets, TLS 1.3) and timing; the handshake is not drawn. The sender&apos;s server delivering to the
        lab&apos;s is not on this Wi-Fi, so it is not listed.
      </p>
    </details>
  );
}

/**
 * The lines overheard, in a box of the same height in both columns (so the diagrams below stay
 * level): the latest at the bottom, in view; older ones scroll (and the box is then a Tab stop).
 */
function Overheard(props: {
  protocol: string;
  seen: readonly { step: number; kind: string; text: string }[];
}) {
  const [ref, tabIndex] = useOverflowTabStop<HTMLDivElement>();
  return (
    <div
      ref={ref}
      className={styles.window}
      tabIndex={tabIndex}
      role={tabIndex === 0 ? 'group' : undefined}
      aria-label={tabIndex === 0 ? `${props.protocol} traffic overheard` : undefined}
    >
      {props.seen.length === 0 ? (
        <p className={styles.note}>Nothing has crossed the network yet.</p>
      ) : (
        <ol className={styles.lines} aria-label={`${props.protocol} traffic as an eavesdropper sees it`}>
          {props.seen.map((s) => (
            <li key={s.step} className={s.kind === 'tls' ? styles.tls : styles.plain} data-kind={s.kind}>
              {s.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
