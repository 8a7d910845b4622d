/** One RFC 5322 address, split the way IMAP's ENVELOPE wants it (RFC 9051 §7.5.2). */
export interface Address {
  readonly name: string | null;
  readonly mailbox: string | null;
  readonly host: string | null;
  /** Set on the start of a group (`name:`), with mailbox = group name and host null. */
  readonly groupStart?: boolean;
  /** Set on the end marker of a group (`;`). */
  readonly groupEnd?: boolean;
}

/** Parses an address-list header value such as `Ann <ann@x.org>, "B, C" <bc@y.org>, d@z.org`. */
export function parseAddressList(value: string): Address[] {
  const out: Address[] = [];
  for (const item of splitTopLevel(value, ',')) {
    let text = item.trim();
    if (!text) continue;
    const groupColon = topLevelIndex(text, ':');
    const beforeColon = groupColon > 0 ? text.slice(0, groupColon) : '';
    if (groupColon > 0 && !beforeColon.includes('@') && !beforeColon.includes('<')) {
      out.push({
        name: null,
        mailbox: unquote(text.slice(0, groupColon).trim()),
        host: null,
        groupStart: true,
      });
      text = text.slice(groupColon + 1).trim();
      const ends = text.endsWith(';');
      if (ends) text = text.slice(0, -1).trim();
      for (const member of splitTopLevel(text, ',', false))
        if (member.trim()) out.push(parseOne(member.trim()));
      if (ends) out.push({ name: null, mailbox: null, host: null, groupEnd: true });
      continue;
    }
    const ends = text.endsWith(';');
    if (ends) text = text.slice(0, -1).trim();
    if (text) out.push(parseOne(text));
    if (ends) out.push({ name: null, mailbox: null, host: null, groupEnd: true });
  }
  return out;
}

function parseOne(text: string): Address {
  const lt = topLevelIndex(text, '<');
  let name: string | null = null;
  let spec = text;
  if (lt >= 0) {
    const gt = text.indexOf('>', lt);
    spec = text.slice(lt + 1, gt < 0 ? undefined : gt).trim();
    name = unquote(text.slice(0, lt).trim()) || null;
  } else {
    spec = text.replace(/\([^)]*\)/g, '').trim();
  }
  // A source route `@a,@b:user@host` (obsolete) keeps only the address part.
  spec = spec.replace(/^(@[^:]+:)/, '');
  const at = spec.lastIndexOf('@');
  if (at < 0) return { name, mailbox: spec || null, host: null };
  return { name, mailbox: spec.slice(0, at), host: spec.slice(at + 1) };
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  return text;
}

function splitTopLevel(value: string, sep: string, keepGroups = true): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted && c === '\\') {
      current += c + (value[++i] ?? '');
      continue;
    }
    if (c === '"' && comment === 0) quoted = !quoted;
    else if (!quoted) {
      if (c === '<') angle++;
      else if (c === '>') angle = Math.max(0, angle - 1);
      else if (c === '(') comment++;
      else if (c === ')') comment = Math.max(0, comment - 1);
    }
    // A group's members are separated by commas too: keep a group together until its ';'.
    if (c === sep && !quoted && angle === 0 && comment === 0 && !(keepGroups && openGroup(current))) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function openGroup(text: string): boolean {
  const colon = topLevelIndex(text, ':');
  return (
    colon > 0 && !text.includes(';') && !/@/.test(text.slice(0, colon)) && !text.slice(0, colon).includes('<')
  );
}

function topLevelIndex(text: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && quoted) {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) return i;
  }
  return -1;
}
