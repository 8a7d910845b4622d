import { registry } from '../imap/extensions/registry';
import { ImapSession } from '../imap/session';
import { seedStore } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { LoopbackConnection } from '../session/loopback';
import { createServerContext } from '../session/types';
import { bytesToDisplayText } from '../wire/bytes';

/** One line of an example exchange: `C:` the client, `S:` the server. */
export interface ExchangeLine {
  readonly from: 'C' | 'S';
  readonly text: string;
}

/** One IMAP extension as the reference page shows it: straight from its registry record. */
export interface ExtensionReference {
  readonly name: string;
  readonly rfc: string;
  readonly capabilities: readonly string[];
  /** What it adds, by kind, e.g. `{ kind: 'FETCH modifiers', names: ['CHANGEDSINCE'] }`. */
  readonly adds: readonly { readonly kind: string; readonly names: readonly string[] }[];
  readonly responseCodes: readonly {
    readonly name: string;
    readonly summary: string;
    readonly rfc: string;
  }[];
  /** A real exchange, as the engine answers it (only the lines after `setup`), when there is one. */
  readonly example: readonly ExchangeLine[];
}

/**
 * Example exchanges per extension (by folder name): `setup` runs unseen (a second session, `L:`
 * lines, plays "another device"), then `lines` are shown with the engine's answers.
 */
export const EXTENSION_EXAMPLES: Readonly<
  Record<string, { readonly setup: readonly string[]; readonly lines: readonly string[] }>
> = {
  condstore: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX (CONDSTORE)', 'L: STORE 2 +FLAGS (\\Flagged)'],
    lines: [
      'a3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7)',
      'a4 UID STORE 1:2 (UNCHANGEDSINCE 7) +FLAGS.SILENT (\\Seen)',
      'a5 SEARCH MODSEQ 8',
    ],
  },
  qresync: {
    setup: [
      'a1 LOGIN student secret',
      'L: STORE 3 +FLAGS (\\Deleted)',
      'L: EXPUNGE',
      'L: STORE 1 +FLAGS (\\Seen)',
    ],
    lines: ['a2 ENABLE QRESYNC', 'a3 SELECT INBOX (QRESYNC (1700000000 7))'],
  },
  // The conversation view: the seed's study-group messages (4, 5, 6) answer one another.
  sort: {
    setup: ['a1 LOGIN student secret', 'a2 SELECT INBOX'],
    lines: [
      'a3 THREAD REFERENCES UTF-8 ALL',
      'a4 FETCH 4:6 (ENVELOPE)',
      'a5 THREAD ORDEREDSUBJECT UTF-8 ALL',
      'a6 SORT (REVERSE DATE) UTF-8 ALL',
    ],
  },
};

function runExample(setup: readonly string[], lines: readonly string[]): ExchangeLine[] {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 10, 12, 0, 0) } });
  seedStore(store);
  const server = createServerContext(store);
  const connect = () => {
    const c = new LoopbackConnection((io) => new ImapSession(server, io));
    c.take();
    return c;
  };
  const c = connect();
  const other = connect();
  other.send('l1 LOGIN student secret');
  other.send('l2 SELECT INBOX');
  let n = 3;
  for (const line of setup) {
    if (line.startsWith('L: ')) other.send(`l${n++} ${line.slice(3)}`);
    else c.send(line);
  }
  const out: ExchangeLine[] = [];
  for (const line of lines) {
    out.push({ from: 'C', text: line });
    for (const text of bytesToDisplayText(c.send(line)).replace(/\r\n$/, '').split('\r\n'))
      out.push({ from: 'S', text });
  }
  return out;
}

/** Every registered IMAP extension, in the order CAPABILITY lists them. */
export function extensionReference(): ExtensionReference[] {
  return registry().extensions.map((e) => {
    const names = (defs: readonly { readonly name: string }[] | undefined) => (defs ?? []).map((d) => d.name);
    const adds = [
      { kind: 'commands', names: names(e.commands) },
      { kind: 'ENABLE', names: Object.keys(e.enable ?? {}) },
      { kind: 'FETCH items', names: names(e.fetchItems) },
      { kind: 'FETCH modifiers', names: names(e.fetchModifiers) },
      { kind: 'STORE modifiers', names: names(e.storeModifiers) },
      { kind: 'SEARCH keys', names: names(e.searchKeys) },
      { kind: 'SELECT/EXAMINE parameters', names: names(e.selectParams) },
      { kind: 'STATUS items', names: names(e.statusItems) },
    ].filter((a) => a.names.length > 0);
    const example = EXTENSION_EXAMPLES[e.name];
    return {
      name: e.name,
      rfc: e.rfc,
      capabilities: typeof e.capability === 'string' ? [e.capability] : [...e.capability],
      adds,
      responseCodes: e.responseCodes ?? [],
      example: example ? runExample(example.setup, example.lines) : [],
    };
  });
}
