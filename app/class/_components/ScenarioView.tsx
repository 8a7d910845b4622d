'use client';
import { useEffect, useRef, useState } from 'react';
import { embedPath } from '@/app/embed/embed-params';
import { NAMESPACE, type EmbedMessage } from '@/app/embed/protocol';
import type { ScenarioId } from '@/simulations/catalog';
import styles from './class.module.css';

/**
 * The scenario itself on a student's device, at the step shown: the lab's embed (both columns,
 * the diagram, the stores), moved to each new step with the embed's `seek` message rather than
 * reloaded. `step` is the player's step (0-based), from the class's `shownAt`.
 */
export function ScenarioView({ scenario, step, title }: { scenario: string; step: number; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  // The address is the scenario's first view; later steps travel as messages.
  const [src, setSrc] = useState(() => ({
    scenario,
    path: embedPath({ scenario: scenario as ScenarioId, step }),
  }));
  if (src.scenario !== scenario)
    setSrc({ scenario, path: embedPath({ scenario: scenario as ScenarioId, step }) });
  const [height, setHeight] = useState<number | null>(null);

  useEffect(() => {
    const seek = () =>
      frame.current?.contentWindow?.postMessage(
        { source: NAMESPACE, type: 'seek', step },
        window.location.origin,
      );
    seek();
    // The embed says when it is ready (and how tall it is); a seek sent before then is repeated.
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== window.location.origin) return;
      const message = event.data as EmbedMessage | null;
      if (message?.source !== NAMESPACE) return;
      if (message.type === 'ready') seek();
      if (message.type === 'height' && Number.isFinite(message.height))
        setHeight(Math.min(4000, message.height));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [step, src.path]);

  return (
    <iframe
      ref={frame}
      className={styles.scenario}
      src={src.path}
      title={`${title}: POP3 and IMAP at this step`}
      loading="lazy"
      style={height ? { height } : undefined}
    />
  );
}
