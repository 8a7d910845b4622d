import { CATALOG, variantsOf } from '@/simulations/catalog';
import { seek, type Timeline } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';
import { sceneToSvg } from './scene-svg';
import { sequenceScene } from './sequence-scene';

/** Width of an exported diagram, in SVG user units (CSS pixels at 100 %). */
const EXPORT_WIDTH = 720;

/** An exported diagram: the file's name, its SVG text and its size in SVG user units. */
export interface DiagramFile {
  /** e.g. `offline--offline-all-imap-step-12` (no extension: the SVG and the PNG share it). */
  readonly stem: string;
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The sequence diagram of one protocol as drawn at lockstep `step` (0-based, as in the URL): the
 * page's scene (sequence-scene.ts), written as an SVG document. Its name says the scenario, the
 * variant if any, the protocol and the step as the page counts it (step + 1); its title says
 * the same in words. Every text from the wire is escaped (scene-svg.ts), so a subject such as
 * `<script>` is text in the file, never markup.
 */
export function diagramSvg(
  timeline: Timeline,
  step: number,
  protocol: Protocol,
  variant: string | null = null,
): DiagramFile {
  const frames = timeline.tracks[protocol];
  const scene = sequenceScene(frames, seek(timeline, step)[protocol].step, EXPORT_WIDTH);
  const shown = Math.max(0, Math.min(timeline.steps.length - 1, Math.floor(step))) + 1;
  const story = CATALOG.find((c) => c.id === timeline.scenario)?.title ?? timeline.scenario;
  const variantLabel = variant ? variantsOf(timeline.scenario).find((v) => v.id === variant)?.label : null;
  const title = `${protocol === 'pop3' ? 'POP3' : 'IMAP'} sequence diagram: ${story}${variantLabel ? ` (${variantLabel})` : ''}, step ${shown} of ${timeline.steps.length}`;
  return {
    stem: `${timeline.scenario}${variant ? `--${variant}` : ''}-${protocol}-step-${shown}`.replace(
      /[^A-Za-z0-9-]+/g,
      '-',
    ),
    ...sceneToSvg(scene, title),
  };
}
