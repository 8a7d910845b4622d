/**
 * Every IMAP extension the server has, one folder each (see define.ts and README.md). Their
 * capability names are advertised in this order, after the core's.
 */
import type { ImapExtension } from './define';
import { searchres } from './searchres';

export const EXTENSIONS: readonly ImapExtension[] = [searchres];
