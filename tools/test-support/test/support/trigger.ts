import { signRequest } from "@x/signing";
import type { LocalServer } from "../../src/index.ts";

/** The body of `POST /apps/<appId>/events` (docs/protocol.md §3). */
export interface TriggerBody {
  name: string;
  channels: string[];
  data: string;
}

/**
 * Sends a trigger through plain `fetch`, signed with `signRequest` (docs/protocol.md §2) under the given
 * secret, and returns the response as received.
 */
export async function trigger(server: LocalServer, body: TriggerBody, secret = server.secret): Promise<Response> {
  const path = `/apps/${server.appId}/events`;
  const json = JSON.stringify(body);
  const query = signRequest({ key: server.key, secret }, { method: "POST", path, body: json });
  return fetch(`${server.url}${path}?${query}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: json,
  });
}
