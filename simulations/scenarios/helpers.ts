import type { RunResult } from '../scenario';
import type { DeviceSnapshot, Frame, LocalMessage } from '../types';

/** A device as it stands at the end of a run. */
export function deviceAt(frame: Frame, id: string): DeviceSnapshot {
  const device = frame.devices.find((d) => d.id === id);
  if (!device) throw new Error(`no device ${id}`);
  return device;
}

export function finalDevice(run: RunResult, id: string): DeviceSnapshot {
  return deviceAt(run.last, id);
}

export function localMessage(
  device: DeviceSnapshot,
  uid: number,
  account?: string,
): LocalMessage | undefined {
  return device.messages.find((m) => m.uid === uid && (account === undefined || m.account === account));
}

/** The UIDs in a user's INBOX on the server at a frame. */
export function serverInbox(frame: Frame, user = 'student') {
  return frame.server.accounts.find((a) => a.user === user)!.mailboxes.find((b) => b.name === 'INBOX')!
    .messages;
}

/** The last frame of a given intent. */
export function afterIntent(run: RunResult, intent: number): Frame {
  const frames = run.frames.filter((f) => f.intent === intent);
  return frames[frames.length - 1]!;
}
