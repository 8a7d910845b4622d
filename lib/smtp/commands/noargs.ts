import { SmtpError } from '../types';

/** For commands that take no argument: anything after the name is `501 5.5.4` (RFC 5321 §4.1.1). */
export function noArgs(command: string) {
  return (text: string): null => {
    if (text !== '') throw new SmtpError(501, '5.5.4', `Syntax: ${command}`);
    return null;
  };
}
