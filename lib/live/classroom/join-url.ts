/**
 * The address students type or scan: `http://<host>[:port]/class/?code=<code>`. The host is the
 * network name the server was started for (LAB_NETWORK), else the name the presenter's own page
 * was reached by; the port is the one of that page (RFC 9110 §7.2 Host: uri-host [":" port]).
 */
export function joinUrl(hostHeader: string, network: string | null | undefined, code: string | null): string {
  const host = hostHeader.trim();
  const port = /^(?:\[[^\]]*\]|[^:]*)(:\d+)$/.exec(host)?.[1] ?? '';
  const name = network?.trim() ? bracketed(network.trim()) : host.slice(0, host.length - port.length);
  const query = code ? `?${new URLSearchParams({ code }).toString()}` : '';
  return `http://${name}${port}/class/${query}`;
}

/** The host name mail clients use: the network name, else the page's host name without port. */
export function mailHost(hostHeader: string, network: string | null | undefined): string {
  if (network?.trim()) return network.trim();
  const host = hostHeader.trim();
  return host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
}

function bracketed(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}
