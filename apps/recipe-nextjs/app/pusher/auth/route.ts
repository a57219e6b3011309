// POST /pusher/auth: pusher-js's channel authorization. The handler is a Web-standard
// (Request) => Promise<Response>, which is what a route handler is: no adapter.
import { recipe } from "../../../lib/pusher";

export function POST(request: Request): Promise<Response> {
  return recipe().auth(request);
}
