// The Pages Router's way, for apps that have not moved to the App Router: an API route is a
// Node.js handler (req, res), so the Web-standard handler is mounted with toNodeHandler. Next.js
// parses the body first (its default bodyParser); toNodeHandler re-encodes the parsed fields.
import { toNodeHandler } from "@x/server";
import type { NextApiRequest, NextApiResponse } from "next";
import { recipe } from "../../../lib/pusher";

export default function handler(request: NextApiRequest, response: NextApiResponse): Promise<void> {
  return toNodeHandler(recipe().auth)(request, response);
}
