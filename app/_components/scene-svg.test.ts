// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';
import { escapeXml, sceneToSvg } from './scene-svg';
import { sequenceScene } from './sequence-scene';

const frames = (id: string) => scenarioTimeline(SCENARIOS.find((s) => s.id === id)!).tracks.pop3;

describe('sceneToSvg', () => {
  it('escapes the XML special characters', () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
  });

  it('writes a well-formed SVG with one arrow per wire unit, each titled with its whole first line', () => {
    const track = frames('one-laptop');
    const scene = sequenceScene(track, track.length - 1, 640);
    const svg = sceneToSvg(scene, 'POP3 sequence diagram: One laptop').text;
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('width')).toBe('640');
    const arrows = scene.items.filter((i) => i.kind === 'arrow');
    expect(doc.querySelectorAll('line[marker-end]').length).toBe(arrows.length);
    const titles = [...doc.querySelectorAll('g > title')].map((t) => t.textContent);
    for (const a of arrows) expect(titles).toContain(`${a.from} → ${a.to}: ${a.text}`);
    // The password is masked in the file as on the page.
    expect(svg).not.toMatch(/PASS (?!\*)/);
  });

  it('draws a dropped connection as a broken arrow', () => {
    const track = frames('dropped-connection');
    const svg = sceneToSvg(sequenceScene(track, track.length - 1, 600), 'x').text;
    expect(svg).toContain('connection broken');
  });
});
