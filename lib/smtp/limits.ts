/** SMTP's limits, all explicit and tested (RFC 5321 §4.5.3.1 gives the minimums). */
export interface SmtpLimits {
  /** Longest command line, CRLF included: 512 octets (RFC 5321 §4.5.3.1.4). */
  maxCommandLineBytes: number;
  /**
   * Longest AUTH line (the command with an initial response, or a SASL response), CRLF
   * included: RFC 4954 §4 raises the command limit to 12,288 octets for these.
   */
  maxAuthLineBytes: number;
  /** Longest line of message text, CRLF included: 1,000 octets (RFC 5321 §4.5.3.1.6). */
  maxTextLineBytes: number;
  /** Largest message accepted, in octets, as stored; advertised as `SIZE n` (RFC 1870 §3, §4). */
  maxMessageBytes: number;
  /**
   * Recipients per transaction: RFC 5321 §4.5.3.1.8 asks a server to accept at least 100;
   * the next one gets `452 4.5.3` (§4.5.3.1.10).
   */
  maxRecipients: number;
}

export const DEFAULT_SMTP_LIMITS: SmtpLimits = {
  maxCommandLineBytes: 512,
  maxAuthLineBytes: 12_288,
  maxTextLineBytes: 1000,
  maxMessageBytes: 10 * 1024 * 1024,
  maxRecipients: 100,
};
