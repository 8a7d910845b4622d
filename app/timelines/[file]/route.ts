import { CATALOG } from '@/simulations/catalog';
import { packTimeline } from '@/simulations/packed';
import { findScenario } from '@/simulations/scenarios';
import { scenarioTimeline } from '@/simulations/timeline';

/**
 * /timelines/<scenario>.json: each scenario's timeline, computed once at build time (runs are
 * deterministic) and served as a static file, so a page can play a story without the engine.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return CATALOG.map((c) => ({ file: `${c.id}.json` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const scenario = findScenario(file.replace(/\.json$/, ''));
  if (!scenario) return new Response('Unknown scenario', { status: 404 });
  return Response.json(packTimeline(scenarioTimeline(scenario)));
}
