/*
 * POP vs IMAP Lab embed loader. Put this where the player should appear:
 *   <script src="https://YOUR-LAB/embed.js" data-scenario="laptop-and-phone" async></script>
 * Optional: data-protocol, data-step, data-theme, data-controls, data-speed, data-autoplay.
 * It inserts an iframe after the script and keeps its height equal to the player's.
 */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, document.baseURI);
  var params = new URLSearchParams();
  ['scenario', 'protocol', 'step', 'theme', 'controls', 'speed', 'autoplay'].forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value !== null && value !== '') params.set(name, value);
  });
  var iframe = document.createElement('iframe');
  iframe.src = base.origin + '/embed/?' + params.toString();
  iframe.title = 'POP vs IMAP Lab: ' + (params.get('scenario') || 'one-laptop');
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
