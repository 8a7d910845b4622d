import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('dispatches on a blank line, joins data lines, skips comments and retry', () => {
    const p = new SseParser();
    expect(p.push('retry: 2000\n\n: keep-alive\n\ndata: {"a":1}\n')).toEqual([]);
    expect(p.push('\nevent: gone\ndata: x\ndata: y\n\n')).toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'gone', data: 'x\ny' },
    ]);
  });

  it('takes events split anywhere, with CRLF or CR line ends', () => {
    const p = new SseParser();
    const text = 'data: one\r\n\r\ndata:two\r\rdata: three\n\n';
    const events = [...text].flatMap((c) => p.push(c));
    expect(events.map((e) => e.data)).toEqual(['one', 'two', 'three']);
  });
});
