/**
 * # ID: the client and the server introduce themselves (RFC 2971)
 *
 * `ID ("name" "Thunderbird" "version" "128.0")` tells the server which program is talking;
 * the server answers with one untagged `ID` response about itself, then OK. Either side may
 * say `NIL` instead of a list. What this folder owns:
 *
 * - the grammar (`parseIdParams`, RFC 2971 §4): `id_params_list ::= "(" #(string SPACE nstring)
 *   ")" / nil` — field names are strings (quoted or literal, never atoms), values are nstrings;
 *   the limits of §3.3 (a field at most 30 octets, a value at most 1024, at most 30 pairs: what
 *   a sender MUST NOT exceed) are checked, and breaking one is a BAD (this server's choice);
 * - the server's own answer (`SERVER_ID`, `idResponse`);
 * - the command record (`id`) and the capability name.
 *
 * §3: implementations "MUST NOT make operational changes based on the data sent": the parameters
 * are read, checked and shown in the explanation, and change nothing else.
 */
import type { Token } from '../../parser';
import { printable } from '../../../session/printable';
import { imapString, nstring } from '../../format';
import { bad, defineCommand } from '../../types';
import { defineExtension } from '../define';

/** The capability name (RFC 2971 §3). */
export const ID = 'ID';

/** RFC 2971 §3.3: field strings are at most 30 octets. */
export const MAX_FIELD_OCTETS = 30;
/** RFC 2971 §3.3: value strings are at most 1024 octets. */
export const MAX_VALUE_OCTETS = 1024;
/** RFC 2971 §3.3: at most 30 field-value pairs. */
export const MAX_PAIRS = 30;

/** One field-value pair of an ID list; `value` is null for NIL. */
export interface IdParam {
  readonly field: string;
  readonly value: string | null;
}

/** The parameters of an ID command: null for `ID NIL`, else the pairs in the order sent. */
export type IdParams = readonly IdParam[] | null;

/**
 * Reads one `id_params_list` token (RFC 2971 §4). Throws BAD for anything else: an atom other
 * than NIL, an odd number of items, a field that is not a string, a value that is neither a
 * string nor NIL, or a limit of §3.3 broken.
 */
export function parseIdParams(token: Token | undefined): IdParams {
  if (!token) throw bad('Missing ID parameter list');
  if (token.type === 'atom') {
    if (token.value.toUpperCase() === 'NIL') return null;
    throw bad('Expected ID parameters in parentheses, or NIL');
  }
  if (token.type !== 'list') throw bad('Expected ID parameters in parentheses, or NIL');
  const items = token.items;
  if (items.length % 2 !== 0) throw bad('ID parameters come in field-value pairs');
  if (items.length / 2 > MAX_PAIRS) throw bad(`Too many ID parameters (at most ${MAX_PAIRS} pairs)`);
  const params: IdParam[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const f = items[i]!;
    const v = items[i + 1]!;
    if (f.type !== 'string') throw bad('An ID field name must be a string');
    if (f.value.length > MAX_FIELD_OCTETS)
      throw bad(`ID field name too long (at most ${MAX_FIELD_OCTETS} octets)`);
    let value: string | null;
    if (v.type === 'string') value = v.value;
    else if (v.type === 'atom' && v.value.toUpperCase() === 'NIL') value = null;
    else throw bad('An ID value must be a string or NIL');
    if (value !== null && value.length > MAX_VALUE_OCTETS)
      throw bad(`ID value too long (at most ${MAX_VALUE_OCTETS} octets)`);
    params.push({ field: f.value, value });
  }
  return params;
}

/** What the server says about itself (field names from RFC 2971 §3.3). */
export const SERVER_ID: readonly IdParam[] = [
  { field: 'name', value: 'POP vs IMAP Lab' },
  { field: 'vendor', value: 'POP vs IMAP Lab' },
];

/** Writes an `id_response` without the leading `* ` (RFC 2971 §3.2): `ID (...)` or `ID NIL`. */
export function idResponse(params: IdParams): string {
  if (params === null) return 'ID NIL';
  return `ID (${params.map((p) => `${imapString(p.field)} ${nstring(p.value)}`).join(' ')})`;
}

/** The value of a field, compared case-insensitively as §3.3 says field names are. */
export function idField(params: IdParams, field: string): string | null {
  const want = field.toLowerCase();
  return params?.find((p) => p.field.toLowerCase() === want)?.value ?? null;
}

/** RFC 2971 §3.1: ID, valid in every state (clients send it before logging in). */
export const id = defineCommand({
  name: 'ID',
  states: ['Not Authenticated', 'Authenticated', 'Selected'],
  syntax: 'ID (field value ...) | ID NIL',
  summary: 'Tell the server which client program this is, and hear which server it is.',
  rfc: 'RFC 2971 §3.1',
  parse(a) {
    const params = parseIdParams(a.next('ID parameter list'));
    a.end();
    return params;
  },
  explain(params) {
    const name = printable(idField(params, 'name') ?? '', 40);
    const version = printable(idField(params, 'version') ?? '', 20);
    if (params === null) return 'ask which server this is, without saying which client is asking (NIL)';
    return name
      ? `introduce itself as ${name}${version ? ` ${version}` : ''} and ask which server this is`
      : 'introduce itself and ask which server this is';
  },
  run(ctx) {
    ctx.untagged(idResponse(SERVER_ID));
    return {};
  },
});

/** The extension record (extensions/index.ts lists it). */
export const idExtension = defineExtension({
  name: 'id',
  rfc: 'RFC 2971',
  capability: ID,
  commands: [id],
});
