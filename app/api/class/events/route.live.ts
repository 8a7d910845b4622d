import { liveHub } from '@/lib/live/hub';
import { classHub } from '@/lib/live/classroom/class-hub';
import { checkHost, checkTrainer, CLASS_TOKEN_HEADER, refuse } from '@/lib/live/classroom/guard';
import { joinUrl, mailHost } from '@/lib/live/classroom/join-url';
import { viewStream } from '@/lib/live/classroom/view-stream';

export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events for a class page, its whole view after every change (view-stream.ts).
 * `?as=presenter`: the trainer's view (trainer key in network mode), with the join address and
 * its QR code. Otherwise a student's view, for the token in the x-class-token header, with the
 * settings a mail client needs.
 */
export function GET(request: Request) {
  const host = checkHost(request);
  if (host) return host;
  const hub = classHub();
  const live = liveHub();
  if (!hub || !live) return refuse(503, 'The live mail server is not running.');
  const hostHeader = request.headers.get('host') ?? '127.0.0.1';
  const network = process.env.LAB_NETWORK;
  if (new URL(request.url).searchParams.get('as') === 'presenter') {
    const trainer = checkTrainer(request, live.trainerKey);
    if (trainer) return trainer;
    // The QR code is drawn (asynchronously, by qrcode) for the address the view names; until
    // it is ready the view says null, and its arrival pushes the view again.
    const qr = { url: '', svg: null as string | null };
    return viewStream(request, hub, () => {
      const view = hub.presenterView();
      const url = joinUrl(hostHeader, network, view.code);
      if (qr.url !== url) {
        qr.url = url;
        qr.svg = null;
        void hub.qrSvg(url).then((svg) => {
          if (qr.url !== url) return;
          qr.svg = svg;
          hub.changed();
        });
      }
      return { ...view, joinUrl: url, qrSvg: view.code ? qr.svg : null };
    });
  }
  const token = request.headers.get(CLASS_TOKEN_HEADER);
  if (!hub.room.student(token)) return refuse(401, 'Join the class first.');
  const info = live.info();
  const mail = {
    host: mailHost(hostHeader, network),
    imapPort: info.imapPort,
    pop3Port: info.pop3Port,
    smtpPort: info.smtpPort,
    imapsPort: info.imapsPort,
    pop3sPort: info.pop3sPort,
    submissionsPort: info.submissionsPort,
    tlsFingerprint: info.tlsFingerprint,
    tlsSelfSigned: info.tlsSelfSigned,
  };
  return viewStream(request, hub, () => {
    const view = hub.studentView(token);
    return view && { ...view, mail };
  });
}
