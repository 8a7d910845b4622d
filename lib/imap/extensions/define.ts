/**
 * # The shape of an IMAP extension
 *
 * An extension is a folder under `lib/imap/extensions/<name>/` whose `index.ts` exports one
 * `defineExtension({...})` record, listed once in `extensions/index.ts`. The record says what the
 * extension adds at each point where the one dispatcher (session.ts) and the core commands let
 * an extension in; the session names no extension. Every part is optional except the name.
 *
 * An extension imports from the core's leaf modules only (types, args, parser, seqset, selected,
 * format, fetch-items types…), never from `commands/index.ts`, `capabilities.ts`, `session.ts`
 * or `extensions/registry.ts`: those read the extension list, and an import cycle through them
 * would run before the list exists.
 */
import type { Mailbox } from '../../mailstore/mailbox';
import type { StoredMessage } from '../../mailstore/message';
import type { ByteString } from '../../wire/bytes';
import type { ArgReader } from '../args';
import type { FetchItem } from '../fetch-items';
import type { Token } from '../parser';
import type { Criterion } from '../search';
import type { SelectedMailbox, SessionMessage } from '../selected';
import type { SequenceSet } from '../seqset';
import type { ImapCommand, ImapContext, ResponseCode } from '../types';

/**
 * A FETCH data item an extension adds (MODSEQ, BINARY[…]…), once parsed: it carries its own
 * rendering, so fetch-render.ts needs no case for it.
 */
export interface ExtensionFetchItem {
  readonly kind: 'extension';
  /** The item as the request names it, e.g. `MODSEQ`, for explanations and tests. */
  readonly name: string;
  /** The item in words, for the explanation of the command ("the modification sequence"). */
  readonly words: string;
  /** True if fetching it sets \Seen (as BODY[…] does, RFC 9051 §6.4.5). */
  readonly setsSeen: boolean;
  /** Capability this item turns on when used (RFC 7162 §3.1: a CONDSTORE-enabling command). */
  readonly enables?: string;
  /** The item in the FETCH response, e.g. `MODSEQ (12)`. `flags` is as core FLAGS writes it. */
  render(message: StoredMessage, flags: string): ByteString;
  /**
   * Runs for every message before any response is written or any \Seen set: throws an ImapError
   * to refuse the whole FETCH (RFC 3516 §4.3: `NO [UNKNOWN-CTE]` for an encoding it cannot undo).
   */
  check?(message: StoredMessage): void;
}

/** Recognises one kind of FETCH item: returns it parsed, or null when the atom is not ours. */
export interface FetchItemDef {
  /** The item's name, for the reference page (e.g. `MODSEQ`, `BINARY[section]`). */
  readonly name: string;
  /** Parses the item's atom as written (`BINARY.PEEK[1]`); throws BAD when ours but malformed. */
  parse(atom: string): ExtensionFetchItem | null;
}

/** What one FETCH is asked for, as modifiers see it. */
export interface FetchRequest {
  readonly byUid: boolean;
  readonly set: SequenceSet;
  readonly items: readonly FetchItem[];
  /** Every modifier given, by upper-case name (e.g. `CHANGEDSINCE`, `VANISHED`). */
  readonly modifiers: ReadonlyMap<string, FetchModifierUse>;
}

/** One FETCH modifier as given (RFC 4466 §2.4 `fetch-modifier`), parsed. */
export interface FetchModifierUse {
  /** For the explanation, e.g. "only those changed since modification 12". */
  readonly words: string;
  /** The modifier's number, for modifiers that read another's (VANISHED reads CHANGEDSINCE's). */
  readonly value?: number;
  /** Capability this modifier turns on when used (RFC 7162 §3.1). */
  readonly enables?: string;
  /** Items the response must then hold as well (CHANGEDSINCE adds MODSEQ, RFC 7162 §3.1.4.1). */
  readonly items?: readonly FetchItem[];
  /** Modifiers that must be given with this one (VANISHED needs CHANGEDSINCE); BAD otherwise. */
  readonly requires?: readonly string[];
  /** Keeps only the messages to answer for. */
  readonly filter?: (m: SessionMessage) => boolean;
  /**
   * Runs before any FETCH response: may refuse (throw an ImapError, nothing written yet) or
   * write untagged responses first (`VANISHED (EARLIER)`).
   */
  readonly before?: (ctx: ImapContext, request: FetchRequest) => void;
}

