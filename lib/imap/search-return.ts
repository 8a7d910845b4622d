/**
 * # RETURN options and the ESEARCH response they ask for
 *
 * `SEARCH RETURN (…)` (RFC 4731, IMAP4rev2's RFC 9051 §6.4.4) and, with ESORT, `SORT RETURN (…)`
 * (RFC 5267 §3) answer in one `* ESEARCH (TAG "a1") [UID] name value …` line instead of a list
 * of numbers. The core reads MIN, MAX, ALL, COUNT and SAVE (SEARCH only, RFC 5182); extensions
 * register more (`searchReturnOptions` in extensions/define.ts: PARTIAL, RFC 9394).
 */
import { ArgReader } from './args';
import type { ReturningCommand, SearchReturnOptionUse } from './extensions/define';
import { registry } from './extensions/registry';
import type { SearchReturnOption } from './extensions/searchres';
import type { Token } from './parser';
import { SequenceSet } from './seqset';
import { bad } from './types';

/** What a `RETURN (…)` list asked for. */
export interface ReturnRequest {
  /** Every option given, upper-case, in order (MIN, PARTIAL…). */
  readonly names: readonly string[];
  /** The core's options among them (MIN MAX ALL COUNT SAVE). */
  readonly base: readonly SearchReturnOption[];
  /** The extensions' options, parsed, in order. */
  readonly uses: readonly SearchReturnOptionUse[];
}

const BASE: Record<ReturningCommand, readonly SearchReturnOption[]> = {
  SEARCH: ['MIN', 'MAX', 'ALL', 'COUNT', 'SAVE'],
  // RFC 5267 §3: ESORT's MIN, MAX, ALL and COUNT. SAVE stays SEARCH's here: the server's choice,
  // since RFC 5182 §1 lets a SORT save its result too.
  SORT: ['MIN', 'MAX', 'ALL', 'COUNT'],
};

/**
 * Reads the items of a `RETURN (…)` list (RFC 4466 §2.6 `search-return-opts`). An unknown
 * option, one that this command does not take, an option given twice (except the core's MIN,
 * MAX, COUNT and SAVE, which RFC 4731 lets repeat) and two that exclude each other (PARTIAL with
 * ALL, RFC 9394 §3.1) are each a BAD. `RETURN ()` is the empty list: the caller reads it as ALL
 * (RFC 4731 §3.1).
 */
export function parseReturnOptions(tokens: readonly Token[], command: ReturningCommand): ReturnRequest {
  const a = new ArgReader(tokens);
  const names: string[] = [];
  const base: SearchReturnOption[] = [];
  const uses: SearchReturnOptionUse[] = [];
  const useNames: string[] = [];
  while (a.remaining > 0) {
    const name = a.atom('return option').toUpperCase();
    const core = BASE[command].find((o) => o === name);
    const def = core ? undefined : registry().searchReturnOptions.get(name);
    const elsewhere = !core && BASE.SEARCH.some((o) => o === name);
    if (elsewhere || (def && !def.commands.includes(command)))
      throw bad(`${command} does not take the return option ${name}`);
    if (!core && !def) throw bad(`Unknown return option: ${name.slice(0, 20)}`);
    // RFC 9394 §3.1: one PARTIAL or one ALL at most.
    if (names.includes(name) && (def || name === 'ALL')) throw bad(`Return option ${name} given twice`);
    if (!names.includes(name)) names.push(name);
    if (core && !base.includes(core)) base.push(core);
    if (def) {
      uses.push(def.parse(a));
      useNames.push(name);
    }
  }
  for (const [i, use] of uses.entries())
    for (const other of use.excludes ?? [])
      if (names.includes(other)) throw bad(`Return options ${useNames[i]} and ${other} cannot be combined`);
  return { names, base, uses };
}

/**
 * A sequence set that keeps the order given (RFC 5267 §3: ESORT's ALL is in sort order): runs
 * of consecutive ascending numbers become `a:b`, everything else is listed one by one.
 */
export function formatOrdered(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(i === j ? `${numbers[i]}` : `${numbers[i]}:${numbers[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The `* ESEARCH` line's data (after the tag and UID), RFC 9051 §7.3.4 / RFC 4731 §3.1: MIN and
 * MAX are the first and last of the result in its order (for SORT, the ends of the sort order,
 * RFC 5267 §3), COUNT how many, ALL every one (a compact set, or in sort order when `ordered`),
 * then what extension options add. MIN, MAX and ALL are left out when nothing matched.
 */
export function esearchData(numbers: readonly number[], request: ReturnRequest, ordered: boolean): string[] {
  const options = request.base;
  const parts: string[] = [];
  const found = numbers.length > 0;
  if (options.includes('MIN') && found) parts.push(`MIN ${numbers[0]}`);
  if (options.includes('MAX') && found) parts.push(`MAX ${numbers[numbers.length - 1]}`);
  if (options.includes('COUNT')) parts.push(`COUNT ${numbers.length}`);
  if (options.includes('ALL') && found)
    parts.push(`ALL ${ordered ? formatOrdered(numbers) : SequenceSet.format(numbers)}`);
  for (const use of request.uses) {
    const data = use.render?.(numbers, ordered);
    if (data) parts.push(data);
  }
  return parts;
}

/** The RETURN list in words, for explanations ("the lowest, the count…"). */
export function returnWords(request: ReturnRequest): string {
  const words: Record<string, string> = {
    MIN: 'the first',
    MAX: 'the last',
    ALL: 'all of them',
    COUNT: 'how many',
    SAVE: 'keep the result on the server as "$" for later commands',
  };
  const said = [...request.base.map((o) => words[o]!), ...request.uses.map((u) => u.words)];
  return said.length ? said.join(', ') : 'all of them';
}
