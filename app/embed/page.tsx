import type { Metadata } from 'next';
import { EmbedDocument } from './_components/EmbedDocument';
import { EMBED_DEFAULTS } from './embed-params';

export const metadata: Metadata = {
  title: 'POP vs IMAP Lab (embedded player)',
  robots: { index: false },
};

/**
 * /embed/: the player without site chrome, for iframes in documentation pages. It opens the
 * default scenario, or the one `?scenario=` names; /embed/<scenario>/ opens that one prerendered.
 */
export default function EmbedPage() {
  return <EmbedDocument scenario={EMBED_DEFAULTS.scenario} />;
}
