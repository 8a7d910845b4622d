import { ImapSession } from '@/lib/imap/session';
import { seedStore } from '@/lib/mailstore/seed';
import { MailStore } from '@/lib/mailstore/store';
import { Pop3Session } from '@/lib/pop3/session';
import { LoopbackConnection } from '@/lib/session/loopback';
import { createServerContext, type SessionEvent } from '@/lib/session/types';

/** A connection to a fresh engine in the page (loaded only when the terminal is used). */
export function openTerminalConnection(
  protocol: 'pop3' | 'imap',
  onEvent: (e: SessionEvent) => void,
): LoopbackConnection {
  const store = new MailStore();
  seedStore(store);
  const server = createServerContext(store);
  const connection = new LoopbackConnection(
    (io) => (protocol === 'pop3' ? new Pop3Session(server, io) : new ImapSession(server, io)),
    { keepEvents: false, onEvent },
  );
  connection.take();
  return connection;
}
