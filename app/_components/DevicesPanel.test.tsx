import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import type { Frame } from '@/simulations/types';
import { DevicesPanel } from './DevicesPanel';

/** The phone card's heading (name and badges) as text, at `frame`. */
function phoneHeading(frame: Frame): string {
  const html = renderToStaticMarkup(
    <DevicesPanel devices={frame.devices} server={frame.server} protocol="POP3" still />,
  );
  const heading = /<h3[^>]*>(Phone.*?)<\/h3>/.exec(html)![1]!;
  return heading.replace(/<span[^>]*>/g, ' ').replace(/<[^>]+>/g, '');
}

describe('DevicesPanel', () => {
  it('the phone’s card says "SMTP connected" while it sends, and nothing of SMTP after QUIT', () => {
    const frames = scenarioTimeline(SCENARIOS.find((s) => s.id === 'send-from-phone')!).tracks.pop3;
    const smtp = frames.filter((f) => f.wire === 'smtp' && f.device === 'phone');
    const mail = smtp.find((f) => f.direction === 's2c' && f.command === 'MAIL')!;
    expect(phoneHeading(mail)).toBe('Phone online SMTP connected');
    expect(phoneHeading(smtp[smtp.length - 1]!)).toBe('Phone online');
  });
});
