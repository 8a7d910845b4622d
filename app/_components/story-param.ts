/**
 * The query parameter that carries a story (`?story=…`, lz-string's
 * `compressToEncodedURIComponent` of its JSON). Kept apart from story-link.ts so that a page
 * without a story never loads the story validator (zod) to look for one.
 */
export const STORY_PARAM = 'story';
