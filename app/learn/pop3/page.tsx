import type { Metadata } from 'next';
import { pop3Reference } from '@/lib/reference/reference';
import { ReferencePage } from '../_components/ReferencePage';
import { StateDiagram } from '../_components/StateDiagram';

export const metadata: Metadata = { title: 'POP3 reference — POP vs IMAP Lab' };

/** /learn/pop3: built at build time from the engine's command table. */
export default function Pop3ReferencePage() {
  return (
    <ReferencePage
      protocol="POP3"
      commands={pop3Reference()}
      intro={
        <>
          <p>
            The Post Office Protocol downloads mail from a maildrop. A session logs in, lists and retrieves
            messages, marks some for deletion, and only at <code>QUIT</code> does the server remove them (RFC
            1939, with the extensions of RFC 2449).
          </p>
          <h2>A short history</h2>
          <ul>
            <li>POP, RFC 918, 1984.</li>
            <li>POP2, RFC 937, 1985.</li>
            <li>
              POP3, RFC 1081, 1988; revised as RFC 1225, 1991, RFC 1460, 1993, and RFC 1725, 1994; the current
              standard is RFC 1939, 1996 (RFC 2449 adds CAPA and response codes, 1998).
            </li>
          </ul>
        </>
      }
      diagram={
        <StateDiagram
          title="POP3"
          states={['AUTHORIZATION', 'TRANSACTION', 'UPDATE']}
          transitions={[
            { from: 0, to: 1, label: 'USER + PASS, or APOP' },
            { from: 1, to: 2, label: 'QUIT: deletions commit' },
          ]}
          note="RFC 1939 §4, §6: QUIT in AUTHORIZATION ends the session without UPDATE, and so does a session that ends any other way (a dropped connection, the autologout timer of §3): nothing is deleted."
        />
      }
    />
  );
}
