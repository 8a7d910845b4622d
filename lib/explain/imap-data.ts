import { IMAP, cite } from './cite';
import { explainExtensionData } from './imap-ext-data';
import { explainFetchItems } from './imap-fetch';
import { readItems, valueOf, type Node } from './imap-syntax';
import { explainEsearch } from './imap-esearch';
import { isNews } from './imap-notify';
import { explainStatus } from './imap-status';
import { mailboxNameMeaning } from './mailbox-name';
import { attributeMeaning, capabilityMeaning, flagMeaning } from './imap-words';
import { count, type Tokens } from './tokens';
import type { WireUnit } from './types';

/** The sentence and citation of one untagged data response; tokens are added as it goes. */
export interface Said {
  readonly explanation: string;
  readonly rfc: string;
}

const REMOVING = new Set(['EXPUNGE', 'UID EXPUNGE', 'CLOSE']);

/** `* n NAME …`: EXISTS, RECENT, EXPUNGE, FETCH (message data, RFC 9051 §7.4–7.5). */
export function explainMessageData(u: WireUnit, at: number, n: string, name: string, tokens: Tokens): Said {
  const rev2 = u.rev2;
  const key = name.toUpperCase();
  const nameStart = at + n.length + 1;
  const nameToken = (text: string, rfc: string) => tokens.add(nameStart, nameStart + name.length, text, rfc);
  if (key === 'EXISTS') {
    const rfc = cite(IMAP.exists, rev2);
    tokens.add(
      at,
      at + n.length,
      `${n}: the number of messages in the mailbox, which is also the highest sequence number.`,
      rfc,
    );
    nameToken(
      'EXISTS: the mailbox size. When this number grows, new mail has arrived, and the client can fetch what it lacks.',
      rfc,
    );
    const why = u.command === 'SELECT' || u.command === 'EXAMINE' ? ' (part of opening it)' : '';
    return { explanation: `The mailbox now holds ${count(n, 'message')}${why}.`, rfc };
  }
  if (key === 'RECENT') {
    const rfc = IMAP.recent.rev1;
    tokens.add(
      at,
      at + n.length,
      `${n}: how many messages are \\Recent: this session is the first to see them since they arrived.`,
      rfc,
    );
    // RFC 9051 Appendix E: "RECENT response on SELECT/EXAMINE, \Recent flag, RECENT STATUS, and
    // SEARCH NEW items are now deprecated." select.ts and selected.ts send it to IMAP4rev1
    // sessions only.
    nameToken(
      'RECENT: an IMAP4rev1 response (RFC 3501), deprecated in IMAP4rev2 (RFC 9051 Appendix E): this server does not send it once IMAP4rev2 is enabled.',
      rfc,
    );
    return {
      explanation: `${count(n, 'message')} ${Number(n) === 1 ? 'is' : 'are'} \\Recent: new since the last session that opened this mailbox (an IMAP4rev1 response).`,
      rfc,
    };
  }
  if (key === 'EXPUNGE') {
    const rfc = cite(IMAP.expunge, rev2);
    tokens.add(
      at,
      at + n.length,
      `${n}: a message sequence number (a position in the list), not a UID. Every message after it moves down by one.`,
      cite(IMAP.seq, rev2),
    );
    const renumbered = `${n} is a sequence number, not a UID: the messages after it are renumbered one lower.`;
    // MOVE is a copy to the target, then an expunge from the source (RFC 6851 §3.3): the message
    // has left this mailbox, not the account.
    if (u.command === 'MOVE' || u.command === 'UID MOVE') {
      nameToken(
        'EXPUNGE: the message has left this mailbox; after a MOVE it lives on in the target mailbox.',
        rfc,
      );
      return {
        explanation: `Message number ${n} has left this mailbox, as a result of the client’s ${u.command}: it is now in the target mailbox (with UIDPLUS, the COPYUID code gives its new UID there). ${renumbered}`,
        rfc: `${rfc}; RFC 6851 §3.3`,
      };
    }
    if (u.command && REMOVING.has(u.command)) {
      nameToken('EXPUNGE: the message is gone for good, not just marked.', rfc);
      return {
        explanation: `Message number ${n} has been removed for good, as a result of the client’s ${u.command}. ${renumbered}`,
        rfc,
      };
    }
    // NOTIFY SET with MessageExpunge for the selected mailbox: the client asked for expunges to
    // be reported as they happen (RFC 5465 §5.3), even with no command in progress (§3.1).
    if (u.notifying && !u.command) {
      nameToken(
        'EXPUNGE: the message has left this mailbox (expunged, or moved to another mailbox), reported at once as NOTIFY’s MessageExpunge asked.',
        'RFC 5465 §5.3',
      );
      return {
        explanation: `Message number ${n} has left this mailbox: another session expunged it or moved it to another mailbox, and the server reports it at once, with no command in progress, because the client asked for that with NOTIFY (MessageExpunge for the selected mailbox). ${renumbered}`,
        rfc: `${rfc}; RFC 5465 §5.3`,
      };
    }
    // Unasked: another session expunged it, or moved it away (MOVE expunges too, RFC 6851 §3.3).
    nameToken(
      'EXPUNGE: the message has left this mailbox (expunged, or moved to another mailbox), not just been marked.',
      rfc,
    );
    return {
      explanation: `Message number ${n} has left this mailbox: the client did not ask for this; another session expunged it or moved it to another mailbox, and the server reports it now. ${renumbered}`,
      rfc,
    };
  }
  if (key === 'FETCH') {
    const rfc = cite(IMAP.fetch, rev2);
    tokens.add(
      at,
      at + n.length,
      `${n}: the message’s sequence number (its position now), not its UID.`,
      cite(IMAP.seq, rev2),
    );
    nameToken('FETCH: data about one message.', rfc);
    const list = readItems(u.raw, nameStart + name.length).nodes[0];
    const items = list?.kind === 'list' ? list.children : [];
    const said = explainFetchItems(u.raw, items, rev2, tokens);
    const names = items.filter((_, i) => i % 2 === 0).map((item) => item.text.toUpperCase());
    const onlyFlags = names.every((item) => ['UID', 'FLAGS', 'MODSEQ'].includes(item));
    const asked = u.command === 'FETCH' || u.command === 'UID FETCH';
    const opening = u.command === 'SELECT' || u.command === 'EXAMINE';
    // SELECT/EXAMINE with QRESYNC (RFC 7162 §3.2.5): after VANISHED (EARLIER), a FETCH for each
    // message whose mod-sequence is above the client's: new, or its flags changed. No other
    // session need be involved.
    const qresync = opening ? /\(QRESYNC \(\d+ (\d+)/i.exec(u.commandLine ?? '') : null;
    if (qresync) {
      const since = qresync[1]!;
      const uid = Number(/\bUID (\d+)/i.exec(u.raw)?.[1] ?? NaN);
      const known = u.knownUidNext;
      const what =
        known === undefined || Number.isNaN(uid)
          ? `this message changed since mod-sequence ${since} (it is new, or its flags changed)`
          : uid >= known
            ? `a new message since mod-sequence ${since} (UID ${uid} is at or above UIDNEXT ${known}, which the client last saw)`
            : `this message’s flags changed since mod-sequence ${since} (UID ${uid} is below UIDNEXT ${known}, which the client last saw, so it is not new)`;
      const rfc7162 = 'RFC 7162 §3.2.5';
      return {
        explanation: `Data about message ${n} (a sequence number): ${said.join(', ')}. Part of the ${u.command} (QRESYNC) answer: ${what}; its UID and MODSEQ let the client update its cache.`,
        rfc: `${rfc}; ${rfc7162}`,
      };
    }
    let why = '';
    const storing = u.command === 'STORE' || u.command === 'UID STORE';
    // RFC 7162 §3.1.3: after a conditional STORE, "An untagged FETCH response MUST be sent, even
    // if the .SILENT suffix is specified, and the response MUST include the MODSEQ message data
    // item"; such a FETCH may carry no FLAGS.
    const conditional = storing && /\(UNCHANGEDSINCE\b/i.test(u.commandLine ?? '');
    const flagsSent = names.includes('FLAGS');
    if (asked) why = `, in answer to the client’s ${u.command}`;
    else if (opening) why = `, sent as part of the answer to ${u.command}`;
    else if (storing && flagsSent) why = ', the flags as they are after the STORE';
    else if (storing && conditional)
      why = `: the conditional STORE (UNCHANGEDSINCE) changed this message, so a FETCH with its new mod-sequence must follow${/\.SILENT\b/i.test(u.commandLine ?? '') ? ', even though .SILENT asked for no flags back' : ''}`;
    else if (storing) why = ': the STORE changed this message, and the server reports its new mod-sequence';
    else if (u.notifying && !u.command && !onlyFlags)
      why = ': a new message’s data, sent unasked as NOTIFY’s MessageNew asked (RFC 5465 §5.2)';
    else if (u.notifying && !u.command)
      why =
        ': sent unasked, as NOTIFY asked: another session changed this message’s flags (FlagChange, RFC 5465 §5.1), or the message is new and these are the items MessageNew asked for (§5.2)';
    else if (onlyFlags)
      why = ': another session changed this message’s flags, and the server passes the change on';
    // The FETCH response is the base protocol's. Once CONDSTORE is on, every FETCH the client did
    // not ask for carries MODSEQ (RFC 7162 §3.1), and UID too: RFC 7162 §3.2.4 requires it of a
    // server offering QRESYNC, as this one does (§3.1.4.2 asks a CONDSTORE-only server to follow
    // it). A UID STORE's FETCH carries UID anyway (RFC 3501 §6.4.8).
    const condstore = !asked && names.includes('MODSEQ');
    const withUid = condstore && names.includes('UID') && u.command !== 'UID STORE';
    if (condstore && !conditional)
      why +=
        '; it carries its new mod-sequence, as every FETCH the client did not ask for does once CONDSTORE is on';
    if (withUid)
      why +=
        '; its UID is there because a server offering QRESYNC, as this one does, must add UID to every such FETCH';
    const citeCondstore = `RFC 7162 ${conditional ? '§3.1.3' : '§3.1'}${withUid ? ', §3.2.4' : ''}`;
    return {
      explanation: `Data about message ${n} (a sequence number): ${said.join(', ')}${why}.`,
      rfc: condstore ? `${rfc}; ${citeCondstore}` : rfc,
    };
  }
  tokens.add(
    nameStart,
    nameStart + name.length,
    `${name}: message data this explainer does not know.`,
    cite(IMAP.untagged, rev2),
  );
  return { explanation: `Data about message ${n}: ${name}.`, rfc: cite(IMAP.untagged, rev2) };
}

/** `* NAME …` data responses other than status responses. Returns null for names it does not know. */
export function explainData(u: WireUnit, at: number, name: string, tokens: Tokens): Said | null {
  const rev2 = u.rev2;
  const raw = u.raw;
  const nodes = readItems(raw, at + name.length).nodes;
  const key = name.toUpperCase();
  const head = (text: string, rfc: string) => tokens.add(at, at + name.length, text, rfc);
  if (key === 'CAPABILITY' || key === 'ENABLED') {
    const rfc = cite(key === 'CAPABILITY' ? IMAP.capability : IMAP.enabled, rev2);
    for (const n of nodes) {
      const m = capabilityMeaning(n.text, rev2);
      tokens.node(n, m.text, m.rfc);
    }
    const names = nodes.map((n) => n.text).join(', ');
    if (key === 'CAPABILITY') {
      head('CAPABILITY: the list of what this server supports.', rfc);
      return { explanation: `The server lists what it supports: ${names}.`, rfc };
    }
    head('ENABLED: the extensions the server has just turned on for this connection.', rfc);
    const rev2On = nodes.some((n) => n.text.toUpperCase() === 'IMAP4REV2');
    return {
      explanation: `The server turned on ${names || 'nothing'}${rev2On ? ': from here on it answers this client in IMAP4rev2 forms (RFC 9051)' : ''}.`,
      rfc,
    };
  }
  if (key === 'FLAGS') {
    const rfc = cite(IMAP.flagsResponse, rev2);
    head('FLAGS: the flags defined in this mailbox.', rfc);
    for (const flag of nodes[0]?.kind === 'list' ? nodes[0].children : []) {
      const m = flagMeaning(flag.text, rev2);
      tokens.node(flag, m.text, m.rfc);
    }
    return { explanation: 'The flags that messages in this mailbox can have.', rfc };
  }
  if (key === 'LIST' || key === 'LSUB') {
    const rfc = key === 'LSUB' ? IMAP.lsub.rev1 : cite(IMAP.listResponse, rev2);
    const [attrs, delimiter, mailbox, extended] = nodes;
    const oldName = oldNameOf(raw, extended);
    // A LIST no LIST, LSUB or (IMAP4rev2) SELECT asked for is NOTIFY's news: MailboxName (RFC
    // 5465 §5.4: created, deleted, renamed) or SubscriptionChange (§5.5).
    const news = key === 'LIST' && (oldName !== null || isNews(u, LISTING));
    head(
      news
        ? 'LIST: news, unasked: a mailbox was created, renamed or deleted, or (un)subscribed (NOTIFY).'
        : key === 'LIST'
          ? 'LIST: one mailbox that matches the LIST pattern.'
          : 'LSUB: one subscribed mailbox (an IMAP4rev1 response; IMAP4rev2 deprecates LSUB for LIST (SUBSCRIBED), RFC 9051 Appendix E; this server still answers LSUB).',
      news ? 'RFC 5465 §5.4, §5.5' : rfc,
    );
    if (extended && oldName !== null)
      tokens.node(
        extended,
        `${extended.text}: OLDNAME: the mailbox was renamed; its old name was "${oldName}".`,
        'RFC 5465 §5.4',
      );
    const attrList = attrs?.kind === 'list' ? attrs.children : [];
    if (attrs && attrList.length === 0) tokens.node(attrs, '(): no attributes.', rfc);
    for (const a of attrList) {
      const m = attributeMeaning(a.text, rev2);
      tokens.node(a, m.text, m.rfc);
    }
    const d = delimiter ? valueOf(raw, delimiter) : 'NIL';
    if (delimiter)
      tokens.node(
        delimiter,
        d === 'NIL'
          ? 'NIL: names have no hierarchy.'
          : `"${d}": the hierarchy delimiter, which separates levels in a name (as in Archive${d}2024).`,
        cite(IMAP.hierarchy, rev2),
      );
    const meaning = mailbox ? mailboxNameMeaning(mailbox.text, valueOf(raw, mailbox), rev2) : null;
    const name = meaning?.name ?? '';
    if (mailbox && meaning)
      tokens.node(
        mailbox,
        name === ''
          ? '"": an empty name: the reply to a LIST "" "" that asks only for the delimiter.'
          : meaning.text,
        name === '' ? cite(IMAP.mailboxName, rev2) : meaning.rfc,
      );
    const roles = attrList.map((a) => a.text).join(' ');
    if (news) {
      const gone = attrList.some((a) => a.text.toUpperCase() === '\\NONEXISTENT');
      // A rename (OLDNAME) and a deletion (\NonExistent) are MailboxName news (RFC 5465 §5.4).
      // A plain LIST is a creation (§5.4) or a subscription change (§5.5): the line alone does
      // not tell which, so both are cited.
      return {
        explanation:
          oldName !== null
            ? `The mailbox "${oldName}" is now called "${name}".`
            : gone
              ? `"${name}" is no longer a mailbox (deleted or renamed by another session).`
              : `The mailbox "${name}" is new, or its subscription changed: now ${roles || 'no attributes'}.`,
        rfc: oldName !== null || gone ? 'RFC 5465 §5.4' : 'RFC 5465 §5.4, §5.5',
      };
    }
    return {
      explanation:
        name === ''
          ? `The hierarchy delimiter is "${d}".`
          : `The mailbox "${name}" exists${roles ? ` (${roles})` : ''}; "${d}" separates levels in its name.`,
      rfc,
    };
  }
  if (key === 'STATUS') return explainStatus(u, at, nodes, tokens);
  if (key === 'SEARCH') {
    const rfc = IMAP.search.rev1;
    const uid = u.command?.startsWith('UID ') ?? false;
    head(
      // RFC 9051 Appendix E: "SEARCH command now requires to return the ESEARCH response
      // (SEARCH response is now deprecated)"; search.ts answers IMAP4rev2 sessions with ESEARCH.
      `SEARCH: the messages that match, as ${uid ? 'UIDs (UID SEARCH)' : 'sequence numbers'} (an IMAP4rev1 response, deprecated in IMAP4rev2, where SEARCH answers with ESEARCH, RFC 9051 Appendix E: this server does not send it once IMAP4rev2 is enabled).`,
      rfc,
    );
    // RFC 7162 §3.1.6: after a SEARCH with MODSEQ, `(MODSEQ n)` ends the list.
    const modseq = nodes.at(-1)?.kind === 'list' ? nodes.at(-1) : undefined;
    const found = modseq ? nodes.slice(0, -1) : nodes;
    for (const n of found)
      tokens.node(n, `${n.text}: a matching message’s ${uid ? 'UID' : 'sequence number'}.`, rfc);
    if (modseq)
      tokens.node(
        modseq,
        `${modseq.text}: the highest mod-sequence among the messages found (the search used MODSEQ).`,
        'RFC 7162 §3.1.6',
      );
    return {
      explanation: found.length
        ? `${count(found.length, 'message')} match${found.length === 1 ? 'es' : ''}: ${found.map((n) => n.text).join(' ')}.`
        : 'No message matches.',
      rfc,
    };
  }
  if (key === 'ESEARCH') return explainEsearch(u, at, nodes, tokens);
  if (key === 'NAMESPACE') {
    const rfc = cite(IMAP.namespace, rev2);
    head('NAMESPACE: how mailbox names are organised.', rfc);
    ['personal mailboxes (prefix and delimiter)', 'other users’ mailboxes', 'shared mailboxes'].forEach(
      (what, i) => {
        const n = nodes[i];
        if (n)
          tokens.node(
            n,
            n.text.toUpperCase() === 'NIL'
              ? `NIL: this server has no ${what.split(' (')[0]}.`
              : `The ${what}.`,
            rfc,
          );
      },
    );
    return {
      explanation: 'Where personal, other users’ and shared mailboxes live, with their prefix and delimiter.',
      rfc,
    };
  }
  return explainExtensionData(u, at, name, nodes, tokens);
}

/** Commands whose answer holds LIST responses; any other LIST is NOTIFY's news. */
const LISTING = new Set(['LIST', 'LSUB', 'SELECT', 'EXAMINE']);

/** The old name in a LIST's `("OLDNAME" (name))` extended data (RFC 5465 §5.4), or null. */
function oldNameOf(raw: string, extended: Node | undefined): string | null {
  const [tag, value] = extended?.kind === 'list' ? extended.children : [];
  if (!tag || valueOf(raw, tag).toUpperCase() !== 'OLDNAME') return null;
  const name = value?.kind === 'list' ? value.children[0] : undefined;
  return name ? valueOf(raw, name) : null;
}
