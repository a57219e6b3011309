// POST /pusher/user-auth: pusher-js's user authentication (sign-in), the same handler.
import { recipe } from "../../../lib/pusher";

export function POST(request: Request): Promise<Response> {
  return recipe().auth(request);
}
