/**
 * # SORT and THREAD=ORDEREDSUBJECT (RFC 5256), DISPLAYFROM/DISPLAYTO (RFC 5957)
 *
 * The server orders search results so a client can show a sorted list without downloading the
 * headers it would sort by. This folder owns the sort keys (`sort-keys.ts`: ARRIVAL CC DATE FROM
 * SIZE SUBJECT TO, REVERSE, and RFC 5957's DISPLAYFROM DISPLAYTO), the base subject of RFC 5256
 * §2.1 (`base-subject.ts`), the sent date (`sent-date.ts`), the SORT and UID SORT commands, and
 * THREAD / UID THREAD with the ORDEREDSUBJECT (`thread.ts`) and REFERENCES (`references.ts`)
 * algorithms. Strings compare under i;unicode-casemap (`unicode-casemap.ts`, RFC 5051 §2), as
 * RFC 5256 §7 (and §1: the rules of I18NLEVEL=1, RFC 5255) requires of SORT and THREAD.
 * I18NLEVEL=1 itself, which RFC 5256 §7 says servers SHOULD advertise, is not: the lab uses its
 * collation for SORT and THREAD only. `SORT RETURN (…)` is ESORT's (`../esort/`).
 */
import { defineExtension } from '../define';
import { sort, uidSort } from './sort';
import { thread, uidThread } from './thread';

export { baseSubject } from './base-subject';
export { parseSortCriteria, sortMessages, sortValue, type SortCriterion } from './sort-keys';

export const sortExtension = defineExtension({
  name: 'sort',
  // SORT=DISPLAY (DISPLAYFROM, DISPLAYTO) is RFC 5957's.
  rfc: 'RFC 5256, RFC 5957',
  capability: ['SORT', 'SORT=DISPLAY', 'THREAD=ORDEREDSUBJECT', 'THREAD=REFERENCES'],
  commands: [sort, uidSort, thread, uidThread],
});
