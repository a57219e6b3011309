import { skipClusterTests, type ClusterNode } from "tools-test-support";
import { Pusher, type WebhookEvent } from "@x/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pusherOn, type User } from "./support/client-pool.ts";
import { useClusterSuite } from "./support/cluster-suite.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver.ts";

const ALICE: User = { id: "alice", name: "Alice" };
const BOB: User = { id: "bob", name: "Bob" };
const CREDENTIALS = { appId: "app-id", key: "app-key", secret: "webhook-cluster-secret" };

// Every node is given the app's webhook URL; each posts what it observed itself.
describe.skipIf(skipClusterTests())("webhooks from a two-node cluster", () => {
  // The app behind the webhook endpoint: only its credentials matter here.
  const app = new Pusher({ ...CREDENTIALS, host: "127.0.0.1", useTLS: false });
  let receiver: WebhookReceiver;
  let a: ClusterNode;
  let b: ClusterNode;

  // Registered before the cluster's hooks: the receiver starts before the cluster and closes after it.
  beforeAll(async () => {
    receiver = await startWebhookReceiver(app);
  });
  afterAll(() => receiver?.close());

  const suite = useClusterSuite(() => ({
    nodes: 2,
    ...CREDENTIALS,
    webhooks: [{ url: receiver.url, event_types: ["channel_occupied", "channel_vacated", "member_added", "member_removed"] }],
  }));
  const { pool } = suite;

  beforeAll(() => {
    [a, b] = suite.nodes as [ClusterNode, ClusterNode];
  });

  // The events of every valid webhook about `channel`, oldest first; an invalid one fails the test.
  function eventsAbout(channel: string): WebhookEvent[] {
    return receiver.verdicts.flatMap((verdict) => {
      if (!verdict.isValid) throw new Error(`a webhook failed verification: ${JSON.stringify(verdict.validationErrors)}`);
      return verdict.events.filter((event) => event.channel === channel);
    });
  }

  function summary(events: WebhookEvent[]): string[] {
    return events
      .map((event) => ("user_id" in event && typeof event.user_id === "string" ? `${event.name} ${event.user_id}` : event.name))
      .sort();
  }

  it("member_added and member_removed for members on nodes A and B arrive once each, signed, and processWebHook() accepts them", async () => {
    const alice = await pool.connect(a, ALICE);
    const bob = await pool.connect(b, BOB);
    await alice.subscribe("presence-hooks");
    await bob.subscribe("presence-hooks");
    await vi.waitFor(() => expect(summary(eventsAbout("presence-hooks")).filter((name) => name.startsWith("member_"))).toHaveLength(2), {
      timeout: 30_000,
      interval: 20,
    });

    bob.pusher.unsubscribe("presence-hooks");
    await vi.waitFor(() => expect(summary(eventsAbout("presence-hooks"))).toContain("member_removed bob"), {
      timeout: 30_000,
      interval: 20,
    });

    expect(summary(eventsAbout("presence-hooks")).filter((name) => name.startsWith("member_"))).toEqual([
      "member_added alice",
      "member_added bob",
      "member_removed bob",
    ]);
  });

  it("channel_occupied comes once for a channel used on nodes A and B, and channel_vacated once the last socket anywhere has left", async () => {
    const onA = await pool.connect(a);
    const onB = await pool.connect(b);
    await onA.subscribe("used-on-both");
    await vi.waitFor(() => expect(summary(eventsAbout("used-on-both"))).toEqual(["channel_occupied"]), { timeout: 30_000, interval: 20 });
    await onB.subscribe("used-on-both");

    // Node A's socket leaves first; node B counts the channel's sockets over the whole cluster,
    // so wait until every node agrees that one is left before the last one leaves.
    onA.pusher.unsubscribe("used-on-both");
    await vi.waitFor(
      async () =>
        expect(await pusherOn(b).fetchStateForChannel("used-on-both", { info: ["subscription_count"] })).toMatchObject({
          subscription_count: 1,
        }),
      { timeout: 30_000, interval: 50 },
    );
    onB.pusher.unsubscribe("used-on-both");

    await vi.waitFor(() => expect(summary(eventsAbout("used-on-both"))).toContain("channel_vacated"), { timeout: 30_000, interval: 20 });
    expect(summary(eventsAbout("used-on-both"))).toEqual(["channel_occupied", "channel_vacated"]);
  });
});
