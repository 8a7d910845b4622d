'use client';
import type { ReactNode } from 'react';
import { CATALOG, type ScenarioId } from '@/simulations/catalog';
import { IntentLink } from './IntentLink';
import { ThemeToggle } from './ThemeToggle';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * The compare view's header: the lab's name and its other pages, the scenario picker, and the
 * tools (copy link, embed, export, theme, help, presenter mode). Stateless: CompareApp owns what
 * each control changes. `exportMenu` is drawn between Embed and the theme once a scenario is in.
 */
export function CompareHeader(props: {
  /** A linked story is shown: the picker shows "The linked story" instead of a scenario. */
  storyActive: boolean;
  scenario: ScenarioId;
  onScenario: (id: ScenarioId) => void;
  onCopyLink: () => void;
  /** What Copy link did ("Link copied.", or the link to copy by hand), shown under the button. */
  copyStatus: string;
  onEmbed: () => void;
  exportMenu: ReactNode;
  onHelp: () => void;
  presenting: boolean;
  onPresent: () => void;
}) {
  return (
    <header className={`${styles.header} ${layout.header}`}>
      <div className={styles.brand}>
        <h1>POP vs IMAP Lab</h1>
        <p className={styles.tagline}>
          The same mail story, played against both protocols. Every line is the real wire text.
        </p>
        <nav aria-label="More of the lab" className={styles.siteNav}>
          <IntentLink href="/guide/">Which should I choose?</IntentLink>
          <IntentLink href="/claims/">Common claims, checked</IntentLink>
          <IntentLink href="/glossary/">Glossary</IntentLink>
          <IntentLink href="/learn/pop3/">POP3 reference</IntentLink>
          <IntentLink href="/learn/imap/">IMAP reference</IntentLink>
          <IntentLink href="/live/">Live: watch a real client</IntentLink>
        </nav>
      </div>
      <div className={styles.headerTools}>
        <label className={styles.picker}>
          <span>Scenario</span>
          <select
            value={props.storyActive ? '' : props.scenario}
            onChange={(e) => props.onScenario(e.target.value as ScenarioId)}
          >
            {props.storyActive && (
              <option value="" disabled>
                The linked story
              </option>
            )}
            {CATALOG.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <span className={styles.copyLink}>
          <button type="button" className={styles.button} onClick={props.onCopyLink}>
            Copy link
          </button>
          {/* Under the button, over the page (the header keeps its height); a status, announced too. */}
          <span role="status" className={props.copyStatus ? styles.copyStatus : undefined}>
            {props.copyStatus}
          </span>
        </span>
        <button type="button" className={styles.button} onClick={props.onEmbed}>
          Embed
        </button>
        {props.exportMenu}
        <ThemeToggle />
        <button type="button" className={styles.button} onClick={props.onHelp}>
          Help <kbd aria-hidden="true">?</kbd>
        </button>
        <button
          type="button"
          className={styles.button}
          aria-pressed={props.presenting}
          onClick={props.onPresent}
        >
          {props.presenting ? 'Leave presenter mode' : 'Present'}
        </button>
      </div>
    </header>
  );
}
