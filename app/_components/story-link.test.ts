import { readFileSync } from 'node:fs';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { storyLimits } from '@/simulations/stories/fields';
import { decodeStoryParam, encodeStoryParam, STORY_PARAM_MAX, storyLinkUrl } from './story-link';

const example = JSON.parse(readFileSync('docs/stories/phone-and-laptop-pop3.json', 'utf8'));

describe('?story= links', () => {
  it('round-trips an example story through the link', () => {
    const param = encodeStoryParam(example);
    expect(param).toMatch(/^[A-Za-z0-9+\-$]+$/); // URL-safe: nothing to escape
    const check = decodeStoryParam(param);
    expect(check.ok && check.story.title).toBe(example.title);
    expect(storyLinkUrl('https://lab.example/', example)).toBe(`https://lab.example/?story=${param}`);
  });

  it('refuses text that lz-string did not write, without throwing', () => {
    for (const junk of ['', 'hello', '%%%', '!!!!', 'N4Ig']) {
      const check = decodeStoryParam(junk);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.problems[0]!.path).toBe('story');
    }
  });

  it('reports a broken story with the path of each problem', () => {
    const broken = { ...example, devices: [{ name: 'laptop', kind: 'toaster' }] };
    const check = decodeStoryParam(compressToEncodedURIComponent(JSON.stringify(broken)));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => p.path)).toContain('devices[0].kind');
  });

  it('refuses a link over 64 KiB compressed before decompressing it', () => {
    const check = decodeStoryParam('A'.repeat(STORY_PARAM_MAX + 1));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]!.message).toMatch(/limit is 65536/);
  });

  it('refuses a story whose JSON is over 64 KiB even when it compresses well', () => {
    const big = { ...example, summary: 'x'.repeat(storyLimits.bytes) };
    const param = compressToEncodedURIComponent(JSON.stringify(big));
    expect(param.length).toBeLessThan(STORY_PARAM_MAX);
    const check = decodeStoryParam(param);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]!.message).toMatch(/too large once decompressed \(limit 64 KiB\)/);
    // Under 64 KiB of characters, over 64 KiB of UTF-8 (two octets each): the validator says so.
    const wide = { ...example, summary: 'é'.repeat(storyLimits.bytes / 2) };
    const wideCheck = decodeStoryParam(compressToEncodedURIComponent(JSON.stringify(wide)));
    expect(wideCheck.ok).toBe(false);
    if (!wideCheck.ok) expect(wideCheck.problems[0]!.message).toMatch(/octets of JSON; the limit is 65536/);
  });
});
