'use client';
import { useEffect } from 'react';
import CompareApp from './CompareApp';
import { useSearch } from './use-search';

/** Starts the compare view from the URL's query (see use-search.ts). */
export default function CompareShell() {
  const search = useSearch();
  useEffect(() => {
    // The linked view is on screen: show what the boot script hid (deep-link-boot.ts).
    if (search === window.location.search) delete document.documentElement.dataset.deepLink;
  }, [search]);
  // Keyed so that the view's state starts from the URL once it is known.
  return <CompareApp key={search === '' ? 'default' : 'url'} search={search} />;
}
