import type { SmtpCommand } from '../types';
import { auth } from './auth';
import { burl } from './burl';
import { data } from './data';
import { ehlo } from './ehlo';
import { helo } from './helo';
import { help } from './help';
import { mail } from './mail';
import { noop } from './noop';
import { NOT_IMPLEMENTED } from './not-implemented';
import { quit } from './quit';
import { rcpt } from './rcpt';
import { rset } from './rset';
import { starttls } from './starttls';
import { vrfy } from './vrfy';

/** Every SMTP command the server dispatches, by name. Each parses its own argument. */
export const SMTP_COMMANDS: ReadonlyMap<string, SmtpCommand<unknown>> = new Map(
  (
    [
      ehlo,
      helo,
      starttls,
      auth,
      mail,
      rcpt,
      data,
      burl,
      rset,
      noop,
      quit,
      vrfy,
      help,
      ...NOT_IMPLEMENTED,
    ] as SmtpCommand<never>[]
  ).map((c) => [c.name, c as unknown as SmtpCommand<unknown>]),
);
