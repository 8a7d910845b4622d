/**
 * The story format (issue 18): a JSON file that tells one story against both protocols, as the
 * built-in scenarios do. Fields mirror the runner's own types (`ScenarioSetup`, `DeviceSpec`,
 * `Pop3Settings`, `ImapSettings`, `Intent` in ../types.ts) so that the schema accepts exactly
 * what the runner supports; `validate.ts` adds the checks across fields (names that must exist,
 * limits). Documented field by field in docs/STORIES.md.
 */
import { z } from 'zod';
import { intentSchema } from './intent-schema';
import { accountName, intentCount, listedMessageSchema, password, storyLimits, text } from './fields';

export { storyLimits } from './fields';

/** POP3 client settings (`Pop3Settings`): client choices, not protocol (RFC 1939 gives DELE and UIDL). */
export const pop3SettingsSchema = z
  .strictObject({
    leaveCopy: z.boolean().describe('"Leave a copy of messages on the server"; off: DELE after download'),
    deleteAfterDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .describe('With leaveCopy: DELE a message this many days after downloading it'),
    deleteWhenDeletedHere: z
      .boolean()
      .describe('With leaveCopy: a message deleted on the device is DELEd at the next session'),
    rememberUidls: z
      .boolean()
      .describe('Remember downloaded UIDLs and skip them (RFC 1939 §7); off: download everything again'),
  })
  .partial();

/** IMAP client settings (`ImapSettings`): client choices, not protocol. */
export const imapSettingsSchema = z
  .strictObject({
    idle: z.boolean().describe('Wait in IDLE while the app is open (RFC 2177); off: check on demand'),
    offline: z
      .enum(['opened', 'all'])
      .describe('Offline copies: bodies of the messages opened, or of every message at sync'),
    bodies: z.enum(['whole', 'text']).describe('Opening downloads BODY[] whole, or only the text part'),
    deleteBy: z.enum(['move', 'mark']).describe('Delete: MOVE to Trash (RFC 6851) or mark \\Deleted'),
    quota: z.boolean().describe('Ask GETQUOTAROOT INBOX after each sync (RFC 9208 §4.1.2)'),
    resync: z
      .enum(['full', 'qresync'])
      .describe('Catch up by fetching every flag, or with QRESYNC (RFC 7162)'),
  })
  .partial();

/** A device's link: one-way latency and bandwidth (the runner's defaults: 20 ms, 1000 octets/ms). */
export const networkSchema = z
  .strictObject({
    latencyMs: z.number().min(0).max(60_000).describe('One-way latency, milliseconds'),
    bytesPerMs: z
      .number()
      .min(0.01)
      .max(1_000_000)
      .describe('Bandwidth in octets per millisecond (1 ≈ 8 kbit/s, 1000 ≈ 8 Mbit/s)'),
  })
  .partial();

export const accountSchema = z.strictObject({
  user: accountName.describe('The account name: the IMAP LOGIN / POP3 USER name, and <user>@popvsimap.lab'),
  password: password.optional().describe('Default "secret"'),
  mailbox: z
    .union([
      z.literal('seed').describe("The lab's six seed messages (one with an attachment)"),
      z.strictObject({
        generated: z.number().int().min(0).max(storyLimits.messages).describe('How many'),
      }),
      z.strictObject({
        messages: z
          .array(listedMessageSchema)
          .max(storyLimits.messages)
          .describe('These messages, in order: the first gets UID 1'),
      }),
    ])
    .describe(
      'What the INBOX holds at the start: "seed", {"generated": n} plain messages, or {"messages": [...]} listed',
    ),
  quotaBytes: z
    .number()
    .int()
    .min(1)
    .max(1_000_000_000)
    .optional()
    .describe('Server policy: a storage quota'),
});

export const deviceSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,23}$/, 'a lowercase name: a letter, then letters, digits or "-" (at most 24)')
    .describe('The name intents use, e.g. "phone"'),
  kind: z.enum(['laptop', 'phone', 'webmail']),
  accounts: z
    .array(accountName)
    .min(1)
    .max(storyLimits.accounts)
    .optional()
    .describe("Accounts this device's client fetches (default: the first account)"),
  network: networkSchema.optional().describe("This device's link, over the story's network"),
  pop3: pop3SettingsSchema.optional().describe("This device's POP3 client settings, over the story's"),
  imap: imapSettingsSchema.optional().describe("This device's IMAP client settings, over the story's"),
});

