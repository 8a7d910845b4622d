import Link from 'next/link';
import type { ExtensionReference } from '@/lib/reference/extensions';
import type { CommandReference } from '@/lib/reference/reference';
import { ExtensionSections } from './ExtensionSections';
import styles from './learn.module.css';

/** A protocol's reference: every command the engine dispatches, each with a real exchange. */
export function ReferencePage(props: {
  protocol: 'POP3' | 'IMAP';
  intro: React.ReactNode;
  diagram: React.ReactNode;
  commands: readonly CommandReference[];
  /** IMAP: the extensions, a section each after the commands. */
  extensions?: readonly ExtensionReference[];
}) {
  const other =
    props.protocol === 'POP3'
      ? { href: '/learn/imap/', name: 'IMAP' }
      : { href: '/learn/pop3/', name: 'POP3' };
  return (
    <main className={styles.page}>
      <p className={styles.nav}>
        <Link href="/">POP vs IMAP Lab</Link> · <Link href={other.href}>{other.name} reference</Link>
      </p>
      <h1>{props.protocol} reference</h1>
      {props.intro}
      <h2>Session states</h2>
      {props.diagram}
      <h2>Commands</h2>
      <p>
        Generated from the lab&apos;s own command table: the list, the states and the examples are what the
        engine does. Each example ran against a fresh copy of the seed mailbox (user <code>student</code>,
        password <code>secret</code>).
        {props.protocol === 'IMAP' && (
          <>
            {' '}
            They are IMAP4rev2 sessions: the client sent <code>ENABLE IMAP4rev2</code> after logging in (RFC
            9051 Appendix A), so the server answers in RFC 9051&apos;s forms. LSUB (deprecated in IMAP4rev2),
            CHECK (removed from it, RFC 9051 Appendix E) and ENABLE itself (RFC 5161) ran in IMAP4rev1
            sessions (RFC 3501).
          </>
        )}
      </p>
      <nav aria-label={`${props.protocol} commands`} className={styles.index}>
        {props.commands.map((c) => (
          <a key={c.name} href={`#${anchor(c.name)}`}>
            {c.name}
          </a>
        ))}
      </nav>
      {props.commands.map((c) => (
        <section
          key={c.name}
          id={anchor(c.name)}
          aria-labelledby={`${anchor(c.name)}-h`}
          className={styles.command}
        >
          <h3 id={`${anchor(c.name)}-h`}>{c.name}</h3>
          <p>
            <code className={styles.syntax}>{c.syntax}</code>
          </p>
          <p>{c.summary}</p>
          <p className={styles.meta}>
            Allowed in: {c.states.join(', ')} · {c.rfc}
          </p>
          <pre className={styles.exchange} aria-label={`Example: ${c.name}`} tabIndex={0}>
            {c.example.map((l) => `${l.from}: ${l.text}`).join('\n')}
          </pre>
        </section>
      ))}
      {props.extensions && <ExtensionSections extensions={props.extensions} />}
    </main>
  );
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '-');
}
