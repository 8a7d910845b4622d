'use client';
import dynamic from 'next/dynamic';
import { Suspense } from 'react';
import type { EmbedOpening } from '../opening';

// The player's code is a chunk of its own, preloaded by the prerendered HTML. React hydrates the
// page without it and the player once it has arrived, so the work is spread over short tasks
// instead of one long one, while the prerendered story stays on screen throughout.
const EmbedPlayer = dynamic(() => import('./EmbedPlayer'));

/** The embedded player, prerendered at step 0 of `opening` (see EmbedDocument). */
export default function EmbedShell({ opening }: { opening: EmbedOpening }) {
  return (
    <Suspense>
      <EmbedPlayer opening={opening} />
    </Suspense>
  );
}
