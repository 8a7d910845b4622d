/**
 * # CONTEXT=SEARCH and CONTEXT=SORT: searches that stay up to date (RFC 5267 §4)
 *
 * A client showing "unread mail" or a sorted message list asks once with `RETURN (UPDATE)` and
 * the server then tells it, unasked, how that result changes: `* ESEARCH (TAG "a1") UID ADDTO
 * (0 7)` when a new message matches, `REMOVEFROM (0 3)` when one stops matching (flag change,
 * expunge). What this folder owns:
 *
 * - the return options UPDATE (§4.3) and CONTEXT (§4.2, a hint that the client will use the
 *   result again; the server "MAY ignore" it, and this one does: it keeps nothing beyond what
 *   UPDATE asks) for SEARCH and, with ESORT, SORT. UPDATE does not change the immediate answer
 *   (§4.3: it does not interact with MIN, MAX, COUNT or PARTIAL);
 * - the live searches (`live.ts`), per selected mailbox: gone with SELECT, EXAMINE, UNSELECT or
 *   CLOSE, or by CANCELUPDATE (`cancelupdate.ts`, §4.3.5). At most `MAX_LIVE_SEARCHES` per
 *   mailbox: one more is answered `* NO [NOUPDATE "tag"]` and the search still runs (§4.3.1);
 * - the updates, written whenever the session reports mailbox changes (after a command, during
 *   IDLE): REMOVEFROM before the EXPUNGE that removes a message, ADDTO after the EXISTS that
 *   brings one (§4.3.3, §4.3.4); SEARCH contexts use position 0, SORT contexts real positions;
 * - a tag already in use by a live search makes a new UPDATE search BAD (§4.3).
 */
import { bad, type ImapContext } from '../../types';
import { defineExtension, type SearchReturnOptionDef } from '../define';
import { cancelUpdate } from './cancelupdate';
import { liveSearches, liveSearchesIfAny, updateLines } from './live';

/** Live searches per selected mailbox beyond which UPDATE is refused (§4.3.1 asks for >= 1). */
export const MAX_LIVE_SEARCHES = 5;

const update: SearchReturnOptionDef = {
  name: 'UPDATE',
  commands: ['SEARCH', 'SORT'],
  parse: () => ({
    words: 'news of every later change to the result (UPDATE)',
    check(ctx: ImapContext) {
      if (liveSearches(ctx.selected!).has(ctx.tag))
        throw bad(`Tag reuse: "${ctx.tag.slice(0, 40)}" already names a search with updates`);
    },
    after(ctx, outcome) {
      const selected = ctx.selected!;
      const searches = liveSearches(selected);
      if (searches.size >= MAX_LIVE_SEARCHES) {
        ctx.untagged(`NO [NOUPDATE "${ctx.tag}"] Too many searches with updates; CANCELUPDATE one first`);
        return;
      }
      // What the client was told: the next report brings it up to date from there.
      const uids = outcome.result.map((m) => m.message.uid as number);
      searches.set(ctx.tag, { tag: ctx.tag, outcome, uids });
    },
  }),
};

const context: SearchReturnOptionDef = {
  name: 'CONTEXT',
  commands: ['SEARCH', 'SORT'],
  parse: () => ({ words: 'a hint that the result will be used again (CONTEXT)' }),
};

export const contextExtension = defineExtension({
  name: 'context',
  rfc: 'RFC 5267',
  capability: ['CONTEXT=SEARCH', 'CONTEXT=SORT'],
  commands: [cancelUpdate],
  searchReturnOptions: [update, context],
  responseCodes: [
    {
      name: 'NOUPDATE',
      summary:
        'the server will not keep this search up to date (RFC 5267 §4.3.1 lets a server refuse; this one does at its own limit of live searches per mailbox); the result itself is still given',
      rfc: 'RFC 5267 §4.3.1',
    },
  ],
  hooks: {
    mailboxUpdates(selected) {
      const searches = liveSearchesIfAny(selected);
      if (!searches?.size) return [];
      return [...searches.values()].flatMap((s) => updateLines(selected, s));
    },
  },
});
