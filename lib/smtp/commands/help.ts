import { SmtpError, type SmtpCommand } from '../types';
import { SMTP_COMMANDS } from './index';

/** RFC 5321 §4.1.1.8: help for people; the server lists its commands, or one command's syntax. */
export const help: SmtpCommand = {
  name: 'HELP',
  states: ['Connected', 'Ready', 'Mail', 'Rcpt'],
  syntax: 'HELP [SP String]',
  summary: 'Ask the server for help on its commands (text for people, not programs).',
  rfc: 'RFC 5321 §4.1.1.8',
  parse: (text) => text.toUpperCase(),
  explain: (topic) => (topic ? `ask for help on ${topic}` : 'ask which commands the server knows'),
  run(_ctx, topic) {
    if (topic) {
      const command = SMTP_COMMANDS.get(topic);
      if (!command) throw new SmtpError(504, '5.5.4', `HELP topic unknown: ${topic.slice(0, 20)}`);
      return { code: 214, enhanced: '2.0.0', lines: [command.syntax, command.summary, command.rfc] };
    }
    const names = [...SMTP_COMMANDS.values()]
      .filter((c) => !c.summary.startsWith('Not offered'))
      .map((c) => c.name);
    return {
      code: 214,
      enhanced: '2.0.0',
      lines: [`Commands: ${names.join(' ')}`, 'HELP command for its syntax; see RFC 5321 §4.1'],
    };
  },
};
