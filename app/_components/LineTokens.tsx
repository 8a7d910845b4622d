'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Token } from '@/lib/explain';
import { bytesToDisplayText } from '@/lib/wire/bytes';
import type { Frame } from '@/simulations/types';
import styles from './compare.module.css';
import { GlossaryText } from './GlossaryText';

/** Characters of a token shown on its button before the rest is elided. */
const SHOWN = 48;
/** Octets of a unit drawn as tokens; a long message body is cut after this. */
const DRAWN = 4000;

type Explainer = typeof import('@/lib/explain');

/** The explainer, once loaded: it is fetched when a line is first shown, not with the page. */
let loaded: Explainer | null = null;

/**
 * A wire line drawn as its parts, each a button: choosing one shows what that part means and
 * where it is specified. The parts are computed here, from the line and the lines before it
 * (the timeline carries only the line's own explanation), when the line is shown; the explainer
 * itself is loaded then, in a chunk of its own.
 */
export function LineTokens({ frame, before }: { frame: Frame; before: readonly Frame[] }) {
  const [explainer, setExplainer] = useState<Explainer | null>(loaded);
  useEffect(() => {
    if (explainer) return;
    let live = true;
    void import('@/lib/explain').then((module) => {
      loaded = module;
      if (live) setExplainer(module);
    });
    return () => {
      live = false;
    };
  }, [explainer]);
  // Until the explainer arrives the line shows as plain text.
  const tokens = useMemo(
    () => (explainer ? explainer.explainRecord(frame, before).tokens : []),
    [explainer, frame, before],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  // A part's meaning is written below the line: brought into view in its scrolling box (the
  // diagram's explanation is a short box at 1280×720), as little as needed.
  const saidRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (chosen !== null) saidRef.current?.scrollIntoView({ block: 'nearest' });
  }, [chosen]);
  const text = frame.display ?? '';
  const token = chosen === null ? undefined : tokens[chosen];
  const parts: React.ReactNode[] = [];
  let at = 0;
  tokens.forEach((t, i) => {
    if (t.start >= DRAWN) return;
    if (t.start > at) parts.push(<span key={`gap${at}`}>{visible(text.slice(at, t.start))}</span>);
    // A token's closing CRLF is drawn after its button, so the next line starts on a line of its own.
    const body = t.text.endsWith('\r\n') ? t.text.slice(0, -2) : t.text;
    parts.push(
      <button
        key={`t${i}`}
        type="button"
        className={styles.token}
        aria-pressed={chosen === i}
        aria-label={`${label(t)}: explain this part`}
        onClick={() => setChosen(chosen === i ? null : i)}
      >
        {shorten(body)}
      </button>,
    );
    if (body !== t.text) parts.push(<span key={`nl${i}`}>{'\n'}</span>);
    at = t.end;
  });
  if (at < Math.min(text.length, DRAWN)) parts.push(<span key="rest">{visible(text.slice(at, DRAWN))}</span>);
  if (text.length > DRAWN) parts.push(<span key="cut">{'\n…'}</span>);

  return (
    <div className={styles.tokens}>
      <p className={styles.tokensHint}>The parts of this line (choose one to see what it means):</p>
      <pre className={styles.raw}>{parts}</pre>
      <p ref={saidRef} className={styles.tokenExplanation} aria-live="polite" data-testid="token-explanation">
        {token ? (
          <>
            {/* Most explanations begin with the part they explain; the others get it in front. */}
            {token.explanation.startsWith(`${label(token)}:`) ? null : (
              <>
                <strong>{label(token)}</strong>:{' '}
              </>
            )}
            <GlossaryText text={token.explanation} />
            {token.rfc ? ` (${token.rfc})` : ''}
          </>
        ) : null}
      </p>
    </div>
  );
}

/** Wire bytes as text (UTF-8), each CRLF a line break. */
function visible(s: string): string {
  return bytesToDisplayText(s).replace(/\r\n/g, '\n');
}

/** A long part (a message's header or body) shown by its start and its size in octets. */
function shorten(bytes: string): string {
  const text = visible(bytes);
  return text.length > SHOWN * 2 ? `${text.slice(0, SHOWN)}… (${bytes.length} octets)` : text;
}

function label(t: Token): string {
  const oneLine = bytesToDisplayText(t.text).replace(/\r\n/g, ' ').trim();
  return oneLine.length > SHOWN ? `${oneLine.slice(0, SHOWN)}…` : oneLine || 'line break';
}
