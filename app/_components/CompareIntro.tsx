'use client';
import { StoryClaim } from './StoryClaim';
import { StoryLesson } from './StoryLesson';
import { StoryNotice } from './StoryNotice';
import type { StoryLinkState } from './use-story-link';
import { VariantPicker } from './VariantPicker';
import styles from './compare.module.css';

/**
 * What the compare view says above its step bar: the link's problems (a bad `?step=`, say),
 * a `?story=` the validator refused, then either the story's lesson or the built-in scenario's
 * title, claim and client settings. Presenter mode keeps the title only: the trainer tells the
 * rest, and the settings wait until the trainer leaves it.
 */
export function CompareIntro(props: {
  notices: readonly string[];
  onDismissNotices: () => void;
  story: StoryLinkState;
  onLeaveStory: () => void;
  /** The built-in scenario shown when no story is (`catalogEntry`). */
  entry: { id: string; title: string; claim: string };
  variant: string | null;
  onVariant: (variant: string | null) => void;
  presenting: boolean;
}) {
  const { story, entry, presenting } = props;
  const storyActive = story.status === 'checking' || story.status === 'running' || story.status === 'ready';
  return (
    <>
      {props.notices.length > 0 && (
        <div className={styles.notice} role="status">
          {props.notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
          <button type="button" className={styles.linkButton} onClick={props.onDismissNotices}>
            Dismiss
          </button>
        </div>
      )}
      {story.status === 'refused' && (
        <StoryNotice problems={story.problems} text={story.text} onDismiss={props.onLeaveStory} />
      )}
      {storyActive ? (
        <StoryLesson state={story} />
      ) : (
        <>
          <StoryClaim key={entry.id} title={entry.title} claim={presenting ? null : entry.claim} />
          {!presenting && (
            <VariantPicker scenario={entry.id} variant={props.variant} onChange={props.onVariant} />
          )}
        </>
      )}
    </>
  );
}
