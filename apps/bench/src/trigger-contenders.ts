import { createHash, createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { createRestClient } from "@x/rest";
import Pusher from "pusher";
import { APP, EVENT } from "./fixtures.js";

/** The contenders of the trigger benchmark, by the name the report gives them. */
export const TRIGGER_CONTENDERS = {
  ours: "@x/rest",
  oursWithNoopHooks: "@x/rest + 4 no-op hooks",
  oursWithOpenTelemetry: "@x/rest + openTelemetryHooks()",
  oursWithContract: "@x/rest + a zod eventSchemas",
  oursOverFetch: "@x/rest with fetch: globalThis.fetch",
  official: "pusher 5.3.4",
  floor: "floor (node:http)",
} as const;

/** One way of sending a trigger to the sink, and how to release what it holds. */
export interface TriggerContender {
  name: string;
  trigger(): Promise<unknown>;
  close(): void;
}

/** `@x/rest` with its default options: the transport a user gets without configuring one. */
export function oursTrigger(port: number): TriggerContender {
  const client = createRestClient({ ...APP, host: "127.0.0.1", port, useTLS: false });
  return { name: TRIGGER_CONTENDERS.ours, trigger: () => client.trigger(EVENT.channel, EVENT.name, EVENT.data), close: () => {} };
}

/**
 * `@x/rest` given the built-in `fetch` (undici): the default transport before the Node one, kept
 * as a row to show what the Node transport changed.
 */
export function oursOverFetchTrigger(port: number): TriggerContender {
  const client = createRestClient({ ...APP, host: "127.0.0.1", port, useTLS: false, fetch: globalThis.fetch });
  return { name: TRIGGER_CONTENDERS.oursOverFetch, trigger: () => client.trigger(EVENT.channel, EVENT.name, EVENT.data), close: () => {} };
}

/** The official `pusher` package with its default options. */
export function officialTrigger(port: number): TriggerContender {
  const pusher = new Pusher({ ...APP, host: "127.0.0.1", port: String(port), useTLS: false });
  return { name: TRIGGER_CONTENDERS.official, trigger: () => pusher.trigger(EVENT.channel, EVENT.name, EVENT.data), close: () => {} };
}

/**
 * The floor: the least work the protocol allows. The body serialised once per request, one MD5
 * and one HMAC (docs/protocol.md §2), and `node:http` on a keep-alive agent, the response read and dropped.
 */
export function floorTrigger(port: number): TriggerContender {
  const agent = new Agent({ keepAlive: true });
  const path = `/apps/${APP.appId}/events`;
  const trigger = (): Promise<void> => {
    const body = JSON.stringify({ name: EVENT.name, channels: [EVENT.channel], data: JSON.stringify(EVENT.data) });
    const md5 = createHash("md5").update(body).digest("hex");
    const query = `auth_key=${APP.key}&auth_timestamp=${Math.floor(Date.now() / 1000)}&auth_version=1.0&body_md5=${md5}`;
    const signature = createHmac("sha256", APP.secret).update(`POST\n${path}\n${query}`).digest("hex");
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          agent,
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `${path}?${query}&auth_signature=${signature}`,
          headers: { "content-type": "application/json" },
        },
        (response) => {
          response.resume();
          response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`status ${response.statusCode}`))));
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  };
  return { name: TRIGGER_CONTENDERS.floor, trigger, close: () => agent.destroy() };
}