/** A FETCH modifier an extension adds: `FETCH set items (NAME params)`. */
export interface FetchModifierDef {
  readonly name: string;
  /** Reads the modifier's parameters (the name is already read); throws BAD on bad syntax. */
  parse(a: ArgReader, form: { readonly byUid: boolean }): FetchModifierUse;
}

/** One STORE modifier as given (RFC 4466 §2.5 `store-modifier`), parsed. */
export interface StoreModifierUse {
  readonly words: string;
  readonly enables?: string;
  /**
   * True when each message stored must be reported even with `.SILENT`, as a FETCH of the
   * flag-change items only (RFC 7162 §3.1.3: `* 1 FETCH (UID 4 MODSEQ (12))`).
   */
  readonly reportsSilent?: boolean;
  /** False when this message must be left alone (UNCHANGEDSINCE, RFC 7162 §3.1.3). */
  readonly allows?: (message: StoredMessage) => boolean;
  /**
   * The tagged OK's response code, given the messages left alone (as numbers the command uses:
   * UIDs for UID STORE), e.g. `MODIFIED 7,9`; undefined for none.
   */
  readonly code?: (refused: readonly number[]) => ResponseCode | undefined;
}

/** A STORE modifier an extension adds: `STORE set (NAME params) +FLAGS (…)`. */
export interface StoreModifierDef {
  readonly name: string;
  parse(a: ArgReader): StoreModifierUse;
}

/** What SEARCH keys read their arguments with (the core's key reader). */
export interface SearchKeyReader {
  /** The next token, unread. */
  peek(): Token | undefined;
  /** An astring argument (BAD when missing or malformed). */
  text(what: string): string;
  /** A number argument (digits; BAD otherwise). */
  number(): number;
  /** Another search key (for keys that take keys). */
  key(): Criterion;
}

/** A SEARCH key an extension adds (RFC 9051 §6.4.4 grammar extended, e.g. MODSEQ). */
export interface SearchKeyDef {
  /** The key's word, upper-case. */
  readonly name: string;
  readonly syntax: string;
  readonly enables?: string;
  /** Reads the key's arguments (the word is already read). */
  parse(r: SearchKeyReader): Criterion;
  /**
   * Data the response then carries about the messages found, or null (RFC 7162 §3.1.5: `MODSEQ
   * n`, written `(MODSEQ n)` after `* SEARCH …` and as `MODSEQ n` in ESEARCH).
   */
  result?(hits: readonly SessionMessage[]): string | null;
}

/** The commands whose `RETURN (…)` list takes return options (RFC 4731 SEARCH, RFC 5267 SORT). */
export type ReturningCommand = 'SEARCH' | 'SORT';

/**
 * One return option an extension adds, as given (RFC 4466 §2.6 `search-return-opt`, e.g.
 * `PARTIAL 1:100`), parsed.
 */
export interface SearchReturnOptionUse {
  /** For the explanation, e.g. "only results 1 to 100 of them". */
  readonly words: string;
  /** Options that may not be given with this one: BAD (RFC 9394 §3.1: PARTIAL and ALL). */
  readonly excludes?: readonly string[];
  /**
   * The ESEARCH return data for the result, in result order (mailbox order for SEARCH, sort order
   * for SORT), e.g. `PARTIAL (1:100 4:7)`; `ordered` says whether that order must be kept.
   */
  render?(numbers: readonly number[], ordered: boolean): string | null;
  /** The positions of the result this option returns (0-based), for SAVE (RFC 9394 §3.2). */
  picks?(count: number): readonly number[];
  /** Runs before the search: may refuse (throw an ImapError; nothing is written yet). */
  check?(ctx: ImapContext): void;
  /** Runs after the command's response (UPDATE keeps the search live, RFC 5267 §4.3). */
  after?(ctx: ImapContext, outcome: SearchOutcome): void;
}

/** What a SEARCH or SORT found, for return options that act on it afterwards. */
export interface SearchOutcome {
  readonly command: ReturningCommand;
  readonly byUid: boolean;
  /** True when a message matches the command's search criteria (as they read it now). */
  matches(m: SessionMessage): boolean;
  /** Puts matches in the command's order: SORT's criteria, or mailbox order for SEARCH. */
  order(hits: readonly SessionMessage[]): SessionMessage[];
  /** What the command found, in its order: the result the client was just given. */
  readonly result: readonly SessionMessage[];
}

