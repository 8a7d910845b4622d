'use client';
import { useStoryLink } from '../../_components/use-story-link';
import { HandoutBody } from './HandoutBody';

/** How many of a refused story's problems the handout lists. */
const SHOWN = 5;

/**
 * The handout of a story carried in `?story=` (docs/STORIES.md): checked and run in the browser
 * as the compare view does, then printed like a built-in scenario's, with the story's title,
 * summary and takeaways (marked as the author's words). A link that cannot be opened says why,
 * with each problem's JSON path, and prints nothing else.
 */
export function StoryHandout({ search }: { search: string }) {
  const { state } = useStoryLink(search);
  if (state.status === 'refused' || state.status === 'none')
    return (
      <HandoutBody title="This link's story cannot be opened" claim="" back="/" timeline={null}>
        <div role="alert">
          <p>So there is no handout for it. What is wrong:</p>
          <ul>
            {(state.status === 'refused' ? state.problems : []).slice(0, SHOWN).map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      </HandoutBody>
    );
  if (state.status === 'checking')
    return (
      <HandoutBody title="A linked story" claim="" back="/" timeline={null}>
        <p role="status">Opening the linked story…</p>
      </HandoutBody>
    );
  const { story, value } = state;
  return (
    <HandoutBody
      title={story.title}
      claim={story.summary}
      back={`/?story=${value}`}
      timeline={state.status === 'ready' ? state.timeline : null}
    >
      {state.status === 'running' && <p role="status">Running the story against both protocols…</p>}
      {story.takeaways && story.takeaways.length > 0 && (
        <>
          <p>The author&apos;s takeaways (their words; the simulator does not check them):</p>
          <ul>
            {story.takeaways.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </>
      )}
    </HandoutBody>
  );
}
