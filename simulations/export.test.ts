import { SEED_MESSAGES } from '../lib/mailstore/seed';
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bytesToDisplayText } from '../lib/wire/bytes';
import { mermaidSequence, transcriptText } from './export';
import { SCENARIOS } from './scenarios';
import { scenarioTimeline } from './timeline';

describe('exports', () => {
  const stories = SCENARIOS.filter((s) => s.id !== 'sandbox').map(
    (s) => [s.id, scenarioTimeline(s)] as const,
  );

  it.each(stories)('%s: the transcript holds exactly the simulation’s wire lines', (_, timeline) => {
    for (const protocol of ['pop3', 'imap'] as const) {
      const text = transcriptText(timeline, protocol);
      const exported = text.split('\n').filter((l) => / [CS]: /.test(l) && !l.startsWith('   ('));
      const expected = timeline.tracks[protocol]
        .filter((f) => f.direction !== 'none')
        .flatMap((f) =>
          bytesToDisplayText(f.display!)
            .replace(/\r\n$/, '')
            .split('\r\n')
            .map((line) => `${f.device} ${f.direction === 'c2s' ? 'C:' : 'S:'} ${line}`),
        );
      expect(exported).toEqual(expected);
    }
  });

  it.each(stories)('%s: the Mermaid sequence diagram parses', async (_, timeline) => {
    const { default: mermaid } = await import('mermaid');
    for (const protocol of ['pop3', 'imap'] as const) {
      const diagram = mermaidSequence(timeline, protocol);
      expect(diagram.startsWith('sequenceDiagram\n')).toBe(true);
      await expect(mermaid.parse(diagram)).resolves.toBeTruthy();
    }
  });

  it('draws commands as arrows to the server and replies back', () => {
    const diagram = mermaidSequence(stories.find(([id]) => id === 'one-laptop')![1], 'pop3');
    expect(diagram).toContain('  laptop->>Server: USER student\n');
    expect(diagram).toContain('  laptop->>Server: PASS ********\n');
    const octets = SEED_MESSAGES.reduce((n, m) => n + m.length, 0);
    expect(diagram).toContain(`  Server-->>laptop: +OK 6 messages (${octets} octets) (+7 lines)\n`);
  });
});
