/**
 * # MULTIAPPEND: several messages in one APPEND, all or none (RFC 3502)
 *
 * `APPEND mailbox (flags) date {n} … (flags) date {m} …`: each message has its own flags and
 * date (`append = "APPEND" SP mailbox 1*append-message`, §6.3.11 and its formal syntax). With
 * LITERAL+ the whole upload is one round trip. The command (`commands/append.ts`) reads and
 * builds every message, checks the quota for all of them, and only then stores them, so a
 * failure (a missing mailbox, `[OVERQUOTA]`, an empty message, which "can be used to cancel the
 * append") leaves the mailbox as it was. The UIDPLUS code names every new UID in order:
 * `[APPENDUID uidvalidity 7:9]` (RFC 3502, "MULTIAPPEND Interaction with UIDPLUS Extension").
 * Each message may take any data form APPEND knows (a literal8 with BINARY, CATENATE…).
 */
import { defineExtension } from '../define';

export const multiappend = defineExtension({
  name: 'multiappend',
  rfc: 'RFC 3502',
  capability: 'MULTIAPPEND',
  multiAppend: true,
});
