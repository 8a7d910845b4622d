'use client';
import { useState, type Ref } from 'react';
import { catalogEntry, isScenarioId } from '@/simulations/catalog';
import { embedPath, type EmbedParams } from '../embed/embed-params';
import { LazyDialog, type DialogHandle } from './LazyDialog';
import styles from './compare.module.css';

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The snippet for putting this scenario on another page: an iframe, or a one-line script that
 * inserts a self-resizing iframe. `story` is the `?story=` value of the linked story the page
 * shows, if any: both snippets then play that story. Opened with `ref.showModal()`.
 */
export function EmbedDialog({
  ref,
  ...props
}: {
  ref?: Ref<DialogHandle>;
  scenario: string;
  step: number;
  story?: string;
}) {
  return (
    <LazyDialog ref={ref} title="Embed this scenario">
      <EmbedSnippets {...props} />
    </LazyDialog>
  );
}

function EmbedSnippets({ scenario, step, story }: { scenario: string; step: number; story?: string }) {
  const [protocol, setProtocol] = useState<EmbedParams['protocol']>('both');
  const [theme, setTheme] = useState<EmbedParams['theme']>('system');
  const [controls, setControls] = useState<EmbedParams['controls']>('full');
  const [copied, setCopied] = useState('');
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const path = embedPath({
    scenario: scenario as EmbedParams['scenario'],
    step,
    protocol,
    theme,
    controls,
  });
  // A linked story: embed the same ?story= value, as written (lz-string's alphabet needs no
  // escaping), with the same options.
  const src = story
    ? `${origin}/embed/?story=${story}${path.includes('?') ? `&${path.slice(path.indexOf('?') + 1)}` : ''}`
    : `${origin}${path}`;
  const title = escapeAttribute(
    `POP vs IMAP Lab: ${story ? 'a linked story' : isScenarioId(scenario) ? catalogEntry(scenario).title : scenario}`,
  );
  const iframe = `<iframe src="${src}" title="${title}" loading="lazy" style="width:100%;aspect-ratio:4/3;border:0"></iframe>`;
  const what = story ? `data-story="${story}"` : `data-scenario="${scenario}"`;
  const script = `<script src="${origin}/embed.js" ${what} data-step="${step}" data-protocol="${protocol}" data-theme="${theme}" data-controls="${controls}" async></script>`;
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied('Select the text and copy it.');
    }
  };
  return (
    <>
      <div className={styles.sandboxRow}>
        <label>
          Protocols{' '}
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as EmbedParams['protocol'])}>
            <option value="both">Both</option>
            <option value="pop3">POP3</option>
            <option value="imap">IMAP</option>
          </select>
        </label>
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as EmbedParams['theme'])}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label>
          Controls{' '}
          <select value={controls} onChange={(e) => setControls(e.target.value as EmbedParams['controls'])}>
            <option value="full">Full</option>
            <option value="minimal">Minimal</option>
            <option value="none">None</option>
          </select>
        </label>
      </div>
      <label className={styles.snippet}>
        <span>iframe</span>
        <textarea readOnly rows={3} value={iframe} />
      </label>
      <button type="button" className={styles.button} onClick={() => copy(iframe, 'The iframe')}>
        Copy iframe
      </button>
      <label className={styles.snippet}>
        <span>Script (resizes itself)</span>
        <textarea readOnly rows={3} value={script} />
      </label>
      <button type="button" className={styles.button} onClick={() => copy(script, 'The script')}>
        Copy script
      </button>
      <p role="status">{copied}</p>
    </>
  );
}
