import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS, embedPath, parseEmbedParams } from './embed-params';
import { NAMESPACE, parseHostMessage } from './messages';

describe('embed parameters', () => {
  it('reads every parameter', () => {
    expect(
      parseEmbedParams(
        new URLSearchParams(
          'scenario=offline&protocol=imap&step=5&autoplay=1&speed=2&theme=dark&controls=minimal',
        ),
      ),
    ).toEqual({
      scenario: 'offline',
      protocol: 'imap',
      step: 5,
      autoplay: true,
      speed: 2,
      theme: 'dark',
      controls: 'minimal',
    });
  });

  it('falls back to defaults for anything invalid, including markup', () => {
    expect(
      parseEmbedParams(
        new URLSearchParams(
          'scenario=<script>alert(1)</script>&protocol=smtp&step=-1&autoplay=yes&speed=9&theme=blue&controls=all',
        ),
      ),
    ).toEqual(EMBED_DEFAULTS);
  });

  it("takes the path's scenario unless the query names another valid one", () => {
    expect(parseEmbedParams(new URLSearchParams(''), 'offline').scenario).toBe('offline');
    expect(parseEmbedParams(new URLSearchParams('scenario=nope'), 'offline').scenario).toBe('offline');
    expect(parseEmbedParams(new URLSearchParams('scenario=new-mail'), 'offline').scenario).toBe('new-mail');
  });

  it('writes short paths that read back: the scenario in the path, the rest in the query', () => {
    expect(embedPath({ scenario: 'one-laptop', protocol: 'both' })).toBe('/embed/one-laptop/');
    const path = embedPath({ scenario: 'new-mail', step: 4, theme: 'dark', controls: 'none' });
    expect(path).toBe('/embed/new-mail/?step=4&theme=dark&controls=none');
    const [, scenario, query] = /^\/embed\/([^/]+)\/(.*)$/.exec(path)!;
    expect(parseEmbedParams(new URLSearchParams(query), scenario as 'new-mail')).toMatchObject({
      scenario: 'new-mail',
      step: 4,
      theme: 'dark',
      controls: 'none',
    });
  });
});

describe('host messages', () => {
  it.each([
    [{ source: NAMESPACE, type: 'play' }],
    [{ source: NAMESPACE, type: 'pause' }],
    [{ source: NAMESPACE, type: 'seek', step: 12 }],
    [{ source: NAMESPACE, type: 'setScenario', scenario: 'new-mail' }],
  ])('accepts %j', (message) => {
    expect(parseHostMessage(message)).toEqual(message);
  });

  it.each([
    ['another namespace', { source: 'someone-else', type: 'play' }],
    ['an unknown type', { source: NAMESPACE, type: 'explode' }],
    ['a negative step', { source: NAMESPACE, type: 'seek', step: -1 }],
    ['a fractional step', { source: NAMESPACE, type: 'seek', step: 1.5 }],
    ['a step as text', { source: NAMESPACE, type: 'seek', step: '3' }],
    ['an unknown scenario', { source: NAMESPACE, type: 'setScenario', scenario: 'nope' }],
    ['a string', 'play'],
    ['null', null],
  ])('ignores %s', (_, message) => {
    expect(parseHostMessage(message)).toBeNull();
  });
});
