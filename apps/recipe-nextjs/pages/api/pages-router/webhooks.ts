// A webhook route of the Pages Router: the signature covers the bytes Pusher sent, so Next.js's
// body parser is turned off and the handler reads the body itself.
import { toNodeHandler } from "@x/server";
import type { NextApiRequest, NextApiResponse } from "next";
import { recipe } from "../../../lib/pusher";

export const config = { api: { bodyParser: false } };

export default function handler(request: NextApiRequest, response: NextApiResponse): Promise<void> {
  return toNodeHandler(recipe().webhooks)(request, response);
}
