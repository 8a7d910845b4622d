/**
 * # QUOTA: how much of the account's storage is used (RFC 9208)
 *
 * Each account has one quota root, `User quota`, holding all its mailboxes, limited by the
 * store's `quotaBytes` (the STORAGE resource, in units of 1024 octets) and `quotaMessages` (the
 * MESSAGE resource). What this folder adds:
 *
 * - GETQUOTA (§4.1.1) and GETQUOTAROOT (§4.1.2), answering with QUOTA (§4.2.1) and QUOTAROOT
 *   (§4.2.2) responses; SETQUOTA (§4.1.3) is not offered (limits are the provider's policy),
 *   so QUOTASET is not advertised and a SETQUOTA is an unknown command;
 * - the STATUS item DELETED-STORAGE (§4.1.4), which a server advertising QUOTA=RES-STORAGE
 *   must support: the storage an EXPUNGE would free, here in the same 1024-octet units as
 *   STORAGE (§5.1; §4.1.4 names no unit, and lets a slow server answer the sum of the
 *   RFC822.SIZEs instead); DELETED, which RES-MESSAGE needs, is core
 *   IMAP4rev2 already;
 * - the capability names: QUOTA, QUOTA=RES-STORAGE and QUOTA=RES-MESSAGE (§5, `capa-quota-res` in §7).
 *
 * `[OVERQUOTA]` (§4.3.1) is the store's refusal: APPEND, COPY and MOVE past a limit answer
 * `NO [OVERQUOTA]` and store nothing (Account.checkQuota, mailbox-access.ts storeOp).
 */
import { defineExtension } from '../define';
import { getquota } from './getquota';
import { getquotaroot } from './getquotaroot';

export { QUOTA_ROOT, quotaResources, quotaResponse, quotaRootsOf } from './resources';

/** The storage an EXPUNGE of this mailbox would free, in units of 1024 octets, rounded down as STORAGE is. */
export function deletedStorage(box: {
  readonly messages: readonly { readonly size: number; readonly flags: ReadonlySet<string> }[];
}): number {
  let octets = 0;
  for (const m of box.messages) if (m.flags.has('\\Deleted')) octets += m.size;
  return Math.floor(octets / 1024);
}

export const quota = defineExtension({
  name: 'quota',
  rfc: 'RFC 9208',
  capability: ['QUOTA', 'QUOTA=RES-STORAGE', 'QUOTA=RES-MESSAGE'],
  commands: [getquota, getquotaroot],
  statusItems: [{ name: 'DELETED-STORAGE', value: deletedStorage }],
  responseCodes: [
    {
      name: 'OVERQUOTA',
      summary:
        'APPEND, COPY or MOVE would pass a quota limit, which this server enforces as a hard limit; nothing was stored.',
      rfc: 'RFC 9208 §4.3.1',
    },
  ],
});
