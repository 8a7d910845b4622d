import { seek, type Timeline } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';
import { sceneToSvg } from './scene-svg';
import { sequenceScene } from './sequence-scene';

/** Width of an exported diagram, in SVG user units (CSS pixels at 100 %). */
const EXPORT_WIDTH = 720;

/**
 * The sequence diagram of one protocol as drawn at `step` (the page's scene, written as an SVG
 * file): its file name and text.
 */
export function diagramSvg(
  timeline: Timeline,
  step: number,
  protocol: Protocol,
): { name: string; text: string } {
  const frames = timeline.tracks[protocol];
  const scene = sequenceScene(frames, seek(timeline, step)[protocol].step, EXPORT_WIDTH);
  const title = `${protocol === 'pop3' ? 'POP3' : 'IMAP'} sequence diagram: ${timeline.scenario}, step ${step + 1}`;
  return { name: `${timeline.scenario}-${protocol}-step-${step + 1}.svg`, text: sceneToSvg(scene, title) };
}
