import { toCrlfLines } from '../../wire/line-ends';
import type { ArgReader } from '../args';
import type { AppendData } from '../extensions/define';
import { registry } from '../extensions/registry';
import { parseDateTime } from '../format';
import { parseFlagTokens } from '../flags';
import { printableName, storeOp } from '../mailbox-access';
import { SequenceSet } from '../seqset';
import { bad, defineCommand, no } from '../types';

/** One message of an APPEND: its flags, its date (null: now) and its data. */
interface AppendMessage {
  readonly flags: readonly string[];
  readonly date: number | null;
  readonly data: AppendData;
}

/**
 * `append-opts SP append-data` (RFC 9051 §9, and RFC 3502's formal syntax): optional flags and date-time, then
 * the message as a literal, or in a form an extension registers (a literal8 `~{n}` with
 * BINARY, `CATENATE (…)`, `UTF8 (…)`).
 */
function readMessage(a: ArgReader): AppendMessage {
  const flagTokens = a.optionalList();
  const flags = flagTokens ? parseFlagTokens(flagTokens) : [];
  let date: number | null = null;
  const next = a.peek();
  if (next?.type === 'string' && !next.literal) {
    a.next('date-time');
    date = parseDateTime(next.value);
    if (date === null) throw bad('Invalid date-time');
  }
  for (const def of registry().appendData) {
    const data = def.parse(a);
    if (data) return { flags, date, data };
  }
  const t = a.next('message literal');
  if (t.type !== 'string' || !t.literal) throw bad('Expected the message as a literal {n}');
  const message = t.value;
  return { flags, date, data: { words: `a ${message.length}-octet message`, octets: () => message } };
}

/**
 * RFC 9051 §6.3.12: add a message to a mailbox (a client saving to Sent or Drafts), with the
 * UIDPLUS reply code `APPENDUID uidvalidity uid-set` (RFC 4315 §3). With MULTIAPPEND (RFC 3502)
 * one APPEND carries several messages, stored all or none.
 */
export const append = defineCommand({
  name: 'APPEND',
  states: ['Authenticated', 'Selected'],
  syntax: 'APPEND mailbox [(flags)] [date-time] literal',
  summary: 'Upload a message into a mailbox, e.g. a copy of sent mail into Sent.',
  rfc: 'RFC 9051 §6.3.12',
  parse(a) {
    const mailbox = a.mailbox();
    const messages = [readMessage(a)];
    // RFC 3502 §6.3.11: append = "APPEND" SP mailbox 1*append-message.
    while (registry().multiAppend && a.remaining > 0) messages.push(readMessage(a));
    a.end();
    return { mailbox, messages };
  },
  explain: ({ mailbox, messages }) =>
    messages.length === 1
      ? `upload ${messages[0]!.data.words} into "${mailbox}"`
      : `upload ${messages.length} messages into "${mailbox}" at once (${messages.map((m) => m.data.words).join('; ')}), all or none`,
  run(ctx, { mailbox, messages }) {
    const account = ctx.account!;
    const box = account.getMailbox(mailbox);
    // RFC 9051 §6.3.12: TRYCREATE tells the client it could create the mailbox and retry.
    if (!box) throw no(`Mailbox doesn't exist: ${printableName(mailbox)}`, 'TRYCREATE');
    // Every message is built and checked before any is stored (RFC 3502 §6.3.11: all or none).
    const octets = messages.map((m) => m.data.octets(ctx));
    // RFC 3502 §6.3.11: a zero-length message is a NO, and cancels the whole APPEND.
    if (octets.some((o) => o.length === 0)) throw no('Empty message: APPEND cancelled, nothing stored');
    for (const extension of registry().extensions)
      for (const o of octets) extension.hooks?.appending?.(ctx, o);
    const stored = octets.reduce((sum, o) => sum + toCrlfLines(o).length, 0);
    storeOp(() => account.checkQuota(stored, octets.length));
    const now = ctx.server.store.clock.now();
    const uids = messages.map(
      (m, i) => storeOp(() => account.append(box, octets[i]!, m.flags, m.date ?? now, ctx.origin)).uid,
    );
    return { code: `APPENDUID ${box.uidValidity} ${SequenceSet.format(uids)}`, text: 'APPEND completed' };
  },
});
