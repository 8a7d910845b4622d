import type { Scenario } from '../scenario';
import { deleteOnPhone } from './delete-on-phone';
import { droppedConnection } from './dropped-connection';
import { headersFirst } from './headers-first';
import { laptopAndPhone } from './laptop-and-phone';
import { newMail } from './new-mail';
import { offline } from './offline';
import { oneLaptop } from './one-laptop';
import { sandbox } from './sandbox';
import { serverQuota } from './server-quota';
import { twoAccounts } from './two-accounts';
import { webmailAndDesktop } from './webmail-and-desktop';

/** Every scenario, in teaching order. */
export const SCENARIOS: readonly Scenario[] = [
  oneLaptop,
  laptopAndPhone,
  webmailAndDesktop,
  offline,
  headersFirst,
  serverQuota,
  droppedConnection,
  twoAccounts,
  deleteOnPhone,
  newMail,
  sandbox,
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
