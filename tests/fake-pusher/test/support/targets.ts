// The two servers the honesty suite runs its scenarios against: the fake, and soketi (a real
// Pusher-compatible server, with real pusher-js clients) behind one small interface.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Pusher as XPusher } from "@x/server";
import { startFakePusher, startLocalPusher, type WebhookEvent } from "@x/testing";
import Pusher from "pusher";
import { connectClient, soketiInstall, type TestClient } from "tools-test-support";
import { vi } from "vitest";
import { signQuery } from "./signed-request.js";

const CREDENTIALS = { appId: "1000001", key: "honest-key", secret: "honest-secret" };
const SOKETI_WEBHOOKS = ["channel_occupied", "channel_vacated", "member_added", "member_removed", "client_event", "cache_miss"];

/** One simulated or real connection subscribed to one channel. */
export interface Subscriber {
  socketId: string;
  /** The data of the next `event` on the channel (parsed, as pusher-js gives it). Call it before triggering. */
  next(event: string): Promise<unknown>;
  /** The data of the next `event` sent to the signed-in user. Call it before sending. */
  nextForUser(event: string): Promise<unknown>;
  clientEvent(event: string, data: unknown): Promise<void>;
  leave(): Promise<void>;
}

export interface Target {
  name: "fake" | "soketi";
  url: string;
  config: { appId: string; key: string; secret: string; host: string; port: number };
  subscribe(channel: string, options?: { userId?: string; signIn?: boolean }): Promise<Subscriber>;
  /** The webhook events received so far, each delivery verified by @x/server. */
  webhookEvents: WebhookEvent[];
  close(): Promise<void>;
}

/** A loopback webhook receiver that keeps the events of every delivery @x/server verifies. */
async function startReceiver(events: WebhookEvent[]): Promise<{ url: string; server: Server }> {
  const verifier = new XPusher(CREDENTIALS.appId, CREDENTIALS.key, CREDENTIALS.secret);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const verdict = verifier.processWebHook(
        request.headers["x-pusher-signature"] as string,
        Buffer.concat(chunks).toString("utf8"),
        request.headers["x-pusher-key"] as string,
      );
      if (verdict.isValid) events.push(...(verdict.events as WebhookEvent[]));
      response.writeHead(verdict.isValid ? 200 : 401).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, server };
}

async function stopReceiver(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function fakeTarget(): Promise<Target> {
  const webhookEvents: WebhookEvent[] = [];
  const receiver = await startReceiver(webhookEvents);
  const fake = await startFakePusher({ ...CREDENTIALS, webhooks: receiver.url });
  // As pusher-js hands data to its listeners: parsed when it is JSON, else the string itself.
  const received = async (channel: string, name: string) => {
    const { data } = await fake.waitForEvent({ channel, name }, { timeoutMs: 5_000 });
    try {
      return JSON.parse(data) as unknown;
    } catch {
      return data;
    }
  };
  return {
    name: "fake",
    url: fake.url,
    config: fake.config,
    subscribe(channel, { userId } = {}) {
      const connection = fake.subscribe(channel, userId === undefined ? {} : { userId });
      return Promise.resolve({
        socketId: connection.socketId,
        next: (event) => received(channel, event),
        nextForUser: (event) => received(`#server-to-user-${userId ?? ""}`, event),
        clientEvent: (event, data) => Promise.resolve(connection.clientEvent(event, data)),
        leave: () => Promise.resolve(connection.leave()),
      });
    },
    webhookEvents,
    async close() {
      await fake.close();
      await stopReceiver(receiver.server);
    },
  };
}

export async function soketiTarget(): Promise<Target> {
  const webhookEvents: WebhookEvent[] = [];
  const receiver = await startReceiver(webhookEvents);
  const local = await startLocalPusher({
    ...soketiInstall,
    ...CREDENTIALS,
    webhooks: [{ url: receiver.url, event_types: SOKETI_WEBHOOKS }],
  });
  // Subscriptions are authorized by the official package: the oracle signs, not the SDK under test.
  const official = Pusher.forURL(local.url);
  const clients: TestClient[] = [];
  return {
    name: "soketi",
    url: local.url,
    config: local.config,
    async subscribe(channel, { userId, signIn = false } = {}) {
      const client = await connectClient(local.config, {
        channelAuthorization: {
          customHandler: (
            { socketId, channelName }: { socketId: string; channelName: string },
            callback: (error: null, data: object) => void,
          ) => callback(null, official.authorizeChannel(socketId, channelName, userId === undefined ? undefined : { user_id: userId })),
        },
        userAuthentication: {
          customHandler: ({ socketId }: { socketId: string }, callback: (error: null, data: object) => void) =>
            callback(null, official.authenticateUser(socketId, { id: userId ?? "" })),
        },
      });
      clients.push(client);
      if (signIn) {
        client.pusher.signin();
        await client.pusher.user.signinDonePromise;
        await vi.waitFor(
          () => {
            if (client.pusher.user.serverToUserChannel?.subscribed !== true) throw new Error("the user's channel is not subscribed yet");
          },
          { timeout: 10_000, interval: 20 },
        );
      }
      await client.subscribe(channel);
      return {
        socketId: client.socketId,
        next: (event) => client.waitForEvent(channel, event, { timeoutMs: 5_000 }),
        nextForUser: (event) => new Promise((resolve) => client.pusher.user.bind(event, resolve)),
        clientEvent: async (event, data) => {
          client.pusher.channel(channel).trigger(event, data);
          await Promise.resolve();
        },
        leave: () => client.disconnect(),
      };
    },
    webhookEvents,
    async close() {
      await Promise.all(clients.map((client) => client.disconnect()));
      await local.close();
      await stopReceiver(receiver.server);
    },
  };
}

export interface RawAnswer {
  status: number;
  body: string;
}

/** One request signed here with node:crypto, for what the SDKs would not send or would reshape. */
export async function raw(
  target: Target,
  request: { path: string; params?: Record<string, string>; body?: string; timestamp?: number; key?: string; secret?: string },
): Promise<RawAnswer> {
  const method = request.body === undefined ? "GET" : "POST";
  const path = `/apps/${target.config.appId}${request.path}`;
  const query = signQuery(method, path, request.params ?? {}, {
    key: request.key ?? target.config.key,
    secret: request.secret ?? target.config.secret,
    timestamp: request.timestamp ?? Math.floor(Date.now() / 1000),
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const response = await fetch(`http://127.0.0.1:${target.config.port}${path}?${new URLSearchParams([...query]).toString()}`, {
    method,
    ...(request.body === undefined ? {} : { body: request.body, headers: { "content-type": "application/json" } }),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * The status a refusal means: the HTTP status, or for a 2xx the `code` of a `{"error", "code"}`
 * body (soketi's way, docs/protocol.md §3), as the SDKs read it.
 */
export function refusalCode({ status, body }: RawAnswer): number {
  if (status >= 300) return status;
  try {
    const parsed = JSON.parse(body) as { error?: unknown; code?: unknown };
    return typeof parsed.error === "string" && typeof parsed.code === "number" ? parsed.code : status;
  } catch {
    return status;
  }
}
