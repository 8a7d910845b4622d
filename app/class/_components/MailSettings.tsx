import type { LiveInfo } from '@/lib/live/view-types';
import styles from './class.module.css';

/** The settings a student's own mail client needs (from the class stream): the live server's. */
export type MailSettingsView = Pick<
  LiveInfo,
  | 'imapPort'
  | 'pop3Port'
  | 'smtpPort'
  | 'imapsPort'
  | 'pop3sPort'
  | 'submissionsPort'
  | 'tlsFingerprint'
  | 'tlsSelfSigned'
> & { readonly host: string };

/** "Your mail account": user, password, host and ports, TLS, as the Live page's ConnectHelp says it. */
export function MailSettings({
  user,
  password,
  mail,
}: {
  user: string;
  password: string;
  mail: MailSettingsView;
}) {
  return (
    <section className={styles.card} aria-labelledby="mail-account">
      <h2 id="mail-account">Your mail account</h2>
      <dl>
        <dt>User name</dt>
        <dd>
          <code data-testid="class-user">{user}</code> (address <code>{user}@popvsimap.lab</code>)
        </dd>
        <dt>Password</dt>
        <dd>
          <code data-testid="class-password">{password}</code>
        </dd>
        <dt>Server</dt>
        <dd>
          <code data-testid="class-host">{mail.host}</code>
        </dd>
        <dt>Incoming</dt>
        <dd>
          IMAP port <code data-testid="class-imap-port">{mail.imapPort ?? '—'}</code> with STARTTLS, or{' '}
          <code>{mail.imapsPort ?? '—'}</code> with SSL/TLS; POP3 port <code>{mail.pop3Port ?? '—'}</code>{' '}
          with STARTTLS (STLS), or <code>{mail.pop3sPort ?? '—'}</code> with SSL/TLS.
        </dd>
        <dt>Outgoing (SMTP)</dt>
        <dd>
          Port <code>{mail.smtpPort ?? '—'}</code> with STARTTLS
          {mail.submissionsPort !== null ? (
            <>
              , or <code>{mail.submissionsPort}</code> with SSL/TLS
            </>
          ) : null}
          ; the same user name and password.
        </dd>
      </dl>
      <p>
        From your own device the server asks for TLS before it takes a password (IMAP says LOGINDISABLED, RFC
        9051 §6.2.3; POP3 and SMTP refuse to log in), because anyone on the room&apos;s network could read it
        otherwise. Choose STARTTLS or SSL/TLS in your client.
      </p>
      {mail.tlsFingerprint ? (
        <p>
          Certificate SHA-256 fingerprint: <code className={styles.fingerprint}>{mail.tlsFingerprint}</code>.{' '}
          {mail.tlsSelfSigned
            ? 'It is self-signed (made when the server started): your client will warn that no authority vouches for it. Accept it only if the fingerprint your client shows is this one.'
            : null}
        </p>
      ) : null}
      <p>
        Mail to another class account (<code>student02@popvsimap.lab</code>, …) arrives in its INBOX; mail to
        anyone else stays in the lab&apos;s outbox and is never sent.
      </p>
    </section>
  );
}
