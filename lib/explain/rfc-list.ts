/** One RFC: its title and its sections (number → title), e.g. `7.4.1` → `EXISTS Response`. */
export interface RfcInfo {
  readonly title: string;
  readonly sections: ReadonlyMap<string, string>;
}

/** Reads a list of sections, one a line: number, a space, title. */
export function parse(list: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const line of list.trim().split('\n')) {
    const space = line.indexOf(' ');
    map.set(line.slice(0, space), line.slice(space + 1));
  }
  return map;
}
