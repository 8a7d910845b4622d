import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { headBox, LifelineHead } from './DiagramShapes';
import type { Lifeline } from './sequence-scene';

const laptop = (status: string): Lifeline => ({
  id: 'laptop',
  label: 'laptop',
  x: 100,
  server: false,
  online: true,
  connected: status !== 'not connected',
  state: null,
  status,
});

/** The head's lines as drawn: the text of each `headLine`, the hidden separator left out. */
function lines(status: string): string[] {
  const html = renderToStaticMarkup(<LifelineHead lifeline={laptop(status)} room={140} width={400} />);
  return [...html.matchAll(/<span class="[^"]*headLine[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]!);
}

describe('a lifeline head', () => {
  it('puts the connection on one line and the session state on the next', () => {
    expect(lines('connected · AUTHORIZATION')).toEqual(['connected', 'AUTHORIZATION']);
    expect(lines('connected · Not authenticated')).toEqual(['connected', 'Not authenticated']);
    expect(lines('SMTP connected · after MAIL FROM')).toEqual(['SMTP connected', 'after MAIL FROM']);
    expect(lines('connected · Selected · IDLE + SMTP · after MAIL FROM')).toEqual([
      'connected',
      'Selected · IDLE',
      '+ SMTP',
      'after MAIL FROM',
    ]);
  });

  it('keeps a status without a state on one line', () => {
    expect(lines('not connected')).toEqual(['not connected']);
    expect(lines('6 in INBOX')).toEqual(['6 in INBOX']);
    expect(lines('connected')).toEqual(['connected']);
  });

  it('still reads as one phrase, with the whole status as its tooltip', () => {
    const html = renderToStaticMarkup(
      <LifelineHead lifeline={laptop('connected · TRANSACTION')} room={140} width={400} />,
    );
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toBe('laptop: connected · TRANSACTION');
    expect(html).toContain('title="connected · TRANSACTION"');
    const both = 'connected · Selected · IDLE + SMTP · after MAIL FROM';
    const smtp = renderToStaticMarkup(<LifelineHead lifeline={laptop(both)} room={140} width={400} />);
    expect(smtp.replace(/<[^>]+>/g, '')).toBe(`laptop: ${both}`);
  });
});

describe('where a head sits', () => {
  it('a head between two lifelines is centred on its own and no wider than the room between them', () => {
    expect(headBox(200, 400, 140)).toEqual({
      maxWidth: 140,
      transform: 'translateX(clamp(-198px, -50%, calc(198px - 100%)))',
    });
  });

  it('an outer head takes its outer side and half the room inside, and is kept in the strip', () => {
    // 56 px from the left edge: 54 px outside the lifeline, 70 px (half the room) inside.
    expect(headBox(56, 400, 140)).toEqual({
      maxWidth: 124,
      transform: 'translateX(clamp(-54px, -50%, calc(342px - 100%)))',
    });
    expect(headBox(344, 400, 140).maxWidth).toBe(124);
  });
});
