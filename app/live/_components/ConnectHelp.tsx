import type { LiveInfo } from '@/lib/live/hub';
import styles from '../../_components/compare.module.css';
import live from './live.module.css';

/** "Connect your client", filled in with this server's own host, ports and account. */
export function ConnectHelp({ info }: { info: LiveInfo }) {
  const host = info.host ?? '127.0.0.1';
  const pop3 = info.pop3Port ?? 1110;
  const imap = info.imapPort ?? 1143;
  const smtp = info.smtpPort ?? 1587;
  const user = info.accounts[0] ?? 'student';
  const password = user === 'student' ? 'secret' : '(the password you set)';
  return (
    <details className={live.help} open>
      <summary>Connect your client</summary>
      <p>
        Server <code>{host}</code>, POP3 port <code>{pop3}</code>, IMAP port <code>{imap}</code>, SMTP
        (outgoing) port <code>{smtp}</code>, user <code>{user}</code>, password <code>{password}</code>. No
        TLS: this is a teaching server on loopback, and passwords cross the wire in plain text — which is
        itself the lesson. The page masks them.
      </p>
      <h3 className={styles.panelTitle}>Thunderbird</h3>
      <p>
        Account Settings → Account Actions → Add Mail Account; any name, <code>{user}@popvsimap.lab</code>,
        password; then Configure manually: incoming IMAP, server <code>{host}</code>, port <code>{imap}</code>{' '}
        (or POP3, port <code>{pop3}</code>), connection security <em>None</em>, authentication{' '}
        <em>Normal password</em>, username <code>{user}</code>; outgoing SMTP, server <code>{host}</code>,
        port <code>{smtp}</code>, the same security and login. Accept the warning about an unencrypted
        connection. Mail to another lab account arrives in its INBOX; mail to anyone else is kept in the
        server&apos;s outbox and never sent.
      </p>
      <h3 className={styles.panelTitle}>curl</h3>
      <pre className={styles.raw}>
        {`curl pop3://${host}:${pop3}/ -u ${user}:${password}\ncurl 'imap://${host}:${imap}/INBOX;UID=1' -u ${user}:${password}\ncurl smtp://${host}:${smtp} -u ${user}:${password} --mail-from ${user}@popvsimap.lab --mail-rcpt ${user}@popvsimap.lab -T message.txt`}
      </pre>
      <h3 className={styles.panelTitle}>Python</h3>
      <pre className={styles.raw}>
        {`import imaplib\nM = imaplib.IMAP4('${host}', ${imap})\nM.login('${user}', '${password}')\nM.select('INBOX')\nprint(M.search(None, 'UNSEEN'))`}
      </pre>
      <h3 className={styles.panelTitle}>By hand, as with telnet</h3>
      <pre className={styles.raw}>
        {`socat - TCP:${host}:${imap},crlf        # then type: a1 LOGIN ${user} ${password}\nnc -C ${host} ${pop3}                      # then type: USER ${user}\n(no openssl s_client: there is no TLS to speak)`}
      </pre>
    </details>
  );
}
