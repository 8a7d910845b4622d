import type { Protocol } from './types';

/*
 * What each client machine state means, in words a learner reads on a device card ("POP3
 * client: downloading a message (RETR)") instead of the machine's own names (`retrieving`).
 * Light on purpose: the page imports it without the machines. States a client only passes
 * through (`ready`, `performing`, `nextDownload`…) are listed too, in case a frame lands there.
 */
const LABELS: Record<Protocol, Record<string, string>> = {
  pop3: {
    disconnected: 'not connected',
    connecting: 'connecting',
    capa: 'asking what the server supports (CAPA)',
    capaBeforeTls: 'asking what the server supports, to see STLS offered (CAPA)',
    stls: 'switching the connection to TLS (STLS)',
    user: 'sending the user name (USER)',
    pass: 'sending the password (PASS)',
    stat: 'asking how much mail there is (STAT)',
    list: 'asking for message sizes (LIST)',
    uidl: 'asking for each message’s unique-id (UIDL)',
    nextDownload: 'choosing what to download',
    retrieving: 'downloading a message (RETR)',
    nextDeletion: 'choosing what to delete',
    deleting: 'marking a message for deletion (DELE; removed at QUIT)',
    quitting: 'ending the session (QUIT; after login, the server then removes whatever DELE marked)',
    failed: 'stopped by an error',
  },
  imap: {
    disconnected: 'not connected',
    connecting: 'connecting',
    login: 'logging in (LOGIN)',
    select: 'opening INBOX (SELECT)',
    enablingQresync: 'turning on quick resynchronization (ENABLE QRESYNC)',
    selectQresync: 'opening INBOX and asking what changed since last time (SELECT … QRESYNC)',
    fetchNew: 'fetching the envelopes (a summary of each header) of new mail (FETCH)',
    resyncFlags: 'refreshing flags changed elsewhere (FETCH FLAGS)',
    ready: 'connected, INBOX open',
    waiting: 'connected, INBOX open',
    idling: 'waiting for the server to announce changes (IDLE)',
    leavingIdle: 'leaving IDLE (DONE)',
    performing: 'carrying out your action',
    fetchingOffline: 'downloading offline copies of every message (FETCH BODY.PEEK[])',
    askingQuota: 'asking how full the account is (GETQUOTAROOT)',
    choosingDownload: 'carrying out your action',
    fetchingStructure: "asking for the message's parts (FETCH BODYSTRUCTURE)",
    fetchingText: 'downloading only the text part (FETCH BODY.PEEK[1])',
    markingSeen: 'marking the message read on the server (STORE \\Seen)',
    fetchingBody: 'downloading a whole message (FETCH BODY[])',
    storing: 'changing flags on the server (STORE)',
    deleting: 'carrying out your action',
    findingTrash: 'asking which mailbox is Trash (LIST)',
    moving: 'moving a message to Trash (MOVE)',
    markingDeleted: 'marking a message \\Deleted (STORE; removed at EXPUNGE)',
    expunging: 'removing messages marked \\Deleted (EXPUNGE)',
    appending: 'saving a copy of the sent message in Sent (APPEND)',
    listingFolders: 'listing the folders (LIST)',
    selectingFolder: 'opening another folder (SELECT)',
    fetchingFolder: 'fetching that folder’s envelopes (UID FETCH ENVELOPE)',
    checking: 'checking for changes (NOOP)',
    startingTls: 'switching the connection to TLS (STARTTLS)',
    recheckingCapabilities: 'asking the capabilities again, now inside TLS (CAPABILITY)',
    loggingOut: 'ending the session (LOGOUT)',
    failed: 'stopped by an error',
  },
};

/**
 * A device's client state(s) in words. Devices with several accounts report one state per
 * client, comma-separated; a device without clients reports its app state (`open`/`closed`).
 */
export function describeClientState(protocol: Protocol, state: string): string {
  return state
    .split(', ')
    .map((s) => LABELS[protocol][s] ?? (s === 'open' ? 'app open' : s === 'closed' ? 'app closed' : s))
    .join('; ');
}

/** For the tests: every state name with a label. */
export const LABELLED_STATES: Readonly<Record<Protocol, readonly string[]>> = {
  pop3: Object.keys(LABELS.pop3),
  imap: Object.keys(LABELS.imap),
};
