import { defineCommand } from '../types';

/**
 * RFC 3501 §6.4.1 (IMAP4rev1): a checkpoint of the selected mailbox. RFC 9051 removed it
 * (Appendix E: use NOOP), but IMAP4rev1 clients such as mbsync still send it, and a server
 * that advertises IMAP4rev1 must answer it. The store is in memory, so there is no
 * housekeeping to do: like NOOP, it reports waiting changes and completes.
 */
export const check = defineCommand({
  name: 'CHECK',
  states: ['Selected'],
  syntax: 'CHECK',
  summary:
    'IMAP4rev1: ask for a checkpoint, any housekeeping the server does for the mailbox; same as NOOP here.',
  rfc: 'RFC 3501 §6.4.1',
  parse: (a) => a.end(),
  explain: () => 'ask for a checkpoint of the mailbox (IMAP4rev1; works like NOOP)',
  run: () => ({}),
});
