'use client';
import { useEffect, useRef } from 'react';
import { viewQuery, type ViewState } from './url-state';

/** How long the view rests on a step before the address bar is rewritten to it (milliseconds). */
export const URL_REST_MS = 300;

/**
 * Whether a click follows a link away from this page, in this tab: a plain left click (no
 * modifier, which would open a new tab or window) on a link without `target` or `download` whose
 * http(s) address has another path or origin. A link within the page (`#diagrams`), to this page
 * with another query, or to another application (`mailto:`) does not leave it.
 */
export function leavesPage(event: MouseEvent, here: Location): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return false;
  if (link.target !== '' && link.target !== '_self') return false;
  // mailto:, tel: and the like open another application and leave the page where it is.
  if (link.protocol !== 'http:' && link.protocol !== 'https:') return false;
  return link.origin !== here.origin || link.pathname !== here.pathname;
}

/**
 * Keeps the address bar on the view shown (`?scenario=&variant=&step=&speed=`), so it can be
 * shared or reloaded: rewritten once the view has rested for URL_REST_MS, and not at all while
 * `hold` (playing, loading, or a linked story, whose link is its address). Each write is a Next
 * router update, and rewriting on every step of a replay or a drag along the timeline costs
 * frames.
 *
 * Once a link away from the page has been followed, nothing more is written: a write landing
 * during that navigation would put this page's address back and stay here. This is watched from
 * the first render, since the link may be followed while the story still loads (`hold`) and the
 * write be scheduled only when it arrives; a page brought back from the back/forward cache writes
 * again. A link to this page with another query cancels only the write waiting then.
 */
export function useAddressBar(view: ViewState, hold: boolean): void {
  const { scenario, variant, step, speed } = view;
  const left = useRef(false);

  useEffect(() => {
    const follow = (event: MouseEvent) => {
      if (leavesPage(event, window.location)) left.current = true;
    };
    // Back to this page from the browser's back/forward cache: it is shown again, as it was left.
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) left.current = false;
    };
    document.addEventListener('click', follow, true);
    window.addEventListener('pageshow', back);
    return () => {
      document.removeEventListener('click', follow, true);
      window.removeEventListener('pageshow', back);
    };
  }, []);

  useEffect(() => {
    if (hold || left.current) return;
    const query = viewQuery({ scenario, variant, step, speed });
    const timer = setTimeout(() => {
      if (!left.current) window.history.replaceState(null, '', query);
    }, URL_REST_MS);
    const cancel = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) clearTimeout(timer);
    };
    document.addEventListener('click', cancel, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('click', cancel, true);
    };
  }, [scenario, variant, step, speed, hold]);
}
