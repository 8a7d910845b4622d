import { describe, expect, it } from 'vitest';
import { LineReader } from '../wire/line-reader';
import { CommandAssembly, type AssemblyStep } from './command-assembly';

const limits = { maxLiteralBytes: 100, maxLineBytes: 1000 };

/** Feeds `wire` to an assembly in chunks of `chunk` octets; returns every step it took. */
function feed(wire: string, chunk: number): AssemblyStep[] {
  const reader = new LineReader(limits.maxLineBytes);
  const assembly = new CommandAssembly();
  const steps: AssemblyStep[] = [];
  for (let i = 0; i < wire.length; i += chunk) {
    reader.push(wire.slice(i, i + chunk));
    for (;;) {
      if (assembly.awaitingLiteral) {
        if (!assembly.readLiteral(reader)) break;
        continue;
      }
      const line = reader.readLine();
      if (line === null || typeof line !== 'string') break;
      steps.push(assembly.acceptLine(line, limits));
    }
  }
  return steps;
}

// RFC 9051 §4.3: literal = "{" number64 ["+"] "}" CRLF *CHAR8, the octets counted exactly.
describe('CommandAssembly (RFC 9051 §4.3 literals, RFC 7888 §3 {n+})', () => {
  const wire = 'a1 LOGIN {5}\r\nalice {11+}\r\npass\r\n word\r\n';

  it.each([1, 3, 7, wire.length])(
    'joins lines and literals, however the octets arrive (chunks of %i)',
    (chunk) => {
      const steps = feed(wire, chunk);
      // One "+" for the synchronizing literal, none for {11+}, then the whole command.
      expect(steps.map((s) => s.kind)).toEqual(['continue', 'wait', 'command']);
      expect(steps.at(-1)).toEqual({ kind: 'command', text: 'a1 LOGIN {5}\r\nalice {11+}\r\npass\r\n word' });
    },
  );

  it('a literal may hold CRLF and "{n}" without ending the command', () => {
    const steps = feed('a2 APPEND INBOX {9}\r\n{3}\r\nab\r\n\r\n', 2);
    expect(steps.at(-1)).toEqual({ kind: 'command', text: 'a2 APPEND INBOX {9}\r\n{3}\r\nab\r\n' });
  });

  it('refuses a synchronizing literal over the limit at once, before the client sends it', () => {
    expect(feed('a3 APPEND INBOX {101}\r\n', 5)).toEqual([
      {
        kind: 'reject',
        text: 'a3 APPEND INBOX {101}',
        status: 'NO',
        code: 'TOOBIG',
        message: 'Literal too large (limit 100 octets)',
      },
    ]);
  });

  it('reads past a non-synchronizing literal over the limit, then refuses the whole command', () => {
    const body = 'x'.repeat(101);
    const steps = feed(`a4 APPEND INBOX {101+}\r\n${body}\r\na5 NOOP\r\n`, 9);
    expect(steps).toEqual([
      { kind: 'wait' },
      {
        kind: 'reject',
        text: 'a4 APPEND INBOX {101+}',
        status: 'BAD',
        code: 'TOOBIG',
        message: 'Literal too large',
      },
      // The next command is read as a command: none of the thrown-away octets leak into it.
      { kind: 'command', text: 'a5 NOOP' },
    ]);
  });
});
