/**
 * NOTIFY (RFC 5465): the client says which changes it wants to hear of, in which mailboxes, and
 * the server reports them unasked whenever it may send untagged data (not only during IDLE):
 * the selected mailbox's as EXISTS/EXPUNGE/FETCH (§5.1–§5.3), other mailboxes' as STATUS, name
 * and subscription changes as LIST (§5.4, §5.5).
 */
import type { StoredMessage } from '../../../mailstore/message';
import type { FetchItem } from '../../fetch-items';
import { renderItem } from '../../fetch-render';
import type { SelectedMailbox } from '../../selected';
import { ImapError } from '../../types';
import { defineExtension, type SelectedUpdateRule } from '../define';
import { notify } from './notify';
import { notifyStateOf, setNotifyState } from './state';

/** After NOTIFY without SELECTED (or NOTIFY NONE): nothing about the selected mailbox is pushed. */
const NOTHING: SelectedUpdateRule = { push: 'none', flags: false, withUid: false };

/** The highest UID each selected mailbox's client knew before a report, for MessageNew's FETCH. */
const knownUid = new WeakMap<SelectedMailbox, number>();

export const notifyExtension = defineExtension({
  name: 'notify',
  rfc: 'RFC 5465',
  capability: 'NOTIFY',
  commands: [notify],
  responseCodes: [
    {
      name: 'BADEVENT',
      summary: 'NOTIFY asked for an event this server does not report; the code lists those it does.',
      rfc: 'RFC 5465 §3.1',
    },
    {
      name: 'NOTIFICATIONOVERFLOW',
      summary:
        'Too many mailboxes to watch (tagged NO), or too much news held: notifications are now off (untagged OK).',
      // The tagged NO is §3.1's, the untagged OK §5.8's.
      rfc: 'RFC 5465 §3.1, §5.8',
    },
  ],
  hooks: {
    // §4, §6.1: once NOTIFY was sent, the selected mailbox's changes are pushed as it asked,
    // during IDLE too (and only those); SELECTED-DELAYED holds EXPUNGE for a command that allows it.
    selectedUpdates(session) {
      const state = notifyStateOf(session);
      if (!state) return undefined;
      const selected = state.watch?.overflowed ? null : state.selected;
      if (!selected?.events.has('MessageNew')) return NOTHING;
      const flags = selected.events.has('FlagChange');
      return { push: selected.delayed ? 'no-expunge' : 'all', flags, withUid: flags };
    },
    pendingLines: (session) => notifyStateOf(session)?.watch?.take() ?? [],
    sessionClosed: (session) => setNotifyState(session, null),
    // §5.2: after EXISTS, a FETCH of the attributes MessageNew asked for, per new message.
    mailboxUpdates(selected, phase) {
      if (phase === 'before') {
        knownUid.set(selected, selected.maxUid);
        return [];
      }
      const state = notifyStateOf(selected.origin);
      const fetch = state?.watch?.overflowed ? [] : (state?.selected?.fetch ?? []);
      const since = knownUid.get(selected) ?? selected.maxUid;
      if (!state || fetch.length === 0 || selected.maxUid <= since) return [];
      const rev2 = state.enabled.has('IMAP4REV2');
      const out: string[] = [];
      for (const { seq, message } of selected.all()) {
        if (message.uid <= since || state.watch?.own.has(message)) continue;
        const flags = selected.flagText(message, rev2);
        const items = fetch.filter((item) => renders(item, message));
        if (items.length === 0) continue;
        out.push(`${seq} FETCH (${items.map((item) => renderItem(item, message, flags)).join(' ')})`);
      }
      return out;
    },
  },
});

/**
 * False for an item that refuses this message (BINARY's `check`: a part it cannot decode,
 * RFC 3516 §4.3). A FETCH command would answer NO; a notification has no command to refuse, so the
 * item is left out and the client can FETCH it to hear why.
 */
function renders(item: FetchItem, message: StoredMessage): boolean {
  if (item.kind !== 'extension' || !item.check) return true;
  try {
    item.check(message);
    return true;
  } catch (error) {
    if (error instanceof ImapError) return false;
    throw error;
  }
}
