import { DEFAULT_IMAP_SETTINGS } from './clients/imap-client';
import type { DeviceSpec, ImapSettings, Pop3Settings, ScenarioSetup } from './types';

/** The POP3 client default: download, then DELE (no copy left on the server); UIDLs remembered. */
export const DEFAULT_POP3_SETTINGS: Pop3Settings = { leaveCopy: false, rememberUidls: true };

/** A device's POP3 settings: the default, then the scenario's, then the device's own. */
export function pop3SettingsOf(setup: ScenarioSetup, device: DeviceSpec): Pop3Settings {
  return { ...DEFAULT_POP3_SETTINGS, ...setup.pop3, ...device.pop3 };
}

/** A device's IMAP settings: the default, then the scenario's, then the device's own. */
export function imapSettingsOf(setup: ScenarioSetup, device: DeviceSpec): ImapSettings {
  return {
    ...DEFAULT_IMAP_SETTINGS,
    ...(setup.imapIdle !== undefined ? { idle: setup.imapIdle } : {}),
    ...setup.imap,
    ...device.imap,
  };
}

/**
 * A POP3 client's settings in a mail app's words, e.g. "Leave a copy on the server: off ·
 * remembers downloaded UIDLs". These are the client's choices, not the protocol's.
 */
export function describePop3Settings(s: Pop3Settings): string {
  const copy = !s.leaveCopy
    ? 'leave a copy on the server: off (DELE after download)'
    : s.deleteWhenDeletedHere
      ? 'leave a copy on the server: until I delete it here'
      : s.deleteAfterDays !== undefined
        ? `leave a copy on the server: remove after ${s.deleteAfterDays} days`
        : 'leave a copy on the server: on';
  const uidl =
    (s.rememberUidls ?? true)
      ? 'remembers downloaded UIDLs (skips what it has)'
      : 'does not remember UIDLs (downloads everything listed)';
  return `${copy} · ${uidl}`;
}

/** An IMAP client's settings in a mail app's words. */
export function describeImapSettings(s: ImapSettings): string {
  return [
    s.offline === 'all' ? 'offline copies: every message' : 'offline copies: messages opened only',
    s.bodies === 'text' ? 'downloads the text part only' : 'downloads whole messages',
    s.deleteBy === 'mark' ? 'delete: mark \\Deleted, expunge later' : 'delete: move to Trash',
    s.idle ? 'IDLE while open' : 'checks on demand (no IDLE)',
    ...(s.quota ? ['storage bar: asks the server (GETQUOTAROOT)'] : []),
    ...(s.resync === 'qresync' ? ['resync: QRESYNC (one SELECT, only what changed)'] : []),
  ].join(' · ');
}

/** A device's client settings in words, for its card; webmail has none (it is the server's page). */
export function describeDeviceSettings(
  protocol: 'pop3' | 'imap',
  setup: ScenarioSetup,
  device: DeviceSpec,
): string {
  if (device.kind === 'webmail') return 'webmail: the server’s own page, nothing stored here';
  return protocol === 'pop3'
    ? describePop3Settings(pop3SettingsOf(setup, device))
    : describeImapSettings(imapSettingsOf(setup, device));
}
