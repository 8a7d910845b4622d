import type { SearchKeyDef } from '../extensions/define';
import { parseSearch, type Criterion } from '../search';
import type { SessionMessage } from '../selected';
import { esearchData, parseReturnOptions, returnWords, type ReturnRequest } from '../search-return';
import { bad, defineCommand, no, type ImapCommand } from '../types';
import { resultToSave, saveResult } from '../extensions/searchres';
import { returnedMessages } from '../extensions/esort';

interface SearchArgs {
  criteria: Criterion;
  /**
   * The RETURN options (RFC 9051 §6.4.4; SAVE from RFC 5182, PARTIAL from RFC 9394), or null when
   * none were given (IMAP4rev1 answers `* SEARCH`, IMAP4rev2 `* ESEARCH … ALL`).
   */
  returns: ReturnRequest | null;
  charset: string | null;
  text: string;
  /** Extension keys the criteria use; some add data to the response (MODSEQ). */
  extensionKeys: readonly SearchKeyDef[];
}

/**
 * RFC 9051 §6.4.4. The server does the searching, so the client downloads nothing: a contrast
 * with POP3, where a client can only search what it has downloaded. `RETURN (SAVE)` keeps the
 * result for `$` (extensions/searchres).
 */
function searchCommand(byUid: boolean): ImapCommand<SearchArgs> {
  const name = byUid ? 'UID SEARCH' : 'SEARCH';
  return defineCommand({
    name,
    states: ['Selected'],
    syntax: `${name} [RETURN (MIN MAX COUNT ALL SAVE PARTIAL range UPDATE CONTEXT)] [CHARSET charset] criteria...`,
    summary: 'Ask the server which messages match (unread, from someone, since a date…).',
    rfc: byUid ? 'RFC 9051 §6.4.9, §6.4.4' : 'RFC 9051 §6.4.4',
    // §7.5.1: no EXPUNGE while responding to SEARCH (UID SEARCH may).
    updates: byUid ? 'all' : 'no-expunge',
    parse(a) {
      const returns = a.acceptAtom('RETURN') ? parseReturnOptions(a.list('return options'), 'SEARCH') : null;
      const charset = a.acceptAtom('CHARSET') ? a.astring('charset').toUpperCase() : null;
      // RFC 9755 §3: once UTF-8 is on, a charset conflicts with it (a SHOULD: BAD).
      if (charset !== null && a.enabled.has('UTF8=ACCEPT'))
        throw bad('No CHARSET after ENABLE UTF8=ACCEPT: search strings are UTF-8');
      const rest = a.rest();
      const text = rest
        .map((t) => (t.type === 'atom' ? t.value : t.type === 'string' ? `"${t.value}"` : '(…)'))
        .join(' ');
      const { criterion, extensionKeys } = parseSearch(rest);
      return { criteria: criterion, returns, charset, text, extensionKeys };
    },
    explain: ({ text, returns }) =>
      `ask the server for the ${byUid ? 'UIDs' : 'numbers'} of messages matching ${text}` +
      (returns ? ` (return: ${returnWords(returns)})` : ''),
    run(ctx, { criteria, returns, charset, extensionKeys }) {
      const selected = ctx.selected!;
      for (const use of returns?.uses ?? []) use.check?.(ctx);
      const save = returns?.base.includes('SAVE') ?? false;
      if (charset !== null && charset !== 'UTF-8' && charset !== 'US-ASCII') {
        // RFC 5182 §2.1: a SEARCH with SAVE that fails with NO empties "$".
        if (save) saveResult(selected, []);
        throw no('Unsupported charset', 'BADCHARSET (UTF-8 US-ASCII)');
      }
      // After the refusals: a refused SEARCH MODSEQ does not turn CONDSTORE on (RFC 7162 §3.1).
      for (const key of extensionKeys) if (key.enables) ctx.enable(key.enables);
      const hits = selected.all().filter((m) => criteria(m, selected));
      if (save) {
        const picks = returns!.uses.filter((u) => u.picks);
        const picked = picks.length ? picks.flatMap((u) => u.picks!(hits.length)) : null;
        saveResult(selected, resultToSave(hits, returns!.base, picked));
      }
      const numbers = hits.map((h) => (byUid ? h.message.uid : h.seq) as number);
      // RETURN () means ALL (RFC 4731 §3.1); SAVE alone suppresses the ESEARCH (RFC 9051 §6.4.4).
      const shown = returns && returns.names.filter((o) => o !== 'SAVE');
      const request: ReturnRequest | null =
        shown === null
          ? ctx.rev2
            ? { names: ['ALL'], base: ['ALL'], uses: [] }
            : null
          : shown.length || save
            ? returns
            : { names: ['ALL'], base: ['ALL'], uses: [] };
      // Data the extension keys add about what is returned, e.g. `MODSEQ 12` (RFC 7162 §3.1.6,
      // §3.1.10): for ESEARCH, of the messages its options return (RFC 4731 §3.2: MIN's alone,
      // MAX's, both, else every match), as for ESORT.
      const returned = request ? returnedMessages(hits, request) : hits;
      const extra = extensionKeys.flatMap((k) => k.result?.(returned) ?? []);
      if (!request) {
        const data = extra.length ? ` (${extra.join(' ')})` : '';
        ctx.untagged(`SEARCH${numbers.map((n) => ' ' + n).join('')}${data}`);
      } else if (request.names.some((o) => o !== 'SAVE')) {
        // RFC 9051 §7.3.4 ESEARCH: results as compact sequence sets, tagged with the command.
        const parts = [`(TAG "${ctx.tag}")`, ...(byUid ? ['UID'] : [])];
        parts.push(...esearchData(numbers, request, false), ...extra);
        ctx.untagged(`ESEARCH ${parts.join(' ')}`);
      }
      const outcome = {
        command: 'SEARCH' as const,
        byUid,
        matches: (m: SessionMessage) => criteria(m, selected),
        order: (h: readonly SessionMessage[]) => [...h],
        result: hits,
      };
      for (const use of returns?.uses ?? []) use.after?.(ctx, outcome);
      return { text: `${name} completed` };
    },
  });
}

export const search = searchCommand(false);
export const uidSearch = searchCommand(true);
