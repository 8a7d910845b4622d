/** The system flags of RFC 9051 §2.3.2 that a client may set. (\Recent, per session, is IMAP4rev1's, deprecated in IMAP4rev2.) */
export const SYSTEM_FLAGS = ['\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft'] as const;
export type SystemFlag = (typeof SYSTEM_FLAGS)[number];

const canonical = new Map(SYSTEM_FLAGS.map((f) => [f.toLowerCase(), f] as const));

/**
 * Flags compare case-insensitively (RFC 9051 §2.3.2); this returns the canonical spelling for
 * system flags, the keyword as given otherwise, or null for a backslash word we do not know.
 */
export function normalizeFlag(flag: string): string | null {
  if (flag.startsWith('\\')) return canonical.get(flag.toLowerCase()) ?? null;
  return flag;
}

/** Flags in a stable order: system flags first (in RFC order), then keywords as added. */
export function sortFlags(flags: Iterable<string>): string[] {
  const list = [...flags];
  const rank = (f: string) => {
    const i = (SYSTEM_FLAGS as readonly string[]).indexOf(f);
    return i < 0 ? SYSTEM_FLAGS.length : i;
  };
  return list.sort((a, b) => rank(a) - rank(b));
}
