/**
 * Checking a story someone wrote: size, shape (the zod schema) and the references between fields
 * (a device an intent names must exist, …). Every problem is reported with its JSON path, e.g.
 * `devices[2].pop3.leaveCopy: Invalid input: expected boolean, received string`; nothing here
 * throws, whatever the input. Light (zod only), so the page can use it without the engine.
 */
import type { z } from 'zod';
import { SEED_MESSAGE_COUNT, storyLimits } from './fields';
import { storySchema, type Story } from './schema';
import { variantProblems } from './variants';

/** One thing wrong with a story: where (a JSON path such as `timeline[3].device`) and what. */
export interface StoryProblem {
  readonly path: string;
  readonly message: string;
}

export type StoryCheck =
  | { readonly ok: true; readonly story: Story }
  | { readonly ok: false; readonly problems: readonly StoryProblem[] };

/** Names the simulation already uses for participants that are not devices. */
const RESERVED_DEVICE_NAMES = ['server', 'sender'];
const DEFAULT_ACCOUNT = 'student';
const LEAVE_COPY_KINDS = ['deleteAfterDays', 'deleteWhenDeletedHere'] as const;

/**
 * `['devices', 2, 'pop3']` → `devices[2].pop3`; a key that is not a plain name is quoted
 * (`imap[" "]`); the empty path is `story`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? 'story' : out;
}

/** Problems as lines, `path: message`, for a terminal. */
export function formatProblems(problems: readonly StoryProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

/** Octets of a string in UTF-8. */
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function tooBig(bytes: number): StoryProblem {
  return {
    path: 'story',
    message: `the story is ${bytes} octets of JSON; the limit is ${storyLimits.bytes} (64 KiB)`,
  };
}

/** Checks a story file's text: its size first (64 KiB), then JSON, then `validateStory`. */
export function parseStoryText(text: string): StoryCheck {
  const bytes = utf8Length(text);
  if (bytes > storyLimits.bytes) return { ok: false, problems: [tooBig(bytes)] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: 'story', message: `not JSON: ${(error as Error).message}` }] };
  }
  return validateStory(value);
}

/** Checks a parsed story: its size as JSON, its shape, and the references between its fields. */
export function validateStory(value: unknown): StoryCheck {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) return { ok: false, problems: [{ path: 'story', message: 'not JSON data' }] };
  const bytes = utf8Length(json);
  if (bytes > storyLimits.bytes) return { ok: false, problems: [tooBig(bytes)] };
  const parsed = storySchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap(fromIssue) };
  const problems = [...crossCheck(parsed.data), ...variantProblems(parsed.data, crossCheck)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, story: parsed.data };
}

/** A zod issue as problems; an unknown field is reported at its own path. */
function fromIssue(issue: z.core.$ZodIssue): StoryProblem[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: 'unknown field: the story format has no such field (see docs/STORIES.md)',
    }));
  return [{ path: formatPath(issue.path), message: issue.message }];
}

/** What the schema alone cannot say: names that must exist or be unique, settings that need another. */
function crossCheck(story: Story): StoryProblem[] {
  const problems: StoryProblem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });
  const users = story.accounts?.map((a) => a.user) ?? [DEFAULT_ACCOUNT];
  // The client default is not to leave a copy (DEFAULT_POP3_SETTINGS; a test keeps the two in step).
  const leavesCopy = (d: Story['devices'][number]) => d.pop3?.leaveCopy ?? story.pop3?.leaveCopy ?? false;
  const known = (list: readonly string[]) => list.map((n) => `"${n}"`).join(', ');

  story.accounts?.forEach((a, i) => {
    if (users.indexOf(a.user) !== i) add(['accounts', i, 'user'], `"${a.user}" is listed twice`);
  });
  const messages = (story.accounts ?? [{ mailbox: 'seed' as const }]).reduce(
    (sum, a) =>
      sum +
      (a.mailbox === 'seed'
        ? SEED_MESSAGE_COUNT
        : 'generated' in a.mailbox
          ? a.mailbox.generated
          : a.mailbox.messages.length),
    0,
  );
  if (messages > storyLimits.messages)
    add(
      ['accounts'],
      `the mailboxes hold ${messages} messages at the start (the seed counts ${SEED_MESSAGE_COUNT}); the limit is ${storyLimits.messages}`,
    );
  const names = story.devices.map((d) => d.name);
  story.devices.forEach((d, i) => {
    if (names.indexOf(d.name) !== i) add(['devices', i, 'name'], `"${d.name}" is listed twice`);
    if (RESERVED_DEVICE_NAMES.includes(d.name))
      add(['devices', i, 'name'], `"${d.name}" names another participant of the simulation; choose another`);
    if (d.kind === 'webmail') {
      for (const key of ['accounts', 'pop3', 'imap'] as const)
        if (d[key] !== undefined)
          add(
            ['devices', i, key],
            "webmail has no mail client: it is the server's own page (it shows the first account)",
          );
    }
    d.accounts?.forEach((user, j) => {
      if (!users.includes(user))
        add(['devices', i, 'accounts', j], `no account "${user}" (accounts: ${known(users)})`);
      else if (d.accounts!.indexOf(user) !== j)
        add(['devices', i, 'accounts', j], `"${user}" is listed twice`);
    });
    // "remove after n days" and "until I delete it here" are kinds of "leave a copy": without it
    // the client DELEs everything it downloads, and these would silently do nothing.
    if (d.kind !== 'webmail' && !leavesCopy(d))
      for (const key of LEAVE_COPY_KINDS)
        if (d.pop3?.[key] !== undefined)
          add(['devices', i, 'pop3', key], 'has an effect only with leaveCopy: true');
  });

  const clients = story.devices.filter((d) => d.kind !== 'webmail');
  if (!clients.some(leavesCopy))
    for (const key of LEAVE_COPY_KINDS)
      if (story.pop3?.[key] !== undefined)
        add(['pop3', key], 'has an effect only with leaveCopy: true, and no device leaves a copy');

  story.timeline.forEach((intent, i) => {
    if ('device' in intent && !names.includes(intent.device))
      add(['timeline', i, 'device'], `no device "${intent.device}" (devices: ${known(names)})`);
    if (
      (intent.type === 'newMail' || intent.type === 'fillQuota') &&
      intent.account !== undefined &&
      !users.includes(intent.account)
    )
      add(['timeline', i, 'account'], `no account "${intent.account}" (accounts: ${known(users)})`);
    if (intent.type === 'setLink' && intent.latencyMs === undefined && intent.bytesPerMs === undefined)
      add(['timeline', i], 'a link change names latencyMs, bytesPerMs or both');
  });

  if (story.branch && story.branch.entry >= story.timeline.length)
    add(
      ['branch', 'entry'],
      `the timeline has ${story.timeline.length} entries, so no entry ${story.branch.entry}`,
    );

  story.predictions?.forEach((p, i) => {
    if (p.beforeIntent >= story.timeline.length)
      add(
        ['predictions', i, 'beforeIntent'],
        story.timeline.length === 0
          ? 'the timeline is empty'
          : `the timeline has ${story.timeline.length} entries (0 to ${story.timeline.length - 1})`,
      );
    const right = p.choices.filter((c) => c.correct).length;
    if (right !== 1) add(['predictions', i, 'choices'], `exactly one choice must be correct (${right} are)`);
  });
  return problems;
}
