'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * The query string, read without `useSearchParams`: the page is then prerendered with its
 * default view (header and all) instead of an empty fallback, and the client switches to the
 * URL's view at hydration.
 */
export function useSearch(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => '',
  );
}
