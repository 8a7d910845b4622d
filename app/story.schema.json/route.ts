import { storyJsonSchema } from '@/simulations/stories/json-schema';

/**
 * /story.schema.json: the JSON Schema of a story file (docs/STORIES.md), generated from the zod
 * schema at build time and served as a static file, in the static export too (as /timelines/).
 */
export const dynamic = 'force-static';

export function GET() {
  return new Response(JSON.stringify(storyJsonSchema(), null, 2) + '\n', {
    headers: { 'content-type': 'application/schema+json' },
  });
}
