/**
 * A module worker that checks the Edit story dialog's text (story-edit.ts) off the page's
 * thread, so a story near the 64 KiB limit never holds up typing: it receives an
 * `EditCheckRequest` and posts back an `EditCheckAnswer` with the same number.
 */
import { checkEditedStory, type EditCheckAnswer, type EditCheckRequest } from './story-edit';

self.onmessage = (event: MessageEvent<EditCheckRequest>) => {
  const { id, text } = event.data ?? {};
  if (typeof id !== 'number' || typeof text !== 'string') return;
  const answer: EditCheckAnswer = { id, result: checkEditedStory(text) };
  self.postMessage(answer);
};
