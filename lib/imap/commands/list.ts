import { atomsOf } from '../args';
import { mailboxName } from '../format';
import { listAttributes, selectNames } from '../list-mailboxes';
import { parseStatusItems, statusResponse, type StatusItem } from '../status-items';
import { bad, defineCommand } from '../types';

interface ListArgs {
  reference: string;
  patterns: string[];
  selectSubscribed: boolean;
  selectSpecialUse: boolean;
  recursiveMatch: boolean;
  returnSubscribed: boolean;
  returnStatus: StatusItem[] | null;
}

/**
 * RFC 9051 §6.3.9, with the LIST-EXTENDED forms IMAP4rev2 includes (RFC 5258): selection
 * options `(SUBSCRIBED)`, several patterns, and `RETURN (SUBSCRIBED CHILDREN SPECIAL-USE STATUS (...))`.
 */
export const list = defineCommand<ListArgs>({
  name: 'LIST',
  states: ['Authenticated', 'Selected'],
  syntax: 'LIST [(selection-options)] reference pattern [RETURN (options)]',
  summary: 'List mailboxes whose names match a pattern (* matches all, % one level).',
  rfc: 'RFC 9051 §6.3.9',
  parse(a) {
    const selection = a.optionalList();
    const selectionOptions = selection
      ? atomsOf(selection, 'selection option').map((o) => o.toUpperCase())
      : [];
    for (const o of selectionOptions) {
      if (!['SUBSCRIBED', 'REMOTE', 'RECURSIVEMATCH', 'SPECIAL-USE'].includes(o))
        throw bad(`Unknown selection option: ${o.slice(0, 20)}`);
    }
    // RFC 5258 §3.1: RECURSIVEMATCH alone (or with REMOTE) is BAD. SUBSCRIBED is the base option
    // whose CHILDINFO RFC 5258 defines; this server combines RECURSIVEMATCH with it only.
    if (selectionOptions.includes('RECURSIVEMATCH') && !selectionOptions.includes('SUBSCRIBED'))
      throw bad('RECURSIVEMATCH must be used together with SUBSCRIBED');
    // RFC 9051 §9: mailbox SP mbox-or-pat, mbox-or-pat = list-mailbox / "(" list-mailbox *(SP list-mailbox) ")".
    const reference = a.mailbox('reference');
    const patternToken = a.next('mailbox pattern');
    const patterns =
      patternToken.type === 'list' ? patternToken.items.map((t) => a.pattern(t)) : [a.pattern(patternToken)];
    if (patterns.length === 0) throw bad('Expected a mailbox pattern');
    let returnSubscribed = false;
    let returnStatus: StatusItem[] | null = null;
    if (a.acceptAtom('RETURN')) {
      const options = a.list('return options');
      for (let i = 0; i < options.length; i++) {
        const o = options[i]!;
        const word = o.type === 'atom' ? o.value.toUpperCase() : '';
        if (word === 'SUBSCRIBED') returnSubscribed = true;
        else if (word === 'STATUS') {
          const items = options[++i];
          if (items?.type !== 'list') throw bad('STATUS needs a list of items');
          returnStatus = parseStatusItems(items.items);
        } else if (word !== 'CHILDREN' && word !== 'SPECIAL-USE')
          throw bad(`Unknown return option: ${word.slice(0, 20)}`);
      }
    }
    a.end();
    return {
      reference,
      patterns,
      selectSubscribed: selectionOptions.includes('SUBSCRIBED'),
      selectSpecialUse: selectionOptions.includes('SPECIAL-USE'),
      recursiveMatch: selectionOptions.includes('RECURSIVEMATCH'),
      returnSubscribed,
      returnStatus,
    };
  },
  explain: ({ reference, patterns }) =>
    patterns.length === 1 && patterns[0] === ''
      ? 'ask for the hierarchy delimiter'
      : `list the folders matching "${reference}${patterns.join('", "')}"`,
  run(ctx, args) {
    const account = ctx.account!;
    if (args.patterns.length === 1 && args.patterns[0] === '') {
      // RFC 9051 §6.3.9: an empty pattern asks for the delimiter and the root of the reference.
      ctx.untagged('LIST (\\Noselect) "/" ""');
      return { text: 'LIST completed' };
    }
    // RFC 5258 §3.1: (SUBSCRIBED) lists subscribed names, including those with no mailbox.
    const names = selectNames(account, args.reference, args.patterns, {
      subscribed: args.selectSubscribed,
      specialUse: args.selectSpecialUse,
      recursiveMatch: args.recursiveMatch,
    });
    for (const { name, childInfo } of names) {
      const attrs = listAttributes(account, name, {
        subscribed: args.selectSubscribed || args.returnSubscribed,
        specialUse: true,
      });
      const extended = childInfo.length ? ` ("CHILDINFO" (${childInfo.map((c) => `"${c}"`).join(' ')}))` : '';
      ctx.untagged(`LIST (${attrs.join(' ')}) "/" ${mailboxName(name, ctx)}${extended}`);
      // RFC 5819 §2: no STATUS for a name that cannot be selected.
      const box = account.mailboxes.get(name);
      if (args.returnStatus && box) ctx.untagged(statusResponse(box, args.returnStatus, ctx));
    }
    return { text: 'LIST completed' };
  },
});
