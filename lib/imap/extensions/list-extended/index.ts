/**
 * # LIST-EXTENDED (RFC 5258) and LIST-STATUS (RFC 5819)
 *
 * IMAP4rev2 folded most of both into LIST (RFC 9051 §6.3.9), so the command itself is core
 * (commands/list.ts, list-mailboxes.ts): selection options `(SUBSCRIBED REMOTE RECURSIVEMATCH
 * SPECIAL-USE)`, several patterns in parentheses, `RETURN (SUBSCRIBED CHILDREN SPECIAL-USE
 * STATUS (…))`, `\NonExistent` for subscribed names without a mailbox, and CHILDINFO with
 * RECURSIVEMATCH. An IMAP4rev1 client may use those forms only when the server advertises
 * them (RFC 5258 §1, RFC 5819 §1), and an IMAP4rev2 client the several patterns (RFC 9051
 * Appendix C): advertising them is all this folder adds. REMOTE has nothing to show:
 * this server has no remote mailboxes (RFC 5258 §3.1 lets such a server accept it).
 */
import { defineExtension } from '../define';

export const listExtended = defineExtension({
  name: 'list-extended',
  // LIST-STATUS, the STATUS return option, is RFC 5819's.
  rfc: 'RFC 5258, RFC 5819',
  capability: ['LIST-EXTENDED', 'LIST-STATUS'],
});
