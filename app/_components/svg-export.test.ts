// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/simulations/scenarios';
import { buildTimeline, scenarioTimeline } from '@/simulations/timeline';
import { seek, type Timeline } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';
import { SCENE } from './sequence-scene';
import { diagramSvg } from './svg-export';

const SUBJECT = `<script>alert("owned")</script> Q&A <b>bold</b>`;

/** A story whose new mail has a subject full of markup, read by the laptop in both protocols. */
const hostile: Timeline = buildTimeline('hostile', { devices: [{ id: 'laptop', kind: 'laptop' }] }, [
  { type: 'openApp', device: 'laptop' },
  { type: 'newMail', subject: SUBJECT, from: 'Mallory <mallory@example.org>' },
  { type: 'checkMail', device: 'laptop' },
]);

/** The elements scene-svg.ts writes. */
const SVG_ELEMENTS = ['svg', 'title', 'defs', 'marker', 'path', 'rect', 'g', 'line', 'text'];

const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

/** `&` that does not start one of the five predefined entities (XML 1.0 §4.6). */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos);)/;

describe('diagramSvg', () => {
  it.each(['pop3', 'imap'] as const)(
    '%s: one arrow per wire unit up to the step, none after it',
    (protocol: Protocol) => {
      const timeline = scenarioTimeline(SCENARIOS.find((s) => s.id === 'one-laptop')!);
      for (const step of [2, Math.floor(timeline.steps.length / 2), timeline.steps.length - 1]) {
        const doc = parse(diagramSvg(timeline, step, protocol).text);
        expect(doc.querySelector('parsererror')).toBeNull();
        const upTo = seek(timeline, step)[protocol].step;
        const wire = timeline.tracks[protocol].slice(0, upTo + 1).filter((f) => f.direction !== 'none');
        expect(doc.querySelectorAll('line[marker-end]').length).toBe(wire.length);
      }
    },
  );

  it('names the file and the figure after the scenario, variant, protocol and step', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'one-laptop')!;
    const timeline = scenarioTimeline(scenario, [], 'leave-copy');
    const file = diagramSvg(timeline, 4, 'imap', 'leave-copy');
    expect(file.stem).toBe('one-laptop--leave-copy-imap-step-5');
    const title = parse(file.text).querySelector('svg > title')!.textContent!;
    expect(title).toContain('IMAP sequence diagram');
    expect(title).toContain(scenario.title);
    expect(title).toContain('POP3 client: leave a copy on the server');
    expect(title).toContain(`step 5 of ${timeline.steps.length}`);
    expect(diagramSvg(timeline, 0, 'pop3').stem).toBe('one-laptop-pop3-step-1');
  });

  it('shows its title as a visible heading, whole, wrapped between words within the picture', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'one-laptop')!;
    const timeline = scenarioTimeline(scenario, [], 'leave-copy');
    const file = diagramSvg(timeline, 20, 'pop3', 'leave-copy');
    const doc = parse(file.text);
    const title = doc.querySelector('svg > title')!.textContent!;
    // The heading's lines: the <text> elements outside any group, before the picture.
    const heading = [...doc.querySelectorAll('svg > text')];
    expect(heading.length).toBeGreaterThan(1);
    expect(heading.map((t) => t.textContent).join(' ')).toBe(title);
    for (const line of heading) expect(line.textContent!.length * 7.4).toBeLessThanOrEqual(file.width - 16);
  });

  it('gives its size as the document’s: the PNG is drawn at that aspect, not squashed', () => {
    for (const scenario of SCENARIOS) {
      const timeline = scenarioTimeline(scenario);
      for (const protocol of ['pop3', 'imap'] as const)
        for (const step of [0, timeline.steps.length - 1]) {
          const file = diagramSvg(timeline, step, protocol);
          const svg = parse(file.text).documentElement;
          const where = `${scenario.id} ${protocol} step ${step + 1}`;
          expect(Number(svg.getAttribute('height')), where).toBe(file.height);
          expect(Number(svg.getAttribute('width')), where).toBe(file.width);
          expect(svg.getAttribute('viewBox'), where).toBe(`0 0 ${file.width} ${file.height}`);
        }
    }
  });

  it.each(['pop3', 'imap'] as const)(
    '%s: a subject with <script> and & stays text, never markup',
    (protocol: Protocol) => {
      const last = hostile.steps.length - 1;
      const { text } = diagramSvg(hostile, last, protocol);
      // The subject crossed the wire in this track (RETR or FETCH ENVELOPE)...
      expect(hostile.tracks[protocol].some((f) => f.raw?.includes('<script>'))).toBe(true);
      // ...and the file holds it only escaped.
      expect(text).not.toMatch(/<script|<b>/i);
      expect(text).not.toMatch(BARE_AMPERSAND);
      const doc = parse(text);
      expect(doc.querySelector('parsererror')).toBeNull();
      expect(doc.querySelector('script, b, foreignObject')).toBeNull();
      // Every element is SVG: nothing from a message became an element.
      for (const element of doc.querySelectorAll('*')) expect(SVG_ELEMENTS).toContain(element.localName);
      const texts = [...doc.querySelectorAll('title, text')].map((t) => t.textContent ?? '');
      expect(texts.some((t) => t.includes('<script>alert("owned")</script>'))).toBe(true);
    },
  );

  it('keeps every participant’s head inside the picture, the outer ones too', () => {
    for (const id of ['one-laptop', 'two-accounts', 'new-mail']) {
      const timeline = scenarioTimeline(SCENARIOS.find((s) => s.id === id)!);
      for (const protocol of ['pop3', 'imap'] as const) {
        const file = diagramSvg(timeline, timeline.steps.length - 1, protocol);
        const heads = [...parse(file.text).querySelectorAll('rect[y="6"]')];
        expect(heads.length).toBeGreaterThanOrEqual(2);
        for (const head of heads) {
          const x = Number(head.getAttribute('x'));
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x + Number(head.getAttribute('width'))).toBeLessThanOrEqual(file.width);
        }
      }
    }
  });

  it('draws each head apart from the others, whole or cut with its title, at every step of every story', () => {
    let fourLines = 0;
    for (const scenario of SCENARIOS) {
      const timeline = scenarioTimeline(scenario);
      for (const protocol of ['pop3', 'imap'] as const)
        for (let step = 0; step < timeline.steps.length; step++) {
          const file = diagramSvg(timeline, step, protocol);
          const where = `${scenario.id} ${protocol} step ${step + 1}`;
          // Each head: <g><title>…</title><rect …/> then its name and status lines as <text>.
          const heads = [
            ...file.text.matchAll(
              /<g><title>([^<]*)<\/title><rect x="([\d.]+)" y="6" width="([\d.]+)" height="([\d.]+)"[^>]*\/>((?:\s*<text[^>]*>[^<]*<\/text>)*)/g,
            ),
          ];
          expect(heads.length, where).toBeGreaterThanOrEqual(2);
          const boxes = heads.map(([, , x, width, height, texts]) => ({
            x: Number(x),
            right: Number(x) + Number(width),
            bottom: 6 + Number(height),
            lines: [...texts!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!),
            width: Number(width),
          }));
          boxes.forEach((box, i) => {
            expect(box.x, where).toBeGreaterThanOrEqual(0);
            expect(box.right, where).toBeLessThanOrEqual(file.width);
            if (i > 0) expect(box.x, where).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
            for (const line of box.lines)
              expect(line.length * SCENE.charWidth, `${where}: ${line}`).toBeLessThanOrEqual(box.width);
            if (box.lines.length > 3) fourLines++;
          });
          // The picture starts below the tallest head. The first translate moves all of it below
          // the file's heading; a second, the picture below heads taller than the scene's room.
          const first = /<line [^>]*y1="([\d.]+)"/.exec(file.text);
          const shift = [...file.text.matchAll(/translate\(0 ([\d.]+)\)/g)].map((m) => Number(m[1]))[1] ?? 0;
          if (first)
            expect(Number(first[1]) + shift, where).toBeGreaterThanOrEqual(
              Math.max(...boxes.map((b) => b.bottom)),
            );
        }
    }
    // Send from the phone: a head with its IMAP session and its SMTP one (five texts: name and four lines).
    expect(fourLines).toBeGreaterThan(0);
  });
});
