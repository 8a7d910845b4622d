/**
 * The story format as JSON Schema (draft 2020-12), generated from the zod schema so the two
 * cannot drift; served at /story.schema.json (app/story.schema.json/route.ts) for editors and
 * other tools. It checks each field's shape; the references between fields (a device an intent
 * names must exist, …) and the size limit are checked by `validateStory` only.
 */
import { z } from 'zod';
import { storySchema } from './schema';

/** Where the schema is published, relative to the site's root. */
export const STORY_SCHEMA_PATH = '/story.schema.json';

/** The JSON Schema of a story file. */
export function storyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(storySchema, { target: 'draft-2020-12', io: 'input' }),
    title: 'POP vs IMAP Lab story',
  };
}
