import * as z from 'zod/mini';
import { liveHub } from '@/lib/live/hub';
import { classHub } from '@/lib/live/classroom/class-hub';
import { checkHost, checkPost, checkTrainer, readJson, refuse } from '@/lib/live/classroom/guard';
import { setShowNamesOnLive, showNamesOnLive } from '@/lib/live/classroom/live-label-setting';
import { classLabelsFor } from '@/lib/live/classroom/live-labels';

export const dynamic = 'force-dynamic';

const Switch = z.object({ showNames: z.boolean() });

function labels(): Response {
  const hub = classHub();
  const body = classLabelsFor(showNamesOnLive(), hub?.room.roster() ?? []);
  return Response.json({ ok: true, ...body }, { headers: { 'cache-control': 'no-store' } });
}

/**
 * The trainer's Live page asks how to label class sessions: `{ ok, showNames, names }`, the
 * display names only when the trainer chose to show them. Trainer key in network mode, so no
 * other page in the room ever gets a name.
 */
export function GET(request: Request) {
  const host = checkHost(request);
  if (host) return host;
  const trainer = checkTrainer(request, liveHub()?.trainerKey ?? null);
  if (trainer) return trainer;
  return labels();
}

/** The trainer switches names on the Live page: `{ showNames }`; answers as GET. */
export async function POST(request: Request) {
  const guard = checkPost(request);
  if (guard) return guard;
  const live = liveHub();
  if (!live) return refuse(503, 'The live mail server is not running.');
  const trainer = checkTrainer(request, live.trainerKey);
  if (trainer) return trainer;
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const parsed = Switch.safeParse(body.json);
  if (!parsed.success) return refuse(400, 'Malformed request.');
  setShowNamesOnLive(parsed.data.showNames);
  return labels();
}
