import { atomsOf } from '../args';
import { enableable } from '../capabilities';
import { bad, defineCommand } from '../types';

/**
 * RFC 5161 / RFC 9051 §6.3.1: `ENABLE IMAP4rev2` switches responses to IMAP4rev2 forms; the
 * extensions' ENABLE-able names (extensions/index.ts) are turned on the same way. ENABLED lists
 * the names asked for that were not on before (RFC 5161 §3.1).
 */
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
    const before = new Set(ctx.enabled);
    const newly = caps.filter((c) => enableable(c) && !before.has(c.toUpperCase()));
    for (const c of newly) for (const n of enableable(c)!) ctx.enable(n);
    ctx.untagged(`ENABLED${newly.map((c) => ' ' + c).join('')}`);
    return {};
  },
});
