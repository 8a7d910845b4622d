/**
 * # CATENATE: build a message on the server from pieces (RFC 4469)
 *
 * `APPEND mailbox [flags] [date] CATENATE (TEXT {n} … URL "/Drafts;UIDVALIDITY=…/;UID=20/;SECTION=2" …)`
 * stores one new message made of the pieces in order: each `TEXT` literal as sent, each `URL`
 * the octets a `FETCH BODY[section]` of that message would return (§3), copied unchanged and
 * without setting \Seen. A client re-saving a draft or forwarding an attachment thus sends only
 * what changed, not the attachment back. Only relative URLs of this account's messages are
 * used (§3; `url.ts`). A URL that cannot be read refuses the whole APPEND with `NO [BADURL
 * url]` (§4.1); a message over the server's size limit with `NO [TOOBIG]` (§4.2). With
 * MULTIAPPEND, each message may be a CATENATE of its own.
 */
import type { Token } from '../../parser';
import { bad, no } from '../../types';
import { defineExtension } from '../define';
import { resolveUrl } from './url';

/** One `cat-part` (RFC 4469 §5): a literal's octets, or a URL read when the command runs. */
type CatPart = { readonly text: string } | { readonly url: string };

/** `cat-part = text-literal / url`, `text-literal = "TEXT" SP literal`, `url = "URL" SP astring`. */
function readParts(items: readonly Token[]): CatPart[] {
  const parts: CatPart[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const word = items[i];
    const value = items[i + 1];
    const name = word?.type === 'atom' ? word.value.toUpperCase() : '';
    if (name === 'TEXT' && value?.type === 'string' && value.literal) parts.push({ text: value.value });
    else if (name === 'URL' && (value?.type === 'string' || value?.type === 'atom'))
      parts.push({ url: value.value });
    else throw bad('Expected TEXT {n} or URL url in CATENATE (…)');
  }
  if (parts.length === 0) throw bad('CATENATE needs at least one part');
  return parts;
}

export const catenate = defineExtension({
  name: 'catenate',
  rfc: 'RFC 4469',
  capability: 'CATENATE',
  appendData: [
    {
      name: 'CATENATE',
      parse(a) {
        if (!a.acceptAtom('CATENATE')) return null;
        const parts = readParts(a.list('CATENATE parts'));
        const urls = parts.filter((p) => 'url' in p).length;
        return {
          words: `a message built from ${parts.length} piece${parts.length === 1 ? '' : 's'} (${parts.length - urls} sent, ${urls} copied from messages on the server)`,
          octets(ctx) {
            let message = '';
            for (const part of parts) {
              message += 'text' in part ? part.text : resolveUrl(ctx.account!, part.url);
              // RFC 4469 §4.2: past the server's message size limit.
              if (message.length > ctx.server.limits.maxLiteralBytes)
                throw no(`The message would be over ${ctx.server.limits.maxLiteralBytes} octets`, 'TOOBIG');
            }
            return message;
          },
        };
      },
    },
  ],
  responseCodes: [
    {
      name: 'BADURL',
      summary: 'A URL given to CATENATE could not be read; nothing was stored.',
      rfc: 'RFC 4469 §4.1',
    },
    {
      name: 'TOOBIG',
      summary: 'The message CATENATE would build is over the server’s size limit.',
      rfc: 'RFC 4469 §4.2',
    },
  ],
});
