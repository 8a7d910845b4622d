import { no, defineCommand } from '../../types';
import { quotaResources, quotaResponse, QUOTA_ROOT } from './resources';

/**
 * RFC 9208 §4.1.1: `GETQUOTA root` answers with the root's QUOTA response. This server has one
 * root per account (`QUOTA_ROOT`, case-sensitive as any astring); any other name, or the root of
 * an account without limits, is `NO [NONEXISTENT]`.
 */
export const getquota = defineCommand({
  name: 'GETQUOTA',
  states: ['Authenticated', 'Selected'],
  syntax: 'GETQUOTA quota-root',
  summary: 'Show the usage and limits of a quota root.',
  rfc: 'RFC 9208 §4.1.1',
  parse(a) {
    const root = a.astring('quota root name');
    a.end();
    return root;
  },
  explain: (root) =>
    `ask how much of quota root "${root.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}" is used`,
  run(ctx, root) {
    const resources = quotaResources(ctx.account!);
    if (root !== QUOTA_ROOT || resources.length === 0) throw no('No such quota root', 'NONEXISTENT');
    ctx.untagged(quotaResponse(root, resources));
    return {};
  },
});
