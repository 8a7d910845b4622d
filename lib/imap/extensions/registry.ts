/**
 * The extension registry: what every extension in `extensions/index.ts` adds, gathered by
 * extension point for the dispatcher and the core commands. Built on first use, so that an
 * import cycle through the core can never see the list before it exists.
 */
import type {
  AppendDataDef,
  ExpungedMessage,
  FetchItemDef,
  FetchModifierDef,
  ImapExtension,
  SearchKeyDef,
  SearchReturnOptionDef,
  SelectParamDef,
  SelectedUpdateRule,
  StatusItemDef,
  StoreModifierDef,
} from './define';
import { extensionList } from './index';
import type { StoredMessage } from '../../mailstore/message';
import type { SelectedMailbox } from '../selected';
import type { ImapCommand, ImapContext } from '../types';

/** Every extension point, indexed. */
export interface ExtensionRegistry {
  readonly extensions: readonly ImapExtension[];
  /** Capability names, in the order of the extension list. */
  readonly capabilities: readonly string[];
  /** ENABLE-able names (upper-case) → the names enabling it turns on, itself first. */
  readonly enable: ReadonlyMap<string, readonly string[]>;
  readonly commands: readonly ImapCommand[];
  readonly fetchItems: readonly FetchItemDef[];
  /** By upper-case name. */
  readonly fetchModifiers: ReadonlyMap<string, FetchModifierDef>;
  readonly storeModifiers: ReadonlyMap<string, StoreModifierDef>;
  readonly searchKeys: ReadonlyMap<string, SearchKeyDef>;
  readonly searchReturnOptions: ReadonlyMap<string, SearchReturnOptionDef>;
  readonly selectParams: ReadonlyMap<string, SelectParamDef>;
  readonly statusItems: ReadonlyMap<string, StatusItemDef>;
  /** Forms of APPEND message data, in the order of the extension list. */
  readonly appendData: readonly AppendDataDef[];
  /** True when some extension lets APPEND carry several messages (MULTIAPPEND). */
  readonly multiAppend: boolean;
}

let built: ExtensionRegistry | null = null;

/** The registry of `extensions/index.ts` (built once). */
export function registry(): ExtensionRegistry {
  return (built ??= build(extensionList()));
}

/** Indexes a list of extensions; a name registered twice is a programming error (throws). */
export function build(extensions: readonly ImapExtension[]): ExtensionRegistry {
  const byName = <T extends { readonly name: string }>(
    what: string,
    pick: (e: ImapExtension) => readonly T[] | undefined,
  ) => {
    const map = new Map<string, T>();
    for (const e of extensions)
      for (const def of pick(e) ?? []) {
        const key = def.name.toUpperCase();
        if (map.has(key)) throw new Error(`${what} ${key} registered twice (extension ${e.name})`);
        map.set(key, def);
      }
    return map;
  };
  const enable = new Map<string, readonly string[]>();
  for (const e of extensions)
    for (const [name, also] of Object.entries(e.enable ?? {}))
      enable.set(name.toUpperCase(), [name.toUpperCase(), ...also.map((a) => a.toUpperCase())]);
  return {
    extensions,
    capabilities: extensions.flatMap((e) =>
      typeof e.capability === 'string' ? [e.capability] : e.capability,
    ),
    enable,
    commands: extensions.flatMap((e) => e.commands ?? []),
    fetchItems: extensions.flatMap((e) => e.fetchItems ?? []),
    fetchModifiers: byName('FETCH modifier', (e) => e.fetchModifiers),
    storeModifiers: byName('STORE modifier', (e) => e.storeModifiers),
    searchKeys: byName('SEARCH key', (e) => e.searchKeys),
    searchReturnOptions: byName('SEARCH return option', (e) => e.searchReturnOptions),
    selectParams: byName('SELECT parameter', (e) => e.selectParams),
    statusItems: byName('STATUS item', (e) => e.statusItems),
    appendData: extensions.flatMap((e) => e.appendData ?? []),
    multiAppend: extensions.some((e) => e.multiAppend === true),
  };
}

/**
 * The lines reporting expunged messages to a session: the first extension whose `expunged`
 * hook answers (VANISHED once QRESYNC is on), else one `n EXPUNGE` each (RFC 9051 §7.5.1).
 */
export function expungeLines(enabled: ReadonlySet<string>, removed: readonly ExpungedMessage[]): string[] {
  if (removed.length === 0) return [];
  for (const e of registry().extensions) {
    const lines = e.hooks?.expunged?.(enabled, removed);
    if (lines) return lines;
  }
  return removed.map((r) => `${r.seq} EXPUNGE`);
}

/**
 * The items extensions add to a FETCH response reporting a flag change (e.g. ` UID 4 MODSEQ
 * (12)`), each with a leading space; `except` names items the response holds already.
 */
export function flagUpdateItems(
  enabled: ReadonlySet<string>,
  message: StoredMessage,
  except?: ReadonlySet<string>,
): string {
  if (enabled.size === 0) return '';
  let out = '';
  for (const e of registry().extensions)
    for (const item of e.hooks?.flagUpdate?.(enabled, message) ?? [])
      if (!except?.has(item.slice(0, item.indexOf(' ')))) out += ' ' + item;
  return out;
}

/** True when some extension enabled in this session has a SELECT say `OK [CLOSED]`. */
export function announcesClosed(enabled: ReadonlySet<string>): boolean {
  return registry().extensions.some((e) => e.hooks?.announcesClosed?.(enabled) ?? false);
}

/** Tells every extension that a session turned a name on for the first time (see `enabled`). */
export function capabilityEnabled(ctx: ImapContext, name: string): void {
  for (const e of registry().extensions) e.hooks?.enabled?.(ctx, name);
}

/** The lines extensions add when a session reports mailbox changes (see `mailboxUpdates`). */
export function mailboxUpdateLines(selected: SelectedMailbox, phase: 'before' | 'after'): string[] {
  const out: string[] = [];
  for (const e of registry().extensions) out.push(...(e.hooks?.mailboxUpdates?.(selected, phase) ?? []));
  return out;
}

/** How the selected mailbox's changes are pushed to this session (see `selectedUpdates`). */
export function selectedUpdateRule(session: unknown): SelectedUpdateRule | undefined {
  for (const e of registry().extensions) {
    const rule = e.hooks?.selectedUpdates?.(session);
    if (rule) return rule;
  }
  return undefined;
}

/** The lines extensions hold for this session about other mailboxes (see `pendingLines`). */
export function extensionPendingLines(session: unknown): string[] {
  const out: string[] = [];
  for (const e of registry().extensions) out.push(...(e.hooks?.pendingLines?.(session) ?? []));
  return out;
}

/** Tells every extension that a session ended (see `sessionClosed`). */
export function closeSession(session: unknown): void {
  for (const e of registry().extensions) e.hooks?.sessionClosed?.(session);
}
