import { CATALOG, timelineKey, variantsOf } from '@/simulations/catalog';
import { packTimeline } from '@/simulations/packed';
import { findTimelineKey } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';

/**
 * /timelines/<scenario>.json (and <scenario>--<variant>.json): each scenario's timeline, computed once at build time (runs are
 * deterministic) and served as a static file, so a page can play a story without the engine.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return CATALOG.flatMap((c) => [
    { file: `${c.id}.json` },
    ...variantsOf(c.id).map((v) => ({ file: `${timelineKey(c.id, v.id)}.json` })),
  ]);
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const found = findTimelineKey(file.replace(/\.json$/, ''));
  if (!found) return new Response('Unknown scenario', { status: 404 });
  return Response.json(packTimeline(scenarioTimeline(found.scenario, [], found.variant)));
}
