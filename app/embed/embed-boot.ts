import { CATALOG, type ScenarioId } from '@/simulations/catalog';

/** The id of the embed's title, which the boot script may rewrite before first paint. */
export const EMBED_TITLE_ID = 'embed-scenario-title';

/**
 * An inline script that runs while the prerendered embed is parsed, before first paint and
 * long before React hydrates. The page is static: it prerenders step 0 of `prerendered` (the
 * scenario its path names) with both protocols and full controls, and cannot know the query.
 * So that a reader never sees that view change under their eyes, the script reads the same
 * parameters as parseEmbedParams (anything unknown is ignored) and:
 *  - applies `theme` (light/dark) to <html>, so a dark documentation site gets no white flash;
 *  - marks <html> with `controls` (minimal/none), which CSS uses to show the right controls;
 *  - when the query asks for another scenario, writes that title into the heading (at once, or
 *    when the document is parsed if streaming has not placed the heading yet) and preloads
 *    that timeline, so its download overlaps the JavaScript's;
 *  - when the prerendered step is not the one asked for (another scenario, a later step, one
 *    protocol), marks <html> with data-embed-wait, which hides the story until the player
 *    draws the right one; a `?story=` link too (the prerendered scenario is not its story).
 * Titles come from the catalog at build time, as JSON with `<` escaped (it sits in a <script>).
 */
export function embedBootScript(
  prerendered: ScenarioId,
  basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '',
): string {
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const titles = json(Object.fromEntries(CATALOG.map((e) => [e.id, e.title])));
  return `(function(){try{var q=new URLSearchParams(location.search),d=document.documentElement,t=${titles},s=q.get('scenario'),m=q.get('theme'),c=q.get('controls'),n=q.get('step'),p=q.get('protocol'),w=false;if(m==='light'||m==='dark')d.dataset.theme=m;if(c==='minimal'||c==='none')d.dataset.embedControls=c;if(n!==null&&/^\\d{1,6}$/.test(n)&&Number(n)>0)w=true;if(p==='pop3'||p==='imap')w=true;if(q.get('story')!==null)w=true;if(s!==null&&s!==${json(prerendered)}&&Object.prototype.hasOwnProperty.call(t,s)){w=true;var f=function(){var h=document.getElementById('${EMBED_TITLE_ID}');if(h)h.textContent=t[s];return h};if(!f())document.addEventListener('DOMContentLoaded',f);var l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href=${json(basePath)}+'/timelines/'+encodeURIComponent(s)+'.json';document.head.appendChild(l)}if(w)d.dataset.embedWait=''}catch(e){}})()`;
}
