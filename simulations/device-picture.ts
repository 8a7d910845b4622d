import type { Account } from '../lib/mailstore/account';
import type { FolderView } from './clients/imap-client';
import { localBytes } from './clients/local-store';
import { clientMessages, type DeviceRuntime } from './runtime';
import type { DeviceSnapshot, LocalMessage, Protocol } from './types';

/**
 * A device as a frame pictures it: online, connected (POP3/IMAP, and SMTP while sending), what
 * its clients are doing and the mail stored on it. Webmail stores nothing: it shows the server's INBOX as it is (`webmailAccount`).
 */
export function pictureDevice(d: DeviceRuntime, protocol: Protocol, webmailAccount: Account): DeviceSnapshot {
  const snapshot = d.actor.getSnapshot();
  const messages =
    d.spec.kind === 'webmail' ? webmailView(webmailAccount) : d.clients.flatMap((c) => clientMessages(c));
  return {
    id: d.spec.id,
    kind: d.spec.kind,
    client: d.spec.kind === 'webmail' ? 'server' : protocol,
    online: snapshot.matches({ network: 'online' }),
    connected: d.clients.some((c) => c.connection !== null),
    ...(d.smtp ? { smtp: true as const } : {}),
    clientState:
      d.clients.map((c) => String(c.actor.getSnapshot().value)).join(', ') ||
      (snapshot.matches({ app: 'open' }) ? 'open' : 'closed'),
    messages,
    localBytes: localBytes(messages),
    settings: d.settings,
    ...folderOf(d),
  };
}

/** The other folder an IMAP client last showed (absent for POP3 and until one is opened). */
function folderOf(d: DeviceRuntime): Pick<DeviceSnapshot, 'folder'> {
  for (const c of d.clients) {
    const folder = (c.actor.getSnapshot().context as { folder?: FolderView | null }).folder;
    if (folder) return { folder };
  }
  return {};
}

function webmailView(account: Account): LocalMessage[] {
  return account.inbox.messages.map((m) => ({
    uid: m.uid,
    subject: /\r\nSubject: ([^\r\n]*)/.exec('\r\n' + m.raw)?.[1] ?? '(no subject)',
    from: /\r\nFrom: ([^\r\n<]*)/.exec('\r\n' + m.raw)?.[1]?.trim() ?? '',
    size: m.size,
    seen: m.flags.has('\\Seen'),
    flagged: m.flags.has('\\Flagged'),
    deleted: m.flags.has('\\Deleted'),
    hasBody: true,
    account: account.user,
    storedBytes: 0,
  }));
}
