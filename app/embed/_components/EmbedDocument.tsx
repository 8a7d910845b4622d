import type { ScenarioId } from '@/simulations/catalog';
import { embedBootScript } from '../embed-boot';
import { embedOpening } from '../opening';
import EmbedShell from './EmbedShell';

/** An embed page: the player, prerendered at step 0 of `scenario`, and its boot script. */
export function EmbedDocument({ scenario }: { scenario: ScenarioId }) {
  return (
    <main>
      <EmbedShell opening={embedOpening(scenario)} />
      {/* Right after the player's markup, before first paint: see embed-boot.ts. */}
      <script dangerouslySetInnerHTML={{ __html: embedBootScript(scenario) }} />
    </main>
  );
}
