import { describe, expect, it } from 'vitest';
import { explainWire } from './index';

/** THREAD=REFERENCES lines (RFC 5256), as a student reads them. */
const explain = (raw: string) =>
  explainWire({ protocol: 'imap', direction: 's2c', raw: raw + '\r\n', rev2: false, command: 'THREAD' });

describe('explaining THREAD=REFERENCES (RFC 5256)', () => {
  it('names the capability and cites RFC 5256 §3', () => {
    const e = explain('* CAPABILITY IMAP4rev1 THREAD=REFERENCES');
    const t = e.tokens.find((x) => x.text === 'THREAD=REFERENCES')!;
    expect(t.rfc).toBe('RFC 5256 §3');
    expect(t.explanation).toMatch(/In-Reply-To and References/);
  });

  it('says a group that opens with a group answers a missing message', () => {
    const e = explain('* THREAD (4 5 6)((7)(8))');
    expect(e.rfc).toBe('RFC 5256 §4');
    expect(e.explanation).toBe(
      'The server grouped the matching messages into 2 conversations: (4 5 6) ((7)(8)).',
    );
    expect(e.tokens.find((t) => t.text === '((7)(8))')!.explanation).toMatch(/first message is not there/);
    expect(e.tokens.find((t) => t.text === '(4 5 6)')!.explanation).toMatch(/answer it/);
  });
});
