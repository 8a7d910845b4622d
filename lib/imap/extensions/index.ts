/**
 * Every IMAP extension the server has, one folder each (see define.ts and README.md). Their
 * capability names are advertised in this order, after the core's.
 */
import { condstore } from './condstore';
import { contextExtension } from './context';
import { binary } from './binary';
import { catenate } from './catenate';
import type { ImapExtension } from './define';
import { esort } from './esort';
import { idExtension } from './id';
import { listExtended } from './list-extended';
import { multiappend } from './multiappend';
import { notifyExtension } from './notify';
import { partial } from './partial';
import { qresync } from './qresync';
import { quota } from './quota';
import { searchres } from './searchres';
import { sortExtension } from './sort';
import { urlauth } from './urlauth';
import { utf8Accept } from './utf8-accept';

let list: readonly ImapExtension[] | null = null;

/**
 * Every extension, in the order their capabilities are advertised. Read on first use, not when
 * this module loads: an extension that imports a core module reading the registry closes an
 * import cycle back here, and a bundle may load that extension first (import-order.test.ts).
 */
export function extensionList(): readonly ImapExtension[] {
  return (list ??= [
    searchres,
    idExtension,
    quota,
    sortExtension,
    esort,
    partial,
    contextExtension,
    listExtended,
    condstore,
    qresync,
    binary,
    multiappend,
    utf8Accept,
    catenate,
    urlauth,
    notifyExtension,
  ]);
}
