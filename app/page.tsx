import styles from './page.module.css';

/** Home: for now an overview of the two workflows; the side-by-side player grows here. */
export default function HomePage() {
  return (
    <main className={styles.main}>
      <header>
        <h1>POP vs IMAP Lab</h1>
        <p className={styles.lede}>
          The same mail story, played against both protocols side by side: every command and response on the
          wire, the server mailbox and every device&apos;s local copy visible at each step.
        </p>
      </header>
      <div className={styles.columns}>
        <section aria-labelledby="pop3-heading" className={styles.column}>
          <h2 id="pop3-heading">POP3</h2>
          <p>Downloads mail for local keeping and, by default, deletes it from the server.</p>
          <ol>
            <li>
              <code>USER</code> / <code>PASS</code> — log in
            </li>
            <li>
              <code>STAT</code>, <code>LIST</code>, <code>UIDL</code> — what is waiting
            </li>
            <li>
              <code>RETR</code> each message, then <code>DELE</code> it
            </li>
            <li>
              <code>QUIT</code> — only now are the deletions committed
            </li>
          </ol>
        </section>
        <section aria-labelledby="imap-heading" className={styles.column}>
          <h2 id="imap-heading">IMAP</h2>
          <p>Leaves mail on the server, fetches headers first and bodies on demand, and syncs flags.</p>
          <ol>
            <li>
              <code>LOGIN</code>, <code>SELECT INBOX</code>
            </li>
            <li>
              <code>FETCH 1:* (FLAGS ENVELOPE)</code> — headers only
            </li>
            <li>
              <code>FETCH n BODY[]</code> when a message is opened — it becomes <code>\Seen</code> on the
              server
            </li>
            <li>every other device sees the same flags</li>
          </ol>
        </section>
      </div>
    </main>
  );
}
