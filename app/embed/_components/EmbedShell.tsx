'use client';
import { useSearch } from '../../_components/use-search';
import EmbedPlayer from './EmbedPlayer';

/** Starts the embedded player from the URL's query (see use-search.ts). */
export default function EmbedShell() {
  const search = useSearch();
  return <EmbedPlayer key={search === '' ? 'default' : 'url'} search={search} />;
}
