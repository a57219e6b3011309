// A TypeScript user of @x/testing. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import {
  LocalPusherSetupError,
  startFakePusher,
  startLocalPusher,
  type EventMatch,
  type FakePusher,
  type LocalPusher,
  type LocalPusherClientOptions,
  type RecordedEvent,
  type WebhookHandler,
} from "@x/testing";

export const handler: WebhookHandler = async (request) => new Response(await request.text(), { status: 200 });

export async function checkOrders(): Promise<string> {
  const fake: FakePusher = await startFakePusher({ key: "k", secret: "s", webhooks: { handler, batch: true, events: ["member_added"] } });
  try {
    fake.subscribe("presence-room", { userId: "alice", userInfo: { name: "Alice" } }).leave();
    fake.failNext({ status: 429, retryAfter: 2 }, { times: 2, path: "/events" });
    fake.failNext({ kind: "timeout" });
    const match: EventMatch = { channel: "orders", data: (data: unknown) => data !== null };
    const event: RecordedEvent = await fake.waitForEvent(match, { timeoutMs: 1_000 });
    // @ts-expect-error: a fault is a status, a timeout or a reset
    fake.failNext({ kind: "slow" });
    return `${fake.url} ${fake.config.port} ${event.name} ${event.data.length}`;
  } finally {
    await fake.close();
  }
}

export async function endToEnd(): Promise<LocalPusherClientOptions | string> {
  try {
    const local: LocalPusher = await startLocalPusher({
      nodes: 2,
      webhooks: [{ url: "http://127.0.0.1:3000/hooks", event_types: ["member_added"] }],
    });
    await local.nodes[1]?.kill();
    await local.close();
    return local.clientOptions;
  } catch (error) {
    if (error instanceof LocalPusherSetupError && error.code === "redis_server_not_found") return error.message;
    throw error;
  }
}

// @ts-expect-error: nodes is a number
void startLocalPusher({ nodes: "2" });
