import { liveHub } from '@/lib/live/hub';
import { classHub } from '@/lib/live/classroom/class-hub';
import { summaryCsv } from '@/lib/live/classroom/csv';
import { checkHost, checkTrainer, refuse } from '@/lib/live/classroom/guard';

export const dynamic = 'force-dynamic';

/** The class summary as CSV (one row per prompt asked): for the trainer only (trainer key). */
export function GET(request: Request) {
  const host = checkHost(request);
  if (host) return host;
  const hub = classHub();
  if (!hub) return refuse(503, 'The live mail server is not running.');
  const trainer = checkTrainer(request, liveHub()?.trainerKey ?? null);
  if (trainer) return trainer;
  return new Response(summaryCsv(hub.room.summary()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="class-summary.csv"',
      'cache-control': 'no-store',
    },
  });
}
