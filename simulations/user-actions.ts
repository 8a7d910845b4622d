import type { ImapAction } from './clients/imap-client';
import { toLocalAction } from './intent-events';
import { deviceName, popEmptyDeletedNote, popLocalNote, WEBMAIL_OFFLINE } from './narration';
import { pop3SettingsOf } from './client-settings';
import { clientMessages, RUN_EPOCH, tell, type DeviceRuntime } from './runtime';
import type { SmtpRunHost } from './smtp-runs';
import type { ScenarioSetup } from './types';

/** What the user-action handlers need of a run (runner.ts gives it). */
export type ActionHost = Pick<SmtpRunHost, 'protocol' | 'store' | 't' | 'note' | 'enqueue' | 'firstUser'> & {
  readonly setup: ScenarioSetup;
};

/** A user action (on a message, a folder, or "empty deleted"), as each kind of client handles it. */
export function act(host: ActionHost, device: DeviceRuntime, action: ImapAction, online: boolean): void {
  const id = device.spec.id;
  if (action.kind === 'check' || action.kind === 'close' || action.kind === 'append') return;
  if (action.kind === 'expunge') return expungeOn(host, device, online);
  if (action.kind === 'openFolder') return openFolderOn(host, device, action, online);
  const uid = action.uid;
  if (device.spec.kind === 'webmail')
    return host.enqueue(() => (online ? actOnServer(host, id, action) : host.note(id, WEBMAIL_OFFLINE)));
  for (const c of device.clients) {
    const has = clientMessages(c).find((m) => m.uid === uid);
    if (!has) {
      host.enqueue(() => host.note(id, `${deviceName(id)} has no message ${uid}: it is not on this device.`));
      continue;
    }
    if (host.protocol === 'pop3') {
      host.enqueue(() => {
        tell(c, { type: 'LOCAL', action: toLocalAction(action) });
        const onServer = !!host.store.getAccount(has.account)?.inbox.findByUid(uid as never);
        host.note(id, popLocalNote(id, action, pop3SettingsOf(host.setup, device.spec), onServer));
      });
    } else if (online) {
      host.enqueue(() => tell(c, { type: 'ACT', action }));
    } else {
      host.enqueue(() =>
        host.note(
          id,
          action.kind === 'open' && has.hasBody && has.partial
            ? `${deviceName(id)} shows message ${uid} from its cache: its text part was downloaded before; its attachments were not, and need the network.`
            : action.kind === 'open' && has.hasBody
              ? `${deviceName(id)} shows message ${uid} from its cache: its body was downloaded before.`
              : action.kind === 'open'
                ? `${deviceName(id)} cannot show message ${uid} offline: only its envelope, flags and size were downloaded, not its body.`
                : `${deviceName(id)} is offline: the change cannot reach the server now.`,
        ),
      );
    }
  }
}

/**
 * "Empty deleted messages": IMAP sends EXPUNGE; a POP3 client's deletions reach the server
 * only in a session (DELE, then QUIT), so it checks mail.
 */
function expungeOn(host: ActionHost, device: DeviceRuntime, online: boolean): void {
  const id = device.spec.id;
  if (!online) {
    host.enqueue(() => host.note(id, `${deviceName(id)} is offline: nothing can reach the server now.`));
    return;
  }
  for (const c of device.clients) {
    if (host.protocol === 'imap') host.enqueue(() => tell(c, { type: 'ACT', action: { kind: 'expunge' } }));
    else
      host.enqueue(() => {
        host.note(id, popEmptyDeletedNote(id, pop3SettingsOf(host.setup, device.spec)));
        tell(c, { type: 'SYNC', now: RUN_EPOCH + host.t });
      });
  }
}

/**
 * Another folder, e.g. Sent: an IMAP client fetches it from the server; POP3 gives access to one
 * maildrop (RFC 1939 §1), which servers map to the INBOX, so a POP3 device's folders are its own.
 */
function openFolderOn(
  host: ActionHost,
  device: DeviceRuntime,
  action: Extract<ImapAction, { kind: 'openFolder' }>,
  online: boolean,
): void {
  const id = device.spec.id;
  const name = deviceName(id);
  if (device.spec.kind === 'webmail')
    return host.enqueue(() =>
      host.note(
        id,
        online
          ? `Webmail shows the server's ${action.mailbox} folder as it is: the browser keeps no copy on the device.`
          : WEBMAIL_OFFLINE,
      ),
    );
  if (host.protocol === 'pop3')
    return host.enqueue(() =>
      host.note(
        id,
        `Nothing goes on the wire: POP3 gives access to one maildrop (RFC 1939 §1), which servers map to the INBOX, and has no command to list or open another folder. ${name}'s ${action.mailbox} folder is its own, on the device, so a message sent from another device is not in it.`,
      ),
    );
  if (!online)
    return host.enqueue(() =>
      host.note(id, `${name} is offline: it cannot fetch the ${action.mailbox} folder from the server now.`),
    );
  for (const c of device.clients) host.enqueue(() => tell(c, { type: 'ACT', action }));
}

/** Webmail acts on the server's mailbox directly; other sessions hear of it through the change feed. */
function actOnServer(
  host: ActionHost,
  id: string,
  action: Exclude<
    ImapAction,
    { kind: 'check' } | { kind: 'close' } | { kind: 'expunge' } | { kind: 'append' } | { kind: 'openFolder' }
  >,
): void {
  const account = host.store.getAccount(host.firstUser())!;
  const message = account.inbox.findByUid(action.uid as never);
  if (!message) return host.note(id, `Webmail cannot find message ${action.uid}: it is not on the server.`);
  if (action.kind === 'open') account.inbox.setFlags(message, [...message.flags, '\\Seen']);
  else if (action.kind === 'flag') {
    const flags = new Set(message.flags);
    if (action.on) flags.add(action.flag);
    else flags.delete(action.flag);
    account.inbox.setFlags(message, flags);
  } else {
    account.getMailbox('Trash')!.append(message.raw, message.flags, message.internalDate);
    account.inbox.expunge([message]);
  }
  host.note(id, `Webmail changes message ${action.uid} on the server itself.`);
}
