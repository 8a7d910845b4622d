import { scenarioTimeline } from './simulations/timeline';
import { findScenario } from './simulations/scenarios';
for (const [id, proto, from] of [['headers-first', 'imap', 1], ['headers-first', 'pop3', 1], ['delete-on-phone', 'imap', 2]] as const) {
  const tl = scenarioTimeline(findScenario(id)!);
  console.log('=====', id, proto);
  for (const f of tl.tracks[proto].filter((f) => f.intent >= from)) console.log(f.step, f.intent, f.t, f.device, f.direction, JSON.stringify((f.display ?? '').slice(0, 90)), '|', f.narration.slice(0, 90));
  for (const d of tl.tracks[proto].at(-1)!.devices) console.log(d.id, d.clientState, d.messages.map((m) => `${m.uid}${m.seen ? 'S' : ''}${m.hasBody ? 'B' : ''}`).join(' '));
}
