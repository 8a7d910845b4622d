import * as z from 'zod/mini';
import { CATALOG } from '@/simulations/catalog';

/** Every message of the embed API carries this, so hosts and embeds ignore everyone else's. */
export const NAMESPACE = 'pop-vs-imap-lab';

const scenarioIds = CATALOG.map((c) => c.id) as [string, ...string[]];

/** What a host page may send to the embed. Anything else is ignored. */
export const HostMessage = z.discriminatedUnion('type', [
  z.object({ source: z.literal(NAMESPACE), type: z.literal('play') }),
  z.object({ source: z.literal(NAMESPACE), type: z.literal('pause') }),
  z.object({
    source: z.literal(NAMESPACE),
    type: z.literal('seek'),
    step: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
  }),
  z.object({ source: z.literal(NAMESPACE), type: z.literal('setScenario'), scenario: z.enum(scenarioIds) }),
]);
export type HostMessage = z.infer<typeof HostMessage>;

/** What the embed tells its host. */
export type EmbedMessage =
  | { source: typeof NAMESPACE; type: 'ready'; scenario: string; total: number }
  | {
      source: typeof NAMESPACE;
      type: 'step';
      scenario: string;
      index: number;
      total: number;
      narration: string;
    }
  | { source: typeof NAMESPACE; type: 'height'; height: number };

export function parseHostMessage(data: unknown): HostMessage | null {
  const result = HostMessage.safeParse(data);
  return result.success ? result.data : null;
}