/** A return option an extension adds: `SEARCH RETURN (NAME params) …`, `SORT RETURN (…)`. */
export interface SearchReturnOptionDef {
  readonly name: string;
  /** The commands that take it. */
  readonly commands: readonly ReturningCommand[];
  /** Reads the option's parameters (the name is already read); throws BAD on bad syntax. */
  parse(a: ArgReader): SearchReturnOptionUse;
}

/**
 * One message's data in APPEND, parsed: a form an extension adds to the core's literal (RFC
 * 4466 §2.3 `append-data`: `literal8`, `append-data-ext` such as `CATENATE (…)` or `UTF8 (…)`).
 */
export interface AppendData {
  /** For the explanation, e.g. "a 312-octet message sent as binary data (literal8)". */
  readonly words: string;
  /**
   * The message's octets, made when the command runs (CATENATE reads other messages then).
   * Throws an ImapError to refuse the whole APPEND before anything is stored (`NO [BADURL …]`).
   */
  octets(ctx: ImapContext): ByteString;
}

/** A form of APPEND message data an extension adds. */
export interface AppendDataDef {
  readonly name: string;
  /**
   * Reads the message data where the reader stands (after the flags and date), or returns null,
   * reading nothing, when the next token is not this form; throws BAD when it is, malformed.
   */
  parse(a: ArgReader): AppendData | null;
}

/** One SELECT/EXAMINE parameter as given (RFC 4466 §2.1 `select-param`), parsed. */
export interface SelectParamUse {
  readonly words: string;
  readonly enables?: string;
  /** Checked before the mailbox is opened: throw an ImapError to refuse the SELECT. */
  readonly check?: (ctx: ImapContext) => void;
  /** After the core's SELECT responses (and every extension's `selected` hook). */
  readonly after?: (ctx: ImapContext, selected: SelectedMailbox) => void;
}

/** A SELECT/EXAMINE parameter: `SELECT mailbox (NAME params)`. */
export interface SelectParamDef {
  readonly name: string;
  parse(a: ArgReader): SelectParamUse;
}

/** A STATUS data item an extension adds (e.g. HIGHESTMODSEQ). */
export interface StatusItemDef {
  readonly name: string;
  readonly enables?: string;
  value(box: Mailbox): number;
}

/** A response code the extension may send, for explanations and the reference page. */
export interface ResponseCodeDef {
  readonly name: string;
  readonly summary: string;
  readonly rfc: string;
}

/** A message as it left the client's view: its sequence number then, and its UID. */
export interface ExpungedMessage {
  readonly seq: number;
  readonly uid: number;
}

/**
 * How a session reports changes to its selected mailbox when no command is in progress, once an
 * extension governs that (NOTIFY, RFC 5465 §4, §6.1). What a command's completion reports is
 * unchanged (RFC 9051 §7.5.1).
 */
export interface SelectedUpdateRule {
  /**
   * What is written as soon as it happens: `all`; `no-expunge` (EXPUNGE waits for a command that
   * allows it, such as NOOP; during IDLE it goes at once); or `none` (nothing, not even during
   * IDLE, until a command ends).
   */
  readonly push: 'all' | 'no-expunge' | 'none';
  /** False when flag changes are not pushed (they wait for a command's end). */
  readonly flags: boolean;
  /** Flag-change FETCHes carry the UID, also at a command's end (RFC 5465 §5.1). */
  readonly withUid: boolean;
}

