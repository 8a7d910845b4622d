import { bytesToDisplayText } from '../lib/wire/bytes';
import type { Timeline } from './seek';
import type { Frame, Protocol } from './types';

const NAMES: Record<Protocol, string> = { pop3: 'POP3', imap: 'IMAP' };

function wireLines(frame: Frame): string[] {
  return bytesToDisplayText(frame.display ?? '')
    .replace(/\r\n$/, '')
    .split('\r\n');
}

/**
 * The run as a plain-text transcript: each intent as a heading, each wire line as `C:` or `S:`
 * with its device, exactly as it crossed the wire (passwords masked).
 */
export function transcriptText(timeline: Timeline, protocol: Protocol): string {
  const out = [`${NAMES[protocol]} transcript: ${timeline.scenario}`, ''];
  for (const frame of timeline.tracks[protocol]) {
    if (frame.direction === 'none') {
      if (frame.device === null) out.push('', `# ${frame.narration}`);
      else out.push(`   (${frame.narration})`);
      continue;
    }
    const prefix = `${frame.device} ${frame.direction === 'c2s' ? 'C:' : 'S:'} `;
    for (const line of wireLines(frame)) out.push(prefix + line);
  }
  return out.join('\n').trim() + '\n';
}

/** Mermaid treats `;` and `#` specially in message text: write them as entity codes. */
function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/;/g, '#59;')
    .replace(/[\r\n]+/g, ' ');
}

function participant(device: string): string {
  return device.replace(/[^A-Za-z0-9]/g, '_');
}

/** The run as a Mermaid `sequenceDiagram`: one arrow per wire unit, a note per intent. */
export function mermaidSequence(timeline: Timeline, protocol: Protocol): string {
  const track = timeline.tracks[protocol];
  const devices = [
    ...new Set(track.filter((f) => f.device !== null && f.direction !== 'none').map((f) => f.device!)),
  ];
  const out = ['sequenceDiagram', `  title ${NAMES[protocol]}: ${timeline.scenario}`];
  for (const d of devices) out.push(`  participant ${participant(d)} as ${d}`);
  out.push(`  participant Server as ${NAMES[protocol]} server`);
  const everyone = devices.length ? `${participant(devices[0]!)},Server` : 'Server';
  for (const frame of track) {
    if (frame.direction === 'none') {
      if (frame.device === null && frame.intent >= 0)
        out.push(`  Note over ${everyone}: ${mermaidText(frame.narration)}`);
      continue;
    }
    const lines = wireLines(frame);
    const more = lines.length > 2 ? ` (+${lines.length - 1} lines)` : lines.length === 2 ? ' (+1 line)' : '';
    const text = mermaidText(lines[0]! + more);
    const device = participant(frame.device!);
    out.push(frame.direction === 'c2s' ? `  ${device}->>Server: ${text}` : `  Server-->>${device}: ${text}`);
  }
  return out.join('\n') + '\n';
}
