/**
 * Numbers that mean different things get different types (go-imap's numset.go habit):
 * a UID is stable for the life of a mailbox's UIDVALIDITY, a sequence number shifts on every
 * expunge, and a POP3 message number is fixed for one POP3 session only.
 */
export type Uid = number & { readonly __brand: 'Uid' };
export type SeqNum = number & { readonly __brand: 'SeqNum' };
export type Pop3MsgNum = number & { readonly __brand: 'Pop3MsgNum' };

export const asUid = (n: number) => n as Uid;
export const asSeqNum = (n: number) => n as SeqNum;
export const asPop3MsgNum = (n: number) => n as Pop3MsgNum;
