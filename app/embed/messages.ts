import * as z from 'zod/mini';
import { CATALOG } from '@/simulations/catalog';

import { NAMESPACE } from './protocol';

export { NAMESPACE };

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

export function parseHostMessage(data: unknown): HostMessage | null {
  const result = HostMessage.safeParse(data);
  return result.success ? result.data : null;
}
