import type { Metadata } from 'next';
import { extensionReference } from '@/lib/reference/extensions';
import { imapReference } from '@/lib/reference/reference';
import { ReferencePage } from '../_components/ReferencePage';
import { StateDiagram } from '../_components/StateDiagram';

export const metadata: Metadata = { title: 'IMAP reference — POP vs IMAP Lab' };

/** /learn/imap: built at build time from the engine's command table and extension registry. */
export default function ImapReferencePage() {
  return (
    <ReferencePage
      protocol="IMAP"
      commands={imapReference()}
      extensions={extensionReference()}
      intro={
        <>
          <p>
            The Internet Message Access Protocol keeps mail on the server: clients open mailboxes, fetch what
            they need (a summary of each message first, such as its envelope or some header fields, bodies on
            demand), and store flags such as <code>\Seen</code> there, so every device agrees (RFC 9051,
            IMAP4rev2; clients still send the IMAP4rev1 forms of RFC 3501).
          </p>
          <h2>A short history</h2>
          <ul>
            <li>IMAP, 1986 (Mark Crispin, Stanford); IMAP2, RFC 1064, 1988 (revised as RFC 1176, 1990).</li>
            <li>IMAP4, RFC 1730, 1994.</li>
            <li>IMAP4rev1, RFC 2060, 1996; revised as RFC 3501, 2003.</li>
            <li>IMAP4rev2, RFC 9051, 2021.</li>
          </ul>
        </>
      }
      diagram={
        <StateDiagram
          title="IMAP"
          states={['Not Authenticated', 'Authenticated', 'Selected', 'Logout']}
          transitions={[
            { from: 0, to: 1, label: 'LOGIN, AUTHENTICATE' },
            { from: 1, to: 2, label: 'SELECT, EXAMINE' },
            { from: 2, to: 1, label: 'CLOSE, UNSELECT' },
            { from: 2, to: 3, label: 'LOGOUT (from any state)' },
          ]}
          note="RFC 9051 §3: a server that greets with PREAUTH starts the session in Authenticated; a SELECT or EXAMINE that fails while a mailbox is selected returns to Authenticated; LOGOUT, a BYE from the server or a closed connection ends the session from any state."
        />
      }
    />
  );
}
