import { once } from "node:events";
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { answerRequest, type Answer } from "./answer-request.js";
import { createChannelState } from "./channel-state.js";
import { createFaults } from "./faults.js";
import { resolveOptions } from "./resolve-options.js";
import type { Fault, FakePusher, FakePusherOptions, RecordedEvent, RecordedRequest } from "./types.js";
import { createEventWaiters } from "./wait-for-event.js";
import { createWebhookSender } from "./webhook-sender.js";

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(outgoing: ServerResponse, { status, body, contentType }: Answer, headers: Record<string, string> = {}): void {
  outgoing.writeHead(status, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)), ...headers }).end(body);
}

/**
 * Starts a fake Pusher Channels HTTP API on a free loopback port. It checks every request as
 * Pusher does, records what it accepted, simulates channels, presence and webhooks, and
 * injects faults on demand. Stop it with `close()`.
 *
 * @example
 * ```ts
 * import Pusher from "pusher";
 * import { startFakePusher } from "@x/testing";
 *
 * const fake = await startFakePusher();
 * try {
 *   await Pusher.forURL(fake.url).trigger("orders", "created", { id: 7 });
 *   const event = await fake.waitForEvent({ channel: "orders", name: "created", data: { id: 7 } });
 * } finally {
 *   await fake.close();
 * }
 * ```
 */
export async function startFakePusher(options?: FakePusherOptions): Promise<FakePusher> {
  const settings = resolveOptions(options);
  const events: RecordedEvent[] = [];
  const requests: RecordedRequest[] = [];
  const webhooks = createWebhookSender(settings.webhooks, settings, settings.now);
  const state = createChannelState((event) => webhooks.send(event), settings.now);
  const faults = createFaults();
  const waiters = createEventWaiters(events);
  const sockets = new Set<Socket>();
  let lastRequestId = 0;

  function injectFault(fault: Fault, incoming: IncomingMessage, outgoing: ServerResponse, recorded: RecordedRequest): void {
    if ("kind" in fault) {
      recorded.fault = fault.kind;
      // A timeout leaves the answer pending until close() destroys the socket.
      if (fault.kind === "reset") incoming.socket.destroy();
      return;
    }
    recorded.fault = "status";
    recorded.status = fault.status;
    recorded.response = fault.body ?? `${fault.status} ${STATUS_CODES[fault.status] ?? ""}\n`;
    const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
    send(outgoing, { status: fault.status, body: recorded.response, contentType: "text/plain; charset=utf-8" }, headers);
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    const method = incoming.method ?? "GET";
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const query = Object.fromEntries([...url.searchParams].filter(([name]) => name.toLowerCase() !== "auth_signature"));
    lastRequestId += 1;
    const recorded: RecordedRequest = { id: lastRequestId, method, path: url.pathname, query, body: body.toString("utf8"), response: "" };
    requests.push(recorded);
    const fault = faults.take(url.pathname);
    if (fault !== undefined) return injectFault(fault, incoming, outgoing, recorded);
    const record = (event: Omit<RecordedEvent, "requestId">) => {
      const accepted = { ...event, requestId: recorded.id };
      events.push(accepted);
      waiters.notify(accepted);
    };
    const answer = answerRequest({ ...settings, state, record }, method, url, body);
    recorded.status = answer.status;
    recorded.response = answer.body;
    send(outgoing, answer);
  }

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      // A bug of the fake, not an answer of Pusher's: say so plainly.
      const message = `@x/testing failed to answer: ${error instanceof Error ? error.message : String(error)}\n`;
      if (!outgoing.headersSent) send(outgoing, { status: 500, body: message, contentType: "text/plain; charset=utf-8" });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const { appId, key, secret } = settings;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${key}:${secret}@127.0.0.1:${port}/apps/${appId}`,
    config: { appId, key, secret, host: "127.0.0.1", port, useTLS: false },
    events,
    requests,
    webhooks: webhooks.deliveries,
    subscribe: (channel, subscribeOptions) => state.subscribe(channel, subscribeOptions),
    waitForEvent: (match, waitOptions) => waiters.wait(match, waitOptions),
    failNext: (fault, faultOptions) => faults.plan(fault, faultOptions),
    webhooksDelivered: () => webhooks.delivered(),
    clear() {
      events.length = 0;
      requests.length = 0;
      webhooks.deliveries.length = 0;
      faults.clear();
    },
    close() {
      closing ??= (async () => {
        waiters.cancel("waitForEvent: the fake Pusher was closed");
        webhooks.close();
        const stopped = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
        const closed = [...sockets].map((socket) => once(socket, "close"));
        for (const socket of sockets) socket.destroy();
        await Promise.all([stopped, ...closed]);
      })();
      return closing;
    },
  };
}
