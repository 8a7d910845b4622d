import { atomsOf } from '../args';
import { parseCriteria, type Criterion } from '../search';
import { SequenceSet } from '../seqset';
import { bad, defineCommand, no, type ImapCommand } from '../types';

type ReturnOption = 'MIN' | 'MAX' | 'ALL' | 'COUNT';

interface SearchArgs {
  criteria: Criterion;
  /** null: no RETURN given (IMAP4rev1 answers `* SEARCH`, IMAP4rev2 `* ESEARCH … ALL`). */
  returns: ReturnOption[] | null;
  text: string;
}

/**
 * RFC 9051 §6.4.4. The server does the searching, so the client downloads nothing: a contrast
 * with POP3, where a client can only search what it has downloaded.
 */
function searchCommand(byUid: boolean): ImapCommand<SearchArgs> {
  const name = byUid ? 'UID SEARCH' : 'SEARCH';
  return defineCommand({
    name,
    states: ['Selected'],
    syntax: `${name} [RETURN (MIN MAX COUNT ALL)] [CHARSET charset] criteria...`,
    summary: 'Ask the server which messages match (unread, from someone, since a date…).',
    rfc: byUid ? 'RFC 9051 §6.4.9' : 'RFC 9051 §6.4.4',
    // §7.5.1: no EXPUNGE while responding to SEARCH (UID SEARCH may).
    updates: byUid ? 'all' : 'no-expunge',
    parse(a) {
      let returns: ReturnOption[] | null = null;
      if (a.acceptAtom('RETURN')) {
        const options = atomsOf(a.list('return options'), 'return option').map((o) => o.toUpperCase());
        for (const o of options)
          if (!['MIN', 'MAX', 'ALL', 'COUNT', 'SAVE'].includes(o))
            throw bad(`Unknown return option: ${o.slice(0, 20)}`);
        returns = options.filter((o): o is ReturnOption => o !== 'SAVE');
        if (returns.length === 0) returns = ['ALL'];
      }
      if (a.acceptAtom('CHARSET')) {
        const charset = a.astring('charset').toUpperCase();
        if (charset !== 'UTF-8' && charset !== 'US-ASCII')
          throw no('Unsupported charset', 'BADCHARSET (UTF-8 US-ASCII)');
      }
      const rest = a.rest();
      const text = rest
        .map((t) => (t.type === 'atom' ? t.value : t.type === 'string' ? `"${t.value}"` : '(…)'))
        .join(' ');
      return { criteria: parseCriteria(rest), returns, text };
    },
    explain: ({ text }) =>
      `ask the server for the ${byUid ? 'UIDs' : 'numbers'} of messages matching ${text}`,
    run(ctx, { criteria, returns }) {
      const selected = ctx.selected!;
      const hits = selected.all().filter((m) => criteria(m, selected));
      const numbers = hits.map((h) => (byUid ? h.message.uid : h.seq) as number);
      const options = returns ?? (ctx.rev2 ? ['ALL'] : null);
      if (!options) {
        ctx.untagged(`SEARCH${numbers.map((n) => ' ' + n).join('')}`);
      } else {
        // RFC 9051 §7.3.4 ESEARCH: results as compact sequence sets, tagged with the command.
        const parts = [`(TAG "${ctx.tag}")`, ...(byUid ? ['UID'] : [])];
        if (options.includes('MIN') && numbers.length) parts.push(`MIN ${numbers[0]}`);
        if (options.includes('MAX') && numbers.length) parts.push(`MAX ${numbers[numbers.length - 1]}`);
        if (options.includes('COUNT')) parts.push(`COUNT ${numbers.length}`);
        if (options.includes('ALL') && numbers.length) parts.push(`ALL ${SequenceSet.format(numbers)}`);
        ctx.untagged(`ESEARCH ${parts.join(' ')}`);
      }
      return { text: `${name} completed` };
    },
  });
}

export const search = searchCommand(false);
export const uidSearch = searchCommand(true);
