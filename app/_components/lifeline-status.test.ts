import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import { headLinesOf, statusLines } from './lifeline-status';
import { sequenceScene } from './sequence-scene';

const texts = (status: string) => statusLines(status).map((l) => l.text);
const joined = (status: string) =>
  statusLines(status)
    .map((l) => l.before + l.text)
    .join('');

describe('statusLines', () => {
  it('puts each session’s connection on one line and its state on the next', () => {
    expect(texts('connected · TRANSACTION')).toEqual(['connected', 'TRANSACTION']);
    expect(texts('connected · Selected · IDLE')).toEqual(['connected', 'Selected · IDLE']);
    expect(texts('SMTP connected · after MAIL FROM')).toEqual(['SMTP connected', 'after MAIL FROM']);
    expect(texts('connected · Selected · IDLE + SMTP · after MAIL FROM')).toEqual([
      'connected',
      'Selected · IDLE',
      '+ SMTP',
      'after MAIL FROM',
    ]);
    expect(texts('connected · Selected + SMTP')).toEqual(['connected', 'Selected', '+ SMTP']);
  });

  it('keeps a status without a state on one line', () => {
    expect(texts('not connected')).toEqual(['not connected']);
    expect(texts('6 in INBOX')).toEqual(['6 in INBOX']);
  });

  it('reads back as the whole status, separators and all', () => {
    for (const status of [
      'not connected',
      'connected · Not Authenticated',
      'connected · Selected · IDLE + SMTP · after DATA',
      'Thunderbird · Selected · IDLE',
    ])
      expect(joined(status)).toBe(status);
  });

  it('never gives a device’s head more lines than its run’s strip holds (headLinesOf), in any story', () => {
    let tallest = 0;
    for (const scenario of SCENARIOS)
      for (const variant of [null, ...(scenario.variants ?? []).map((v) => v.id)])
        for (const protocol of ['pop3', 'imap'] as const) {
          const frames = scenarioTimeline(scenario, [], variant).tracks[protocol];
          const room = headLinesOf(frames);
          for (let step = 0; step < frames.length; step++)
            for (const head of sequenceScene(frames, step, 600).lifelines) {
              const lines = statusLines(head.status);
              expect(joined(head.status)).toBe(head.status);
              expect(
                lines.length,
                `${scenario.id} ${variant ?? ''} ${protocol} step ${step}`,
              ).toBeLessThanOrEqual(room);
              tallest = Math.max(tallest, lines.length);
            }
        }
    // Send from the phone: the IMAP client idles while the phone submits over SMTP.
    expect(tallest).toBe(4);
    const send = scenarioTimeline(SCENARIOS.find((s) => s.id === 'send-from-phone')!);
    expect(headLinesOf(send.tracks.imap)).toBe(4);
    expect(headLinesOf(scenarioTimeline(SCENARIOS.find((s) => s.id === 'one-laptop')!).tracks.imap)).toBe(2);
  });
});
