import { CATALOG } from '@/simulations/catalog';
import { DEFAULT_VIEW } from './url-state';

/**
 * An inline script for the compare page, run before first paint. The page is prerendered with
 * the default scenario (it cannot know the query); a link to another scenario (Copy link,
 * a trainer's handout) would otherwise show the default scenario's name and lesson first, then
 * switch. The script marks <html> with data-deep-link, and CSS hides those parts until the
 * linked scenario is drawn (CompareShell removes the mark).
 */
export const DEEP_LINK_BOOT_SCRIPT = `(function(){try{var s=new URLSearchParams(location.search).get('scenario');if(s!==null&&s!==${JSON.stringify(DEFAULT_VIEW.scenario)}&&${JSON.stringify(CATALOG.map((c) => c.id))}.indexOf(s)>=0)document.documentElement.dataset.deepLink=''}catch(e){}})()`;
