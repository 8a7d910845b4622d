import { defineCommand } from '../types';

/** RFC 9051 §6.4.1: removes \Deleted messages without EXPUNGE responses, then deselects. */
export const close = defineCommand({
  name: 'CLOSE',
  states: ['Selected'],
  syntax: 'CLOSE',
  summary: 'Close the mailbox; if it was opened read-write, silently remove the messages flagged \\Deleted.',
  rfc: 'RFC 9051 §6.4.1',
  updates: 'none',
  parse: (a) => a.end(),
  // Opened with EXAMINE, CLOSE removes nothing and says no error (RFC 9051 §6.4.1).
  explain: (_args, { readOnly }) =>
    readOnly
      ? 'close the mailbox; it was opened read-only (EXAMINE), so nothing is removed, not even messages marked \\Deleted'
      : 'close the mailbox, removing messages marked \\Deleted',
  run(ctx) {
    const selected = ctx.selected!;
    ctx.deselect();
    if (!selected.readOnly) {
      const box = selected.mailbox;
      box.expunge(
        box.messages.filter((m) => m.flags.has('\\Deleted')),
        ctx.origin,
      );
    }
    return { text: 'CLOSE completed' };
  },
});
