// POST /messages {"channel", "text"}: triggers a `message` event, for a signed-in user on a
// channel they may use.
import { isPusherValidationError } from "@x/server";
import { readBodyWithLimit } from "@x/types/internal";
import { recipe } from "../../lib/pusher";
import { mayUseChannel, sessionUser } from "../../lib/users";

// A route handler reads a body as large as it comes: this one takes at most what express.json()
// takes by default. (The SDK's handlers bound their own bodies, with their `maxBodyBytes` option.)
const MAX_MESSAGE_BODY_BYTES = 100 * 1024;

export async function POST(request: Request): Promise<Response> {
  const user = sessionUser(request.headers.get("authorization"));
  if (user === undefined) return Response.json({ error: "sign in first" }, { status: 401 });
  const read = await readBodyWithLimit(request, MAX_MESSAGE_BODY_BYTES);
  if (read.tooLarge) return Response.json({ error: "the message is too large" }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    // Not JSON: answered 400 below.
  }
  const { channel, text } = (typeof body === "object" && body !== null ? body : {}) as { channel?: unknown; text?: unknown };
  if (typeof channel !== "string" || typeof text !== "string") {
    return Response.json({ error: 'send {"channel": "…", "text": "…"}' }, { status: 400 });
  }
  if (!mayUseChannel(user, channel)) return Response.json({ error: "you may not post to this channel" }, { status: 403 });
  try {
    await recipe().pusher.trigger(channel, "message", { from: user.name, text });
  } catch (error) {
    // A bad channel name or an oversized text: the SDK says which before sending anything.
    if (!isPusherValidationError(error)) throw error;
    return Response.json({ error: error.message }, { status: 400 });
  }
  return Response.json({ ok: true });
}
