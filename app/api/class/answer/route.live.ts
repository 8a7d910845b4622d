import * as z from 'zod/mini';
import { classHub } from '@/lib/live/classroom/class-hub';
import { checkPost, CLASS_TOKEN_HEADER, readJson, refuse } from '@/lib/live/classroom/guard';

export const dynamic = 'force-dynamic';

const Answer = z.object({
  prompt: z.string().check(z.maxLength(100)),
  choice: z.number(),
});

/** A student answers the open prompt: `{ prompt, choice }`, the token in x-class-token. Once per prompt. */
export async function POST(request: Request) {
  const guard = checkPost(request);
  if (guard) return guard;
  const hub = classHub();
  if (!hub) return refuse(503, 'The live mail server is not running.');
  const token = request.headers.get(CLASS_TOKEN_HEADER);
  if (!hub.room.student(token)) return refuse(401, 'Join the class first.');
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const parsed = Answer.safeParse(body.json);
  if (!parsed.success) return refuse(400, 'Malformed request.');
  const result = hub.room.answer(token, parsed.data.prompt, parsed.data.choice);
  if (!result.ok) return refuse(409, result.message);
  hub.changed();
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
