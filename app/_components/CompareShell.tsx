'use client';
import CompareApp from './CompareApp';
import { useSearch } from './use-search';

/** Starts the compare view from the URL's query (see use-search.ts). */
export default function CompareShell() {
  const search = useSearch();
  // Keyed so that the view's state starts from the URL once it is known.
  return <CompareApp key={search === '' ? 'default' : 'url'} search={search} />;
}
