import { atomsOf } from '../args';
import { ENABLEABLE } from '../capabilities';
import { bad, defineCommand } from '../types';

/** RFC 5161 / RFC 9051 §6.3.1: `ENABLE IMAP4rev2` switches responses to IMAP4rev2 forms. */
export const enable = defineCommand({
  name: 'ENABLE',
  states: ['Authenticated'],
  syntax: 'ENABLE capability...',
  summary: 'Turn on extensions, e.g. IMAP4rev2, for the rest of the session.',
  rfc: 'RFC 9051 §6.3.1',
  parse(a) {
    const caps = atomsOf(a.rest(), 'capability');
    if (caps.length === 0) throw bad('Missing capability');
    return caps;
  },
  explain: (caps) => `turn on ${caps.join(', ')}`,
  run(ctx, caps) {
    const newly = caps.filter((c) => ENABLEABLE.has(c.toUpperCase()) && !ctx.enabled.has(c.toUpperCase()));
    for (const c of newly) ctx.enable(c);
    ctx.untagged(`ENABLED${newly.map((c) => ' ' + c).join('')}`);
    return {};
  },
});
