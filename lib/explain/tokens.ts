import type { Node } from './imap-syntax';
import type { Token } from './types';

/** Collects a line's tokens; `list()` returns them in order, without overlaps or empty ones. */
export class Tokens {
  private readonly items: Token[] = [];

  constructor(private readonly raw: string) {}

  add(start: number, end: number, explanation: string, rfc?: string): void {
    if (end <= start) return;
    this.items.push({ text: this.raw.slice(start, end), start, end, explanation, ...(rfc ? { rfc } : {}) });
  }

  node(node: Node, explanation: string, rfc?: string): void {
    this.add(node.start, node.end, explanation, rfc);
  }

  list(): Token[] {
    const sorted = [...this.items].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Token[] = [];
    for (const t of sorted) if (!out.length || t.start >= out[out.length - 1]!.end) out.push(t);
    return out;
  }
}

/** "1 message", "2 messages". */
export function count(n: number | string, noun: string): string {
  return `${n} ${noun}${Number(n) === 1 ? '' : 's'}`;
}

/**
 * A server's text quoted as the end of a sentence: a full stop added unless it already ends with
 * one (or with `!` or `?`), so "disallowed." does not read "disallowed..".
 */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
