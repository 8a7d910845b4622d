import type { Metadata } from 'next';
import { CATALOG, catalogEntry, isScenarioId } from '@/simulations/catalog';
import { EmbedDocument } from '../_components/EmbedDocument';

/**
 * /embed/<scenario>/: one page per scenario, built at build time with the scenario's first step
 * in its HTML, so the story is on screen before any JavaScript runs. The snippets the Embed
 * dialog and embed.js produce point here.
 */
export const dynamicParams = false;

export function generateStaticParams() {
  return CATALOG.map((c) => ({ scenario: c.id }));
}

type Props = { params: Promise<{ scenario: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { scenario } = await params;
  return {
    title: `${isScenarioId(scenario) ? catalogEntry(scenario).title : 'Scenario'} · POP vs IMAP Lab (embedded player)`,
    robots: { index: false },
  };
}

export default async function EmbedScenarioPage({ params }: Props) {
  const { scenario } = await params;
  // dynamicParams = false: only catalog ids reach this page.
  if (!isScenarioId(scenario)) throw new Error(`Unknown scenario ${scenario}`);
  return <EmbedDocument scenario={scenario} />;
}
