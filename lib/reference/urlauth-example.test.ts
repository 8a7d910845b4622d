import { describe, expect, it } from 'vitest';
import { extensionReference } from './extensions';

describe('the URLAUTH section of /learn/imap', () => {
  it('shows a URL authorized, fetched, and refused once RESETKEY changed the key, as the engine answers', () => {
    const urlauth = extensionReference().find((s) => s.name === 'urlauth')!;
    expect(urlauth.capabilities).toEqual(['URLAUTH']);
    expect(urlauth.adds).toContainEqual({ kind: 'commands', names: ['RESETKEY', 'GENURLAUTH', 'URLFETCH'] });
    expect(urlauth.responseCodes.map((c) => c.name)).toEqual(['URLMECH']);
    const server = urlauth.example.filter((l) => l.from === 'S').map((l) => l.text);
    const authorized = /^\* GENURLAUTH "(.*;URLAUTH=authuser:internal:01[0-9a-f]{40})"$/.exec(server[0]!);
    expect(authorized).not.toBeNull();
    // The URL fetched is the one GENURLAUTH gave; its data is seed message 3's part 1.
    expect(server[2]).toBe(`* URLFETCH "${authorized![1]}" {52}`);
    expect(server[3]).toBe('Hello Sam, the schedule for next week is attached.');
    expect(server).toContain('a4 OK [URLMECH INTERNAL] New access key');
    expect(server.at(-2)).toBe(`* URLFETCH "${authorized![1]}" NIL`);
    expect(server.at(-1)).toBe('a5 OK URLFETCH completed');
  });
});
