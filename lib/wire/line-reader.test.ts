import { describe, expect, it } from 'vitest';
import { LINE_TOO_LONG, LineReader, OVERLONG_HEAD_BYTES } from './line-reader';

describe('LineReader', () => {
  it('splits CRLF lines that arrive in arbitrary chunks', () => {
    const r = new LineReader(100);
    r.push('USER stu');
    expect(r.readLine()).toBeNull();
    r.push('dent\r\nPASS s');
    expect(r.readLine()).toBe('USER student');
    expect(r.readLine()).toBeNull();
    r.push('ecret\r\n');
    expect(r.readLine()).toBe('PASS secret');
  });

  it('accepts a bare LF as a line end', () => {
    const r = new LineReader(100);
    r.push('NOOP\nQUIT\r\n');
    expect(r.readLine()).toBe('NOOP');
    expect(r.readLine()).toBe('QUIT');
  });

  it('reports an overlong line once, drops it, and resumes at the next line', () => {
    const r = new LineReader(10);
    r.push('x'.repeat(25));
    expect(r.readLine()).toBe(LINE_TOO_LONG);
    expect(r.buffered).toBe(0);
    r.push('yyyy\r\nNOOP\r\n');
    expect(r.readLine()).toBe('NOOP');
    expect(r.readLine()).toBeNull();
  });

  it('reads literal bytes exactly, CRLF included', () => {
    const r = new LineReader(100);
    r.push('a\r\nbc');
    expect(r.readBytes(6)).toBeNull();
    r.push('d)\r\n');
    expect(r.readBytes(6)).toBe('a\r\nbcd');
    expect(r.readLine()).toBe(')');
  });

  it('keeps the start of an overlong line, so a server can read its tag', () => {
    const r = new LineReader(10);
    r.push('a1 NOOP ' + 'x'.repeat(20) + '\r\n');
    expect(r.readLine()).toBe(LINE_TOO_LONG);
    expect(r.overlongHead).toBe('a1 NOOP ' + 'x'.repeat(20));
    r.push('b2 ' + 'y'.repeat(OVERLONG_HEAD_BYTES * 2));
    expect(r.readLine()).toBe(LINE_TOO_LONG);
    expect(r.overlongHead).toBe(('b2 ' + 'y'.repeat(OVERLONG_HEAD_BYTES)).slice(0, OVERLONG_HEAD_BYTES));
  });

  it('accepts a line of exactly the limit, CRLF not counted', () => {
    const r = new LineReader(10);
    r.push('0123456789\r\n01234567890\n');
    expect(r.readLine()).toBe('0123456789');
    expect(r.readLine()).toBe(LINE_TOO_LONG);
  });
});
