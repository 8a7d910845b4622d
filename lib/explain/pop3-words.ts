/** POP3 response codes (RFC 2449 §8, RFC 3206) and CAPA capabilities (RFC 2449 §6): [meaning, section]. */
export const CODES: Record<string, [string, string]> = {
  'IN-USE': [
    '[IN-USE]: the name and password were accepted, but another session holds the lock on this maildrop, and this server, like many, lets one POP3 session at a time use it (server policy; RFC 1939 §4 asks for an exclusive-access lock as needed to keep a session’s messages from being changed or removed before its UPDATE state, and holding it for the whole session is the simple way). It is freed when that session ends: QUIT, a closed connection the server notices, or the server’s idle timer.',
    'RFC 2449 §8.1.2',
  ],
  'LOGIN-DELAY': [
    '[LOGIN-DELAY]: this user logged in too recently; the server asks clients to wait longer between logins.',
    'RFC 2449 §8.1.1',
  ],
  AUTH: [
    '[AUTH]: the login was refused for a reason about the credentials: a wrong name or password, an expired account, or a login against the server’s policy (such as a password sent without TLS). Not a server fault: trying again unchanged will not help.',
    'RFC 3206 §5',
  ],
  'SYS/TEMP': ['[SYS/TEMP]: a temporary server problem; trying again later may work.', 'RFC 3206 §4'],
  'SYS/PERM': ['[SYS/PERM]: a lasting server problem; trying again will not help.', 'RFC 3206 §4'],
};

export const CAPABILITIES: Record<string, [string, string]> = {
  TOP: ['TOP: the TOP command is available (headers and the first lines of the body).', 'RFC 2449 §6.1'],
  USER: ['USER: login with USER and PASS is available.', 'RFC 2449 §6.2'],
  SASL: ['SASL: login with the AUTH command and these mechanisms.', 'RFC 2449 §6.3'],
  'RESP-CODES': [
    'RESP-CODES: any reply text (+OK or -ERR) that begins with [ carries a response code.',
    'RFC 2449 §6.4',
  ],
  'LOGIN-DELAY': ['LOGIN-DELAY: the minimum number of seconds between logins.', 'RFC 2449 §6.5'],
  PIPELINING: [
    'PIPELINING: the client may send several commands without waiting for each reply.',
    'RFC 2449 §6.6',
  ],
  EXPIRE: [
    'EXPIRE: the fewest days the server keeps a message before its own policy may delete it (NEVER: it deletes none; 0: mail may not be left on the server; USER after the number: it may differ per user, so CAPA after login says more).',
    'RFC 2449 §6.7',
  ],
  UIDL: [
    'UIDL: the UIDL command is available (unique-ids, to skip messages already downloaded).',
    'RFC 2449 §6.8',
  ],
  IMPLEMENTATION: ['IMPLEMENTATION: the server software’s name, for information.', 'RFC 2449 §6.9'],
  STLS: [
    'STLS: the server can switch this connection to TLS (the STLS command); a client that wants TLS asks for it now, before logging in. Inside TLS the list no longer offers it.',
    'RFC 2595 §4',
  ],
  'AUTH-RESP-CODE': [
    'AUTH-RESP-CODE: a failed login answers -ERR [AUTH] when the credentials are wrong.',
    'RFC 3206 §6',
  ],
};
