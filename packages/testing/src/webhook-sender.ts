import { createHmac } from "node:crypto";
import { request as httpRequest, type ClientRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { WebhookDelivery, WebhookEvent, WebhookHandler, WebhookOptions } from "./types.js";

const DEFAULT_WEBHOOK_URL = "http://localhost/pusher/webhooks";

/** Sends Pusher's signed webhooks, in order, one at a time; records every delivery. */
export interface WebhookSender {
  send(event: WebhookEvent): void;
  readonly deliveries: WebhookDelivery[];
  delivered(): Promise<readonly WebhookDelivery[]>;
  close(): void;
}

export function createWebhookSender(
  options: WebhookOptions | undefined,
  credentials: { key: string; secret: string },
  now: () => number,
): WebhookSender {
  const deliveries: WebhookDelivery[] = [];
  const inFlight = new Set<ClientRequest>();
  const enabled = options?.events === undefined ? undefined : new Set(options.events);
  let pending: WebhookEvent[] = [];
  let queue = Promise.resolve();
  let closed = false;

  function flush(): void {
    if (pending.length === 0) return;
    const groups = options?.batch === true ? [pending] : pending.map((event) => [event]);
    pending = [];
    for (const events of groups) queue = queue.then(() => deliver(events));
  }

  async function deliver(events: WebhookEvent[]): Promise<void> {
    if (closed || options === undefined) return;
    const body = JSON.stringify({ time_ms: now(), events });
    const headers = {
      "content-type": "application/json",
      "x-pusher-key": credentials.key,
      "x-pusher-signature": createHmac("sha256", credentials.secret).update(body).digest("hex"),
    };
    const delivery: WebhookDelivery = { body, events, headers };
    deliveries.push(delivery);
    try {
      const url = options.url ?? DEFAULT_WEBHOOK_URL;
      delivery.status = options.handler ? await callHandler(options.handler, url, headers, body) : await post(url, headers, body, inFlight);
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }

  return {
    send(event) {
      if (closed || options === undefined || (enabled !== undefined && !enabled.has(event.name))) return;
      // One state change emits its events synchronously: batching gathers them until the next turn.
      if (pending.push(event) === 1 && options.batch === true) setImmediate(flush);
      if (options.batch !== true) flush();
    },
    deliveries,
    async delivered() {
      let settled: Promise<void>;
      do {
        flush();
        settled = queue;
        await settled;
      } while (settled !== queue || pending.length > 0);
      return deliveries;
    },
    close() {
      closed = true;
      for (const request of inFlight) request.destroy();
    },
  };
}

async function callHandler(handler: WebhookHandler, url: string, headers: Record<string, string>, body: string): Promise<number> {
  const response = await handler(new Request(url, { method: "POST", headers, body }));
  await response.body?.cancel();
  return response.status;
}

// node:http without an agent: the connection closes with each answer, so nothing stays open.
function post(url: string, headers: Record<string, string>, body: string, inFlight: Set<ClientRequest>): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith("https:") ? httpsRequest : httpRequest;
    const request = send(url, { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, agent: false });
    inFlight.add(request);
    request.on("close", () => inFlight.delete(request));
    request.on("error", reject);
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.end(body);
  });
}
