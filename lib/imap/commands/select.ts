import type { SelectParamUse } from '../extensions/define';
import { announcesClosed, registry } from '../extensions/registry';
import { flagList, mailboxName } from '../format';
import { listAttributes } from '../list-mailboxes';
import { mailboxOf } from '../mailbox-access';
import { parseSelectParams, type ModifierList } from '../modifiers';
import { defineCommand, type ImapCommand, type ImapContext } from '../types';

interface OpenArgs {
  mailbox: string;
  /** RFC 4466 §2.1 select parameters, registered by extensions (CONDSTORE, QRESYNC). */
  params: ModifierList<SelectParamUse>;
}

/**
 * RFC 9051 §6.3.2 (SELECT) and §6.3.3 (EXAMINE, read-only). IMAP4rev1 clients get the RFC 3501
 * §6.3.1 set: `n EXISTS`, `n RECENT`, `[UNSEEN n]` (the sequence number of the first unseen
 * message, when there is one), UIDVALIDITY, UIDNEXT, FLAGS and PERMANENTFLAGS (both with the
 * keywords in use; `\*`: keywords may be created; `()` when read-only). EXAMINE reports \Recent
 * without clearing it (RFC 3501 §6.3.2). IMAP4rev2 clients get no RECENT or UNSEEN, and a LIST
 * response instead. Extensions add parameters, `SELECT mailbox (param…)`, and responses after
 * the core's (their `selected` hooks, then each parameter's `after`).
 */
function openCommand(name: 'SELECT' | 'EXAMINE', readOnly: boolean): ImapCommand<OpenArgs> {
  return defineCommand({
    name,
    states: ['Authenticated', 'Selected'],
    syntax: `${name} mailbox`,
    summary: readOnly
      ? 'Open a mailbox read-only: nothing changes, not even \\Seen.'
      : 'Open a mailbox: the server reports how many messages it has, its UIDVALIDITY and UIDNEXT.',
    rfc: readOnly ? 'RFC 9051 §6.3.3' : 'RFC 9051 §6.3.2',
    updates: 'none',
    parse(a) {
      const mailbox = a.mailbox();
      const params = parseSelectParams(a.optionalList());
      a.end();
      return { mailbox, params };
    },
    explain: ({ mailbox, params }) =>
      `open the mailbox "${mailbox}"${readOnly ? ' read-only' : ''}` +
      params.uses.map((u) => `, ${u.words}`).join(''),
    run: (ctx, args) => open(ctx, args, readOnly),
  });
}

function open(ctx: ImapContext, { mailbox: name, params }: OpenArgs, readOnly: boolean) {
  for (const use of params.uses) use.check?.(ctx);
  // RFC 9051 §6.3.2: "The SELECT command automatically deselects any currently selected mailbox
  // before attempting the new selection. Consequently, if a mailbox is selected and a SELECT
  // command that fails is attempted, no mailbox is selected. When deselecting a selected mailbox,
  // the server MUST return an untagged OK response with the "[CLOSED]" response code". An
  // IMAP4rev1 session hears it too wherever an extension says so: RFC 7162 §3.2.11, for a server
  // that advertises CONDSTORE or QRESYNC, "whether or not a CONDSTORE enabling command was issued".
  if (ctx.selected !== null) {
    if (ctx.rev2 || announcesClosed(ctx.enabled)) ctx.untagged('OK [CLOSED] Previous mailbox is now closed');
    ctx.deselect();
  }
  const box = mailboxOf(ctx, name);
  // Turned on with no mailbox selected: the HIGHESTMODSEQ a CONDSTORE parameter asks for is the
  // new mailbox's, which the `selected` hooks send (RFC 7162 §3.1.2.1), not the closed one's.
  for (const use of params.uses) if (use.enables) ctx.enable(use.enables);
  const selected = ctx.selectMailbox(box, readOnly);
  ctx.untagged(`${selected.exists} EXISTS`);
  if (!ctx.rev2) {
    ctx.untagged(`${selected.recent.size} RECENT`);
    const firstUnseen = selected.all().find(({ message }) => !message.flags.has('\\Seen'));
    if (firstUnseen) ctx.untagged(`OK [UNSEEN ${firstUnseen.seq}] First unseen`);
  }
  ctx.untagged(`OK [UIDVALIDITY ${box.uidValidity}] UIDs valid`);
  ctx.untagged(`OK [UIDNEXT ${box.uidNext}] Predicted next UID`);
  // The keywords already in use are listed too (RFC 9051 §7.3.5), as Dovecot does.
  ctx.untagged(`FLAGS ${flagList(selected.flags)}`);
  ctx.untagged(selected.permanentFlags());
  // RFC 9051 §6.3.2: a LIST response whose attributes "MUST be accurate", as LIST gives them.
  if (ctx.rev2) {
    const attrs = listAttributes(ctx.account!, box.name, { subscribed: false, specialUse: true });
    ctx.untagged(`LIST (${attrs.join(' ')}) "/" ${mailboxName(box.name, ctx)}`);
  }
  for (const e of registry().extensions) e.hooks?.selected?.(ctx, selected);
  for (const use of params.uses) use.after?.(ctx, selected);
  return {
    code: readOnly ? 'READ-ONLY' : 'READ-WRITE',
    text: `${readOnly ? 'EXAMINE' : 'SELECT'} completed`,
  };
}

export const select = openCommand('SELECT', false);
export const examine = openCommand('EXAMINE', true);
