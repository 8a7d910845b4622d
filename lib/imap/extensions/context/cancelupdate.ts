import { bad, defineCommand, no } from '../../types';
import { liveSearches } from './live';

/**
 * RFC 5267 §4.3.5: `CANCELUPDATE "tag" ["tag" …]` stops the updates of the searches those
 * commands kept live (`command-select =/ "CANCELUPDATE" 1*(SP quoted)`, §5). A tag that names no
 * live search of the selected mailbox is refused with NO, and nothing is cancelled.
 */
export const cancelUpdate = defineCommand<{ tags: string[] }>({
  name: 'CANCELUPDATE',
  states: ['Selected'],
  syntax: 'CANCELUPDATE "tag" ["tag"…]',
  summary: 'Stop the updates of searches made with RETURN (UPDATE).',
  rfc: 'RFC 5267 §4.3.5',
  parse(a) {
    const tags: string[] = [];
    while (a.remaining > 0) {
      const t = a.next('quoted tag');
      if (t.type !== 'string' || t.literal) throw bad('CANCELUPDATE takes tags as quoted strings');
      tags.push(t.value);
    }
    if (tags.length === 0) throw bad('CANCELUPDATE needs the tag of a search');
    return { tags };
  },
  explain: ({ tags }) =>
    `stop the live updates of the search${tags.length > 1 ? 'es' : ''} tagged ${tags.map((t) => `"${t}"`).join(', ')}`,
  run(ctx, { tags }) {
    const searches = liveSearches(ctx.selected!);
    const unknown = tags.find((t) => !searches.has(t));
    if (unknown !== undefined) throw no(`No search with updates is tagged "${unknown.slice(0, 40)}"`);
    for (const t of tags) searches.delete(t);
    return { text: 'CANCELUPDATE completed' };
  },
});
