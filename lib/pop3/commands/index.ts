import type { Pop3Command } from '../types';
import { apop } from './apop';
import { capa } from './capa';
import { dele } from './dele';
import { list } from './list';
import { noop } from './noop';
import { pass } from './pass';
import { quit } from './quit';
import { retr } from './retr';
import { rset } from './rset';
import { stat } from './stat';
import { stls } from './stls';
import { top } from './top';
import { uidl } from './uidl';
import { user } from './user';

/** Every POP3 command the server dispatches, by name. The reference pages are generated from it. */
export const POP3_COMMANDS: ReadonlyMap<string, Pop3Command> = new Map(
  [user, pass, apop, stat, list, retr, dele, noop, rset, quit, top, uidl, capa, stls].map((c) => [c.name, c]),
);