/** Where an extension changes the untagged responses the core writes. */
export interface ExtensionHooks {
  /** After the core's SELECT/EXAMINE responses, before the tagged OK (`OK [HIGHESTMODSEQ n]`). */
  selected?(ctx: ImapContext, selected: SelectedMailbox): void;
  /**
   * How expunges are reported to a session with these capabilities enabled: lines replacing
   * the `n EXPUNGE` responses (RFC 7162 §3.2.10: `VANISHED uids`), or null to leave them.
   */
  expunged?(enabled: ReadonlySet<string>, removed: readonly ExpungedMessage[]): string[] | null;
  /**
   * Items added to every FETCH response that reports a flag change (STORE's, an implicit \Seen,
   * another session's change), e.g. `['UID 4', 'MODSEQ (12)']` once CONDSTORE is on (RFC 7162
   * §3.1); an item the response already holds (same first word) is not repeated.
   */
  flagUpdate?(enabled: ReadonlySet<string>, message: StoredMessage): readonly string[] | null;
  /**
   * True when a SELECT/EXAMINE that closes the selected mailbox must say `OK [CLOSED]` for
   * this session (RFC 7162 §3.2.11: always, on a server advertising CONDSTORE or QRESYNC;
   * IMAP4rev2 always does, RFC 9051 §6.3.2).
   */
  announcesClosed?(enabled: ReadonlySet<string>): boolean;
  /**
   * A name was turned on in this session for the first time, by ENABLE or by a command that uses
   * it (RFC 7162 §3.1: a "CONDSTORE enabling command"). Runs at once, before that command writes
   * its own responses, and may write untagged ones (`OK [HIGHESTMODSEQ n]`).
   */
  enabled?(ctx: ImapContext, name: string): void;
  /**
   * Untagged lines about the selected mailbox that extensions keep track of, each time the
   * session reports changes: `before` the EXPUNGE/VANISHED lines (numbers still valid), and
   * `after` EXISTS and the flag FETCHes (RFC 5267 §4.3.3, §4.3.4: ADDTO after EXISTS,
   * REMOVEFROM before EXPUNGE).
   */
  mailboxUpdates?(selected: SelectedMailbox, phase: 'before' | 'after'): readonly string[];
  /**
   * Checks each message of an APPEND, as it would be stored, before any is: throws an ImapError
   * to refuse the whole command (RFC 9755 §4: 8-bit header fields need `ENABLE UTF8=ACCEPT`).
   */
  appending?(ctx: ImapContext, message: ByteString): void;
  /**
   * The rule for pushing the selected mailbox's changes to this session (`session` is the
   * session object, `ImapContext.origin`), or undefined to leave the core's: pushed at once only
   * during IDLE (RFC 2177). The first extension that answers decides.
   */
  selectedUpdates?(session: unknown): SelectedUpdateRule | undefined;
  /**
   * Untagged lines an extension holds for a session about mailboxes other than the selected one
   * (NOTIFY's STATUS and LIST, RFC 5465 §5), taken (the extension forgets them) whenever the
   * session may send untagged data: before each tagged reply, after the selected mailbox's
   * updates, and, with no command in progress (RFC 3501 §5.3), each time the extension calls
   * `ImapContext.wake`.
   */
  pendingLines?(session: unknown): readonly string[];
  /** The session ended (LOGOUT, a dropped connection, autologout): forget what it kept. */
  sessionClosed?(session: unknown): void;
}

/** One extension: what it adds, by extension point. */
export interface ImapExtension {
  /** The folder name, e.g. `searchres`. */
  readonly name: string;
  /** The RFC that defines it, e.g. `RFC 5182`. */
  readonly rfc: string;
  /** The CAPABILITY name(s) advertised; [] while the extension is not complete. */
  readonly capability: string | readonly string[];
  /** ENABLE-able names (RFC 5161), each with the names it turns on too (QRESYNC → CONDSTORE). */
  readonly enable?: Readonly<Record<string, readonly string[]>>;
  readonly commands?: readonly ImapCommand[];
  readonly fetchItems?: readonly FetchItemDef[];
  readonly fetchModifiers?: readonly FetchModifierDef[];
  readonly storeModifiers?: readonly StoreModifierDef[];
  readonly searchKeys?: readonly SearchKeyDef[];
  /** `RETURN (…)` options of SEARCH and SORT (RFC 4466 §2.6), e.g. PARTIAL. */
  readonly searchReturnOptions?: readonly SearchReturnOptionDef[];
  readonly selectParams?: readonly SelectParamDef[];
  readonly statusItems?: readonly StatusItemDef[];
  /** Forms of APPEND message data beyond a literal (`~{n}`, `CATENATE (…)`, `UTF8 (…)`). */
  readonly appendData?: readonly AppendDataDef[];
  /** True when APPEND takes several messages, stored all or none (RFC 3502 MULTIAPPEND). */
  readonly multiAppend?: boolean;
  readonly responseCodes?: readonly ResponseCodeDef[];
  readonly hooks?: ExtensionHooks;
}

/** Declares an extension (a typed identity, as `defineCommand` is for commands). */
export function defineExtension(extension: ImapExtension): ImapExtension {
  return extension;
}
