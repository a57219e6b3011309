// What happens when the body parser is left on for a webhook route: Next.js parses the JSON and
// keeps no raw bytes, so the webhook handler refuses every webhook with a 400 whose message says
// to keep the raw body. It never verifies a re-serialised body. (Kept to show the refusal.)
import { toNodeHandler } from "@x/server";
import type { NextApiRequest, NextApiResponse } from "next";
import { recipe } from "../../../lib/pusher";

export default function handler(request: NextApiRequest, response: NextApiResponse): Promise<void> {
  return toNodeHandler(recipe().webhooks)(request, response);
}
