/** A client's bytes made safe to echo in a reply: printable ASCII only, at most `max` characters. */
export function printable(text: string, max: number): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > max ? clean.slice(0, max) + '...' : clean;
}
