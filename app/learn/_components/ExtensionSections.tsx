import type { ConversationNode, ExtensionReference } from '@/lib/reference/extensions';
import styles from './learn.module.css';

/**
 * The IMAP extensions, a section each, straight from the engine's extension registry: what the
 * extension is for, its RFC and capability names, what it adds (commands, FETCH modifiers…), its
 * response codes, and an exchange run against the engine at build time. The section whose
 * example holds a THREAD response also draws it as a conversation view.
 */
export function ExtensionSections({ extensions }: { extensions: readonly ExtensionReference[] }) {
  return (
    <>
      <h2 id="extensions">Extensions</h2>
      <p>
        What the server offers beyond IMAP4rev1 (RFC 3501), one folder each in the engine, each advertised in{' '}
        <code>CAPABILITY</code> once it is complete. SEARCHRES and LIST-STATUS are part of IMAP4rev2 itself
        (RFC 9051 Appendix E): their names in <code>CAPABILITY</code> are for IMAP4rev1 clients. BINARY and
        LIST-EXTENDED are only in part (RFC 9051 Appendices B and C): IMAP4rev2 has BINARY&rsquo;s FETCH items
        but not APPEND with a literal8, and LIST&rsquo;s options but not several patterns, so those two names
        matter to IMAP4rev2 clients too. The examples ran against the seed mailbox like the commands above;
        lines a second session (&ldquo;another device&rdquo;) sent first are not shown.
      </p>
      <nav aria-label="IMAP extensions" className={styles.index}>
        {extensions.map((e) => (
          <a key={e.name} href={`#ext-${e.name}`}>
            {title(e)}
          </a>
        ))}
      </nav>
      {extensions.map((e) => (
        <section
          key={e.name}
          id={`ext-${e.name}`}
          aria-labelledby={`ext-${e.name}-h`}
          className={styles.command}
        >
          <h3 id={`ext-${e.name}-h`}>
            {title(e)} <span className={styles.rfc}>({e.rfc})</span>
          </h3>
          {e.summary && <p>{e.summary}</p>}
          <ul className={styles.adds}>
            {e.capabilities.length > 0 && (
              <li>
                Capability: <code>{e.capabilities.join(' ')}</code>
              </li>
            )}
            {e.adds.map((a) => (
              <li key={a.kind}>
                Adds {a.kind}: <code>{a.names.join(', ')}</code>
              </li>
            ))}
            {e.responseCodes.map((c) => (
              <li key={c.name}>
                Response code <code>[{c.name}]</code>: {c.summary} ({c.rfc})
              </li>
            ))}
          </ul>
          {e.example.length > 0 && (
            <pre className={styles.exchange} aria-label={`Example: ${title(e)}`} tabIndex={0}>
              {e.example.map((l) => `${l.from}: ${l.text}`).join('\n')}
            </pre>
          )}
          {e.conversation.length > 0 && (
            <figure className={styles.conversation}>
              <figcaption>
                The conversation view a client draws from the first <code>* THREAD</code> line above: each
                message under the one it answers.
              </figcaption>
              <ThreadList nodes={e.conversation} label="Conversation view" />
            </figure>
          )}
        </section>
      ))}
    </>
  );
}

function ThreadList({ nodes, label }: { nodes: readonly ConversationNode[]; label?: string }) {
  return (
    <ul aria-label={label} className={styles.thread}>
      {nodes.map((n, i) => (
        <li key={`${n.number ?? 'missing'}-${i}`}>
          <span className={styles.threadMessage}>
            <b>{n.number ?? '—'}</b> {n.subject}
            {n.from && <span className={styles.threadFrom}> · {n.from}</span>}
          </span>
          {n.children.length > 0 && <ThreadList nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

/** The section's name: its capability names, or the folder's while it advertises none. */
function title(e: ExtensionReference): string {
  return e.capabilities.length ? e.capabilities.join(', ') : `${e.name} (not advertised yet)`;
}
