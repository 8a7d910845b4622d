/** Every message of the embed API carries this, so hosts and embeds ignore everyone else's. */
export const NAMESPACE = 'pop-vs-imap-lab';

/** What the embed tells its host. */
export type EmbedMessage =
  | { source: typeof NAMESPACE; type: 'ready'; scenario: string; total: number }
  | {
      source: typeof NAMESPACE;
      type: 'step';
      scenario: string;
      index: number;
      total: number;
      narration: string;
    }
  | { source: typeof NAMESPACE; type: 'height'; height: number };
