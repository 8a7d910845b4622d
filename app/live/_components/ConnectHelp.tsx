'use client';
import { useEffect, useRef, useState } from 'react';
import type { LiveInfo } from '@/lib/live/view-types';
import styles from '../../_components/compare.module.css';
import live from './live.module.css';

/**
 * "Connect your client", filled in with this server's own host, ports and account. Open while no
 * client is connected; it folds away once, when the first session opens (unless the reader has
 * opened or closed it), so that the sessions' diagram comes up to the first screen. Folded, its
 * summary still gives the host and the plain ports.
 */
export function ConnectHelp({ info, clientConnected }: { info: LiveInfo; clientConnected: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // The reader's own choice wins over the folding.
  const chosen = useRef(false);
  const [openAtFirst] = useState(!clientConnected);
  useEffect(() => {
    if (clientConnected && !chosen.current && ref.current) ref.current.open = false;
  }, [clientConnected]);
  const host = info.host ?? '127.0.0.1';
  const pop3 = info.pop3Port ?? 1110;
  const imap = info.imapPort ?? 1143;
  const smtp = info.smtpPort ?? 1587;
  const imaps = info.imapsPort ?? 1993;
  const pop3s = info.pop3sPort ?? 1995;
  const submissions = info.submissionsPort;
  const user = info.accounts[0] ?? 'student';
  const password = user === 'student' ? 'secret' : '(the password you set)';
  return (
    <details ref={ref} className={live.help} open={openAtFirst}>
      <summary onClick={() => (chosen.current = true)}>
        Connect your client{' '}
        <span className={live.helpBrief}>
          (server {host}: IMAP {imap}, POP3 {pop3}, SMTP {smtp})
        </span>
      </summary>
      <p>
        Server <code>{host}</code>, POP3 port <code>{pop3}</code>, IMAP port <code>{imap}</code>, SMTP
        (outgoing) port <code>{smtp}</code>, user <code>{user}</code>, password <code>{password}</code>.
      </p>
      <p>
        TLS: IMAP with TLS from the first byte on port <code>{imaps}</code>, POP3 on port <code>{pop3s}</code>
        {submissions !== null ? (
          <>
            , SMTP on port <code>{submissions}</code>
          </>
        ) : null}{' '}
        (Implicit TLS, RFC 8314 §3, which mail clients’ settings call &ldquo;SSL/TLS&rdquo;); or STARTTLS on
        the plain ports (STLS for POP3). Plain-text login without TLS is allowed here because your client and
        this server are the same machine (loopback): nobody else can see those packets. From any other machine
        IMAP advertises LOGINDISABLED, POP3 and SMTP refuse to log in until TLS has started (the server policy
        RFC 3501 §6.2.3, RFC 2595 §2.3 and RFC 4954 §4 have servers offer), because anyone who can see the
        traffic (other guests on an open Wi-Fi, the network’s operator, every hop beyond) could read the
        password. The page masks passwords.
      </p>
      {info.tlsFingerprint ? (
        <p>
          Certificate SHA-256 fingerprint: <code className={live.fingerprint}>{info.tlsFingerprint}</code>;
          compare it with what your client shows.{' '}
          {info.tlsSelfSigned
            ? 'It is self-signed (made when the server started), so your client will warn that no authority vouches for it; accept it only if the fingerprints match.'
            : null}
        </p>
      ) : null}
      <h3 className={styles.panelTitle}>Thunderbird</h3>
      <p>
        Account Settings → Account Actions → Add Mail Account; any name, <code>{user}@popvsimap.lab</code>,
        password; then Configure manually: incoming IMAP, server <code>{host}</code>, port <code>{imap}</code>{' '}
        (or POP3, port <code>{pop3}</code>), connection security <em>None</em> (or port <code>{imaps}</code> /{' '}
        <code>{pop3s}</code> with <em>SSL/TLS</em>, or the plain port with <em>STARTTLS</em>), authentication{' '}
        <em>Normal password</em>, username <code>{user}</code>; outgoing SMTP, server <code>{host}</code>,
        port <code>{smtp}</code>, <em>STARTTLS</em> or <em>None</em>, the same login. Accept the warning about
        an unencrypted connection, or the certificate exception after comparing its fingerprint. Mail to
        another lab account arrives in its INBOX; mail to anyone else is kept in the server&apos;s outbox and
        never sent.
      </p>
      <h3 className={styles.panelTitle}>curl</h3>
      <pre className={styles.raw}>
        {`curl pop3://${host}:${pop3}/ -u ${user}:${password}\ncurl 'imap://${host}:${imap}/INBOX;UID=1' -u ${user}:${password}\ncurl smtp://${host}:${smtp} -u ${user}:${password} --mail-from ${user}@popvsimap.lab --mail-rcpt ${user}@popvsimap.lab -T message.txt\ncurl --insecure 'imaps://${host}:${imaps}/INBOX;UID=1' -u ${user}:${password}\ncurl --insecure pop3s://${host}:${pop3s}/1 -u ${user}:${password}\ncurl --ssl-reqd --insecure smtp://${host}:${smtp} -u ${user}:${password} --mail-from ${user}@popvsimap.lab --mail-rcpt ${user}@popvsimap.lab -T message.txt`}
      </pre>
      <h3 className={styles.panelTitle}>Python</h3>
      <pre className={styles.raw}>
        {`import imaplib\nM = imaplib.IMAP4('${host}', ${imap})\nM.login('${user}', '${password}')\nM.select('INBOX')\nprint(M.search(None, 'UNSEEN'))`}
      </pre>
      <h3 className={styles.panelTitle}>By hand, as with telnet</h3>
      <pre className={styles.raw}>
        {`socat - TCP:${host}:${imap},crlf        # then type: a1 LOGIN ${user} ${password}\nnc -C ${host} ${pop3}                      # then type: USER ${user}\nopenssl s_client -connect ${host}:${imaps} -crlf         # IMAP inside TLS; it prints the certificate\nopenssl s_client -connect ${host}:${imap} -starttls imap -crlf`}
      </pre>
    </details>
  );
}
