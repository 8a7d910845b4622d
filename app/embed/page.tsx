import type { Metadata } from 'next';
import { Suspense } from 'react';
import EmbedPlayer from './_components/EmbedPlayer';

export const metadata: Metadata = {
  title: 'POP vs IMAP Lab (embedded player)',
  robots: { index: false },
};

/** /embed: the player without site chrome, for iframes in documentation pages. */
export default function EmbedPage() {
  return (
    <main>
      <Suspense fallback={<p style={{ padding: '0.75rem' }}>Loading…</p>}>
        <EmbedPlayer />
      </Suspense>
    </main>
  );
}
