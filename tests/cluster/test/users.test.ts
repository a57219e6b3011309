import { skipClusterTests, type ClusterNode, type TestClient } from "tools-test-support";
import type { Pusher } from "@x/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pusherOn, signIn, type User } from "./support/client-pool.ts";
import { useClusterSuite } from "./support/cluster-suite.ts";

const CAROL: User = { id: "carol", name: "Carol" };
const DAVE: User = { id: "dave", name: "Dave" };

interface ConnectionError {
  type?: string;
  data?: { code?: number };
}

// Everything a signed-in user's sockets receive for `event`, and every error their connection reports.
function userEvents(client: TestClient, event: string): unknown[] {
  const received: unknown[] = [];
  client.pusher.user.bind(event, (data: unknown) => received.push(data));
  return received;
}

function connectionErrors(client: TestClient): ConnectionError[] {
  const errors: ConnectionError[] = [];
  client.pusher.connection.bind("error", (error: ConnectionError) => errors.push(error));
  return errors;
}

async function untilDisconnected(client: TestClient): Promise<void> {
  await vi.waitFor(() => expect(client.pusher.connection.state).toBe("disconnected"), { timeout: 30_000, interval: 20 });
}

// Users signed in on node B (and A), reached through node A's HTTP API: what node A is asked to
// do for a user travels to node B through Redis.
describe.skipIf(skipClusterTests())("user messages and terminations across a two-node cluster", () => {
  const suite = useClusterSuite({ nodes: 2 });
  const { pool } = suite;
  let a: ClusterNode;
  let b: ClusterNode;
  let pusher: Pusher;

  beforeAll(() => {
    [a, b] = suite.nodes as [ClusterNode, ClusterNode];
    pusher = pusherOn(a);
  });

  async function signedIn(node: ClusterNode, user: User): Promise<TestClient> {
    const client = await pool.connect(node, user);
    await signIn(client);
    return client;
  }

  it("sendToUser() through node A reaches a user signed in on node B, and no other user", async () => {
    const carol = await signedIn(b, CAROL);
    const dave = await signedIn(b, DAVE);
    const toCarol = userEvents(carol, "notice");
    const toDave = userEvents(dave, "notice");

    await pusher.sendToUser("carol", "notice", { text: "for carol" });
    // Dave's own message comes after Carol's through the same path: once it is in, Carol's
    // would have reached him first had it been misrouted.
    await pusher.sendToUser("dave", "notice", { text: "for dave" });
    await vi.waitFor(() => expect(toDave).toHaveLength(1), { timeout: 30_000, interval: 20 });
    await vi.waitFor(() => expect(toCarol).toHaveLength(1), { timeout: 30_000, interval: 20 });

    expect(toCarol).toEqual([{ text: "for carol" }]);
    expect(toDave).toEqual([{ text: "for dave" }]);
  });

  it("sendToUser() through node A reaches each socket of a user signed in on nodes A and B, once each", async () => {
    const sockets = [await signedIn(a, CAROL), await signedIn(b, CAROL), await signedIn(b, CAROL)];
    const received = sockets.map((socket) => userEvents(socket, "notice"));

    for (let n = 0; n < 5; n++) await pusher.sendToUser("carol", "notice", { n });
    await pusher.sendToUser("carol", "notice", { n: "end" });
    for (const list of received) await vi.waitFor(() => expect(list).toHaveLength(6), { timeout: 30_000, interval: 20 });

    const expected = [0, 1, 2, 3, 4, "end"].map((n) => ({ n }));
    expect(received).toEqual([expected, expected, expected]);
  });

  it("terminateUserConnections() through node A disconnects the user's sockets on node B (and A), and no other user's", async () => {
    const carolOnB = [await signedIn(b, CAROL), await signedIn(b, CAROL)];
    const carolOnA = await signedIn(a, CAROL);
    const daveOnB = await signedIn(b, DAVE);
    const errors = [...carolOnB, carolOnA].map(connectionErrors);

    await pusher.terminateUserConnections("carol");

    for (const socket of [...carolOnB, carolOnA]) await untilDisconnected(socket);
    // soketi closes each terminated socket with code 4009, which pusher-js does not retry.
    for (const socketErrors of errors) {
      expect(socketErrors.some((error) => error.type === "PusherError" && error.data?.code === 4009)).toBe(true);
    }
    expect(daveOnB.pusher.connection.state).toBe("connected");
    const toDave = userEvents(daveOnB, "notice");
    await pusher.sendToUser("dave", "notice", "still here");
    await vi.waitFor(() => expect(toDave).toEqual(["still here"]), { timeout: 30_000, interval: 20 });
  });
});
