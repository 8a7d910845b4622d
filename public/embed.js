/*
 * POP vs IMAP Lab embed loader. Put this where the player should appear:
 *   <script src="https://YOUR-LAB/embed.js" data-scenario="laptop-and-phone" async></script>
 * Optional: data-protocol, data-step, data-theme, data-controls, data-speed, data-autoplay.
 * Or a story of your own (docs/EMBEDDING.md, "Embed your own story"): data-story holds its
 * ?story= value (scripts/story-link.ts prints it), data-title names it for the iframe's title.
 * It inserts an iframe after the script and keeps its height equal to the player's.
 */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, document.baseURI);
  var params = new URLSearchParams();
  ['protocol', 'step', 'theme', 'controls', 'speed', 'autoplay'].forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value !== null && value !== '') params.set(name, value);
  });
  // /embed/<scenario>/ is built with the scenario's first step in its HTML. Anything not in this
  // list (a test keeps it equal to the catalog) goes in the query, where the player quietly
  // replaces it with the default scenario rather than showing a missing page.
  var SCENARIOS = [
    'one-laptop',
    'laptop-and-phone',
    'webmail-and-desktop',
    'offline',
    'headers-first',
    'server-quota',
    'dropped-connection',
    'pop3-lock',
    'leave-a-copy',
    'two-accounts',
    'delete-on-phone',
    'delete-two-phases',
    'new-mail',
    'phone-after-a-week',
    'send-from-phone',
    'cafe-wifi',
    'sandbox',
  ];
  var scenario = script.getAttribute('data-scenario') || 'one-laptop';
  // A story travels in the query of /embed/ (lz-string's URL-safe alphabet, kept as written;
  // anything else is escaped, and the player says the link is broken). Whitespace is dropped,
  // so a long value may be wrapped.
  var story = (script.getAttribute('data-story') || '').replace(/\s+/g, '');
  var path = '/embed/';
  var query = params.toString();
  var title = 'POP vs IMAP Lab: ' + scenario;
  if (story) {
    var value = /^[A-Za-z0-9+$-]+$/.test(story) ? story : encodeURIComponent(story);
    query = 'story=' + value + (query ? '&' + query : '');
    title = 'POP vs IMAP Lab: ' + (script.getAttribute('data-title') || 'a linked story');
  } else if (SCENARIOS.indexOf(scenario) >= 0) path += scenario + '/';
  else {
    params.set('scenario', scenario);
    query = params.toString();
  }
  var iframe = document.createElement('iframe');
  iframe.src = base.origin + path + (query ? '?' + query : '');
  iframe.title = title;
  iframe.loading = 'lazy';
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.aspectRatio = '4 / 3';
  script.parentNode.insertBefore(iframe, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.source !== iframe.contentWindow || event.origin !== base.origin) return;
    var data = event.data;
    if (!data || data.source !== 'pop-vs-imap-lab' || data.type !== 'height') return;
    if (typeof data.height === 'number' && data.height > 0 && data.height < 20000) {
      iframe.style.aspectRatio = 'auto';
      iframe.style.height = Math.ceil(data.height) + 'px';
    }
  });
})();