export const predictionSchema = z.strictObject({
  beforeIntent: z
    .number()
    .int()
    .min(0)
    .max(intentCount - 1)
    .describe('The timeline entry (index from 0) before which the player pauses and asks'),
  question: text(300),
  choices: z
    .array(z.strictObject({ text: text(300), correct: z.boolean(), feedback: text(600) }))
    .min(2)
    .max(6),
});

/**
 * A variant: the same story with some of its setup replaced (a client setting changed, say POP3's
 * "leave a copy"), offered as a runnable choice. Each field it names replaces the story's whole
 * field; the timeline, predictions and the rest stay (variants.ts).
 */
export const variantSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and "-" (at most 32)')
    .describe('A short name, e.g. "leave-copy"'),
  label: text(200).describe(
    'What changes, in a mail app\'s words, e.g. "POP3 client: leave a copy on the server"',
  ),
  accounts: z.array(accountSchema).min(1).max(storyLimits.accounts).optional(),
  devices: z.array(deviceSchema).min(1).max(storyLimits.devices).optional(),
  network: networkSchema.optional(),
  pop3: pop3SettingsSchema.optional(),
  imap: imapSettingsSchema.optional(),
  security: z.enum(['none', 'starttls', 'implicit']).optional(),
});

/**
 * A "What if…" branch: the story it was made from, less the entry at `entry` (the inserted
 * fault or action), is the original; the two runs are the same up to `step`.
 */
export const branchSchema = z.strictObject({
  from: text(200).describe("The original story's title"),
  entry: z
    .number()
    .int()
    .min(0)
    .max(intentCount - 1)
    .describe("The inserted timeline entry (index from 0); without it the timeline is the original's"),
  step: z
    .number()
    .int()
    .min(0)
    .max(storyLimits.steps)
    .describe(
      'The first step (from 0) where the branch differs from the original: its first step of that entry',
    ),
});

/** A whole story, as a JSON file holds it. */
export const storySchema = z
  .strictObject({
    $schema: z.string().max(500).optional().describe('The JSON Schema this file follows (ignored)'),
    version: z.literal(1).describe('The story format version: 1'),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and "-" (at most 64)')
      .optional()
      .describe('A short name for the story (default "story")'),
    title: text(200),
    summary: text(2000).describe('The lesson, what the reader should come away with'),
    accounts: z
      .array(accountSchema)
      .min(1)
      .max(storyLimits.accounts)
      .optional()
      .describe('Accounts on the server (default: student/secret with the seed mailbox)'),
    devices: z.array(deviceSchema).min(1).max(storyLimits.devices),
    network: networkSchema.optional().describe("Every device's link (a device's own overrides it)"),
    pop3: pop3SettingsSchema.optional().describe("Every device's POP3 client settings"),
    imap: imapSettingsSchema.optional().describe("Every device's IMAP client settings"),
    security: z
      .enum(['none', 'starttls', 'implicit'])
      .optional()
      .describe('Client setting "connection security" (RFC 8314); default none'),
    timeline: z.array(intentSchema).max(intentCount).describe('What happens, in order'),
    takeaways: z.array(text(600)).max(20).optional().describe("The author's takeaways (text; not checked)"),
    predictions: z.array(predictionSchema).max(20).optional(),
    variants: z
      .array(variantSchema)
      .max(8)
      .optional()
      .describe('The same story with setup fields replaced (e.g. a client setting changed), each a choice'),
    branch: branchSchema
      .optional()
      .describe('"What if…": this story is another with one entry inserted (set by the page)'),
  })
  .describe('A POP vs IMAP Lab story (docs/STORIES.md)');

/** A story as validated (after `validateStory`). */
export type Story = z.infer<typeof storySchema>;
export type StoryDevice = z.infer<typeof deviceSchema>;
export type StoryAccount = z.infer<typeof accountSchema>;
export type StoryBranch = z.infer<typeof branchSchema>;
export type StoryVariant = z.infer<typeof variantSchema>;
