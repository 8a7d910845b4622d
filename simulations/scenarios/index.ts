import type { Scenario } from '../scenario';
import { cafeWifi } from './cafe-wifi';
import { deleteOnPhone } from './delete-on-phone';
import { deleteTwoPhases } from './delete-two-phases';
import { droppedConnection } from './dropped-connection';
import { headersFirst } from './headers-first';
import { laptopAndPhone } from './laptop-and-phone';
import { leaveACopy } from './leave-a-copy';
import { newMail } from './new-mail';
import { offline } from './offline';
import { oneLaptop } from './one-laptop';
import { phoneAfterAWeek } from './phone-after-a-week';
import { pop3Lock } from './pop3-lock';
import { sandbox } from './sandbox';
import { sendFromPhone } from './send-from-phone';
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
  pop3Lock,
  leaveACopy,
  twoAccounts,
  deleteOnPhone,
  deleteTwoPhases,
  newMail,
  phoneAfterAWeek,
  sendFromPhone,
  cafeWifi,
  sandbox,
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** `offline--offline-all` → the offline scenario and its variant; `offline` → no variant. */
export function findTimelineKey(key: string): { scenario: Scenario; variant: string | null } | undefined {
  const [id, variant = null] = key.split('--');
  const scenario = findScenario(id!);
  if (!scenario) return undefined;
  if (variant !== null && !scenario.variants?.some((v) => v.id === variant)) return undefined;
  return { scenario, variant };
}
