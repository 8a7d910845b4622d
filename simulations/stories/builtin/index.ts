/**
 * The built-in scenarios, one story file each (docs/STORIES.md), in teaching order: the one
 * definition of each built-in's setup, timeline, title, lesson (`summary`), prediction prompts
 * and variants. The catalog, the prediction prompts and the scenarios all read these files; the
 * checks of each run (its takeaways) are code, in ../../scenarios/<id>.ts. Plain JSON data, not
 * validated here, so the page can list them without loading zod or the engine;
 * `builtinStory` (../../scenarios/builtin.ts) validates each before it runs.
 */
import type { Prediction } from '../../predictions';
import oneLaptop from './one-laptop.json';
import laptopAndPhone from './laptop-and-phone.json';
import webmailAndDesktop from './webmail-and-desktop.json';
import offline from './offline.json';
import headersFirst from './headers-first.json';
import serverQuota from './server-quota.json';
import droppedConnection from './dropped-connection.json';
import pop3Lock from './pop3-lock.json';
import leaveACopy from './leave-a-copy.json';
import twoAccounts from './two-accounts.json';
import deleteOnPhone from './delete-on-phone.json';
import deleteTwoPhases from './delete-two-phases.json';
import newMail from './new-mail.json';
import phoneAfterAWeek from './phone-after-a-week.json';
import sendFromPhone from './send-from-phone.json';
import cafeWifi from './cafe-wifi.json';
import sandbox from './sandbox.json';

/** What the catalog reads of a built-in story file (the rest is checked by the validator). */
export interface BuiltinStoryFile {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly predictions?: readonly Prediction[];
  readonly variants?: readonly { readonly id: string; readonly label: string }[];
}

/** The built-in story files, in teaching order. */
export const BUILTIN_STORIES: readonly BuiltinStoryFile[] = [
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
