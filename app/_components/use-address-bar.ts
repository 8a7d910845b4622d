'use client';
import { useEffect } from 'react';
import { viewQuery, type ViewState } from './url-state';

/** How long the view rests on a step before the address bar is rewritten to it (milliseconds). */
export const URL_REST_MS = 300;

/**
 * Keeps the address bar on the view shown (`?scenario=&variant=&step=&speed=`), so it can be
 * shared or reloaded: rewritten once the view has rested for URL_REST_MS, and not at all while
 * `hold` (playing, loading, or a linked story, whose link is its address). Each write is a Next
 * router update, and rewriting on every step of a replay or a drag along the timeline costs
 * frames. A link followed while a write waits cancels it: landing during the navigation, it
 * would put this page's address back (and stay here).
 */
export function useAddressBar(view: ViewState, hold: boolean): void {
  const { scenario, variant, step, speed } = view;
  useEffect(() => {
    if (hold) return;
    const query = viewQuery({ scenario, variant, step, speed });
    const timer = setTimeout(() => window.history.replaceState(null, '', query), URL_REST_MS);
    const leaving = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) clearTimeout(timer);
    };
    document.addEventListener('click', leaving, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('click', leaving, true);
    };
  }, [scenario, variant, step, speed, hold]);
}
