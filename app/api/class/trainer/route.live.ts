import * as z from 'zod/mini';
import { liveHub } from '@/lib/live/hub';
import { classHub } from '@/lib/live/classroom/class-hub';
import { checkPost, checkTrainer, readJson, refuse } from '@/lib/live/classroom/guard';

export const dynamic = 'force-dynamic';

const Action = z.discriminatedUnion('action', [
  z.object({ action: z.literal('open') }),
  z.object({ action: z.literal('close') }),
  z.object({
    action: z.literal('step'),
    scenario: z.string().check(z.maxLength(100)),
    step: z.number(),
  }),
  z.object({ action: z.literal('reveal') }),
  z.object({ action: z.literal('again') }),
  z.object({ action: z.literal('names'), show: z.boolean() }),
]);

/**
 * The trainer's class controls: `open` (a new join code; the old one expires), `close` (no more
 * joins), `step` (move the class to a scenario's step), `reveal` (the open prompt's answer), `again`
 * (clear the open prompt's answers and ask it again).
 * Same rules as the Live page's actions: the lab's own page, JSON, the trainer key in network
 * mode (lib/live/web-guard.ts).
 */
export async function POST(request: Request) {
  const guard = checkPost(request);
  if (guard) return guard;
  const hub = classHub();
  if (!hub) return refuse(503, 'The live mail server is not running.');
  const trainer = checkTrainer(request, liveHub()?.trainerKey ?? null);
  if (trainer) return trainer;
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const parsed = Action.safeParse(body.json);
  if (!parsed.success) return refuse(400, 'Malformed request.');
  const a = parsed.data;
  if (a.action === 'open') hub.room.newCode();
  else if (a.action === 'close') hub.room.close();
  else if (a.action === 'reveal') {
    if (!hub.room.reveal()) return refuse(409, 'No question is open at this step.');
  } else if (a.action === 'again') {
    if (!hub.room.askAgain()) return refuse(409, 'No question is open at this step.');
  } else if (a.action === 'names') {
    hub.answerNamesShown = a.show;
  } else {
    const error = hub.room.setStep(a.scenario, a.step);
    if (error) return refuse(400, error);
  }
  hub.changed();
  return Response.json({ ok: true, view: hub.presenterView() }, { headers: { 'cache-control': 'no-store' } });
}
