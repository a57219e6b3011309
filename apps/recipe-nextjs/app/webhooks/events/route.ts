// GET /webhooks/events: the last webhook events the app verified.
import { recipe } from "../../../lib/pusher";

// Computed on each request, never at build time.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ events: recipe().webhookEvents });
}
