// POST /pusher/webhooks: the webhook receiver. A route handler's request body is unread, so the
// signature is checked against the exact bytes Pusher sent.
import { recipe } from "../../../lib/pusher";

export function POST(request: Request): Promise<Response> {
  return recipe().webhooks(request);
}
