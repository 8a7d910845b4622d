import { registry } from '../extensions/registry';
import type { ImapCommand } from '../types';
import { append } from './append';
import { authenticate } from './authenticate';
import { capability } from './capability';
import { check } from './check';
import { close } from './close';
import { copy, uidCopy } from './copy';
import { create } from './create';
import { deleteMailbox } from './delete';
import { enable } from './enable';
import { expunge, uidExpunge } from './expunge';
import { fetch, uidFetch } from './fetch';
import { idle } from './idle';
import { list } from './list';
import { login } from './login';
import { logout } from './logout';
import { lsub } from './lsub';
import { move, uidMove } from './move';
import { namespace } from './namespace';
import { noop } from './noop';
import { rename } from './rename';
import { search, uidSearch } from './search';
import { examine, select } from './select';
import { starttls } from './starttls';
import { status } from './status';
import { store, uidStore } from './store';
import { subscribe, unsubscribe } from './subscribe';
import { unselect } from './unselect';

/**
 * Every IMAP command the server dispatches, by name (`UID FETCH` is a row of its own): the
 * core's, then those the extensions register (extensions/index.ts).
 */
export const IMAP_COMMANDS: ReadonlyMap<string, ImapCommand> = new Map(
  (
    [
      capability,
      noop,
      logout,
      login,
      authenticate,
      starttls,
      enable,
      select,
      examine,
      create,
      deleteMailbox,
      rename,
      subscribe,
      unsubscribe,
      list,
      lsub,
      namespace,
      status,
      append,
      idle,
      check,
      close,
      unselect,
      expunge,
      search,
      fetch,
      store,
      copy,
      move,
      uidFetch,
      uidStore,
      uidSearch,
      uidCopy,
      uidMove,
      uidExpunge,
      ...registry().commands,
    ] as ImapCommand[]
  ).map((c) => [c.name, c]),
);
