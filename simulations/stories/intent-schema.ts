/**
 * The timeline's entries: the runner's `Intent` union (../types.ts), every kind, with the same
 * field names. A compile-time check below keeps the two in step.
 */
import { z } from 'zod';
import type { Intent, IntentType } from '../types';
import { bodyText, mailbox, messageNumber, accountName, subject } from './fields';

const device = z.string().describe('A device name from "devices"');
const onDevice = <T extends string>(type: T) => z.strictObject({ type: z.literal(type), device });
const onMessage = <T extends string>(type: T) =>
  z.strictObject({ type: z.literal(type), device, message: messageNumber.describe('The server UID') });
const commands = z.number().int().min(0).max(10_000);

export const intentSchema = z.discriminatedUnion('type', [
  onDevice('openApp'),
  onDevice('checkMail'),
  onDevice('closeApp'),
  onMessage('openMessage'),
  onMessage('markRead'),
  onMessage('markUnread'),
  onMessage('flag'),
  onMessage('delete'),
  onDevice('expunge').describe('IMAP EXPUNGE (RFC 9051 §6.4.3); a POP3 client checks mail'),
  z
    .strictObject({
      type: z.literal('openFolder'),
      device,
      mailbox: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/, 'a folder name such as "Sent" (an IMAP atom)')
        .describe('The folder, e.g. Sent'),
    })
    .describe(
      'Open another folder: IMAP LIST and SELECT (RFC 9051 §6.3.9, §6.3.2); POP3 has one maildrop, the INBOX, and no command to name another folder',
    ),
  onDevice('goOffline'),
  onDevice('goOnline'),
  z
    .strictObject({
      type: z.literal('dropConnection'),
      device,
      afterCommands: z
        .strictObject({ pop3: commands, imap: commands })
        .partial()
        .optional()
        .describe(
          'Break after this many more commands, per protocol: before the next one, or after the last one’s reply if the client then waits (a protocol not named: not affected)',
        ),
    })
    .describe('The link breaks without a goodbye: at once, or after some commands'),
  z
    .strictObject({
      type: z.literal('setLink'),
      device,
      latencyMs: z
        .number()
        .min(0)
        .max(60_000)
        .optional()
        .describe('One-way latency from now on, milliseconds'),
      bytesPerMs: z
        .number()
        .min(0.01)
        .max(1_000_000)
        .optional()
        .describe('Bandwidth from now on, octets per millisecond (1 ≈ 8 kbit/s)'),
    })
    .describe("The device's link changes speed from here on (a field not given keeps its value)"),
  z.strictObject({
    type: z.literal('wait'),
    ms: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600 * 1000)
      .describe('Virtual milliseconds (at most 30 days)'),
  }),
  z.strictObject({
    type: z.literal('newMail'),
    subject,
    from: mailbox,
    account: accountName.optional().describe('Whose INBOX (default: the first account)'),
    via: z
      .literal('smtp')
      .optional()
      .describe("Delivered by the sender's server over SMTP (RFC 5321), on the wire"),
  }),
  z
    .strictObject({ type: z.literal('restartServer') })
    .describe(
      'The server restarts: every POP3/IMAP connection closes (IMAP says BYE first, RFC 9051 §7.1.5); the mail stays',
    ),
  z
    .strictObject({
      type: z.literal('fillQuota'),
      account: accountName.optional().describe('Whose mailbox (default: the first account)'),
    })
    .describe(
      'The mailbox reaches its storage quota: the provider sets the limit to what it holds now, so this server refuses the next delivery (552 5.2.2: server policy)',
    ),
  z.strictObject({
    type: z.literal('send'),
    device,
    to: mailbox,
    cc: mailbox.optional().describe('A second recipient, on the Cc line (and a second RCPT TO)'),
    subject,
    text: bodyText.optional(),
  }),
]);

/** The schema's intents, as parsed. */
export type StoryIntent = z.infer<typeof intentSchema>;

// Every kind the runner knows is in the schema with the same fields, and every parsed intent is a
// runner Intent: a field added to one and not the other fails the type check.
type FieldsOf<U, K> = keyof Extract<U, { type: K }>;
/** The kinds whose fields differ between the runner's Intent and the schema (never, when in step). */
type Mismatched = {
  [K in IntentType]: [FieldsOf<Intent, K>] extends [FieldsOf<StoryIntent, K>]
    ? [FieldsOf<StoryIntent, K>] extends [FieldsOf<Intent, K>]
      ? never
      : K
    : K;
}[IntentType];
const everyField: [Mismatched] extends [never] ? true : Mismatched = true;
const assignable = (i: StoryIntent): Intent => i;
void everyField;
void assignable;
