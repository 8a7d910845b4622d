/**
 * Makes the links to a story file: `npx tsx scripts/story-link.ts FILE.json [BASE]` checks the
 * story (as `npm run simulate -- --story` does), then prints its `?story=` link to the compare
 * view, its `/embed/?story=` link, an iframe snippet and an embed.js snippet (`data-story`;
 * docs/EMBEDDING.md, "Embed your own story"). BASE is where the lab is hosted (default https://lab.example). Exits 2 with every
 * problem and its path for a story that is not valid, 1 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { STORY_PARAM_MAX, encodeStoryParam } from '../app/_components/story-link';
import { formatProblems, parseStoryText } from '../simulations/stories/validate';

const [file, base = 'https://lab.example'] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx scripts/story-link.ts FILE.json [BASE]');
  process.exit(1);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`story-link: cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}
const check = parseStoryText(text);
if (!check.ok) {
  console.error(`story-link: ${file} is not a valid story (docs/STORIES.md):`);
  console.error(formatProblems(check.problems).replace(/^/gm, '  '));
  process.exit(2);
}
const param = encodeStoryParam(check.story);
if (param.length > STORY_PARAM_MAX) {
  console.error(
    `story-link: the link's story is ${param.length} characters; the limit is ${STORY_PARAM_MAX}`,
  );
  process.exit(2);
}
const root = base.replace(/\/+$/, '');
const title = check.story.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
console.log(`compare view: ${root}/?story=${param}`);
console.log(`embed:        ${root}/embed/?story=${param}`);
console.log('');
console.log(`<iframe
  src="${root}/embed/?story=${param}"
  title="POP vs IMAP Lab: ${title}"
  loading="lazy"
  style="width:100%;aspect-ratio:4/3;border:0"
></iframe>`);
console.log('');
console.log(`<script src="${root}/embed.js" data-story="${param}" data-title="${title}" async></script>`);
