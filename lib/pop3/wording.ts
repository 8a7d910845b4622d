/** "1 message", "6 messages": the POP3 replies' human-readable text counts correctly (RFC 1939 leaves the wording to the server). */
export function messageCount(n: number): string {
  return `${n} message${n === 1 ? '' : 's'}`;
}
