/**
 * Who can read a secret (a password, SASL credentials) on the line being explained, in the words
 * the explanations use: inside TLS only the server (RFC 8314 §3, RFC 3207, RFC 2595), without it
 * anyone on the path (RFC 9051 §6.2.3 and RFC 4954 §4 warn of exactly this); inside TLS only if
 * the client checked the certificate, else a man in the middle reads it too. `what` is the
 * pronoun for the secret: "it" (a password) or "them" (a user name and password).
 */
export function whoCanRead(tls: boolean, what: 'it' | 'them'): string {
  return tls
    ? `this connection is inside TLS, so only the server can read ${what}, if the client checked the server’s certificate`
    : `this connection is not inside TLS, so anyone on the path can read ${what}`;
}

/** The ExplainContext of a session's connection (its TLS state, from the wrapper). */
export function explainContextOf(io: {
  readonly security?: { readonly tlsActive: boolean };
}): ExplainContext {
  return { tls: io.security?.tlsActive === true };
}

/** What a command's explanation may depend on besides its arguments. */
export interface ExplainContext {
  /** The line crosses inside TLS (implicit TLS, or after STARTTLS/STLS). */
  readonly tls: boolean;
}
