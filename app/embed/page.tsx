import type { Metadata } from 'next';
import EmbedShell from './_components/EmbedShell';

export const metadata: Metadata = {
  title: 'POP vs IMAP Lab (embedded player)',
  robots: { index: false },
};

/** /embed: the player without site chrome, for iframes in documentation pages. */
export default function EmbedPage() {
  return (
    <main>
      <EmbedShell />
    </main>
  );
}
