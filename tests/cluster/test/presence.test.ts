import { skipClusterTests, type ClusterNode, type TestClient } from "tools-test-support";
import type { PresenceUsers } from "@x/server";
import type { PresenceChannel } from "pusher-js";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pusherOn, type User } from "./support/client-pool.ts";
import { useClusterSuite } from "./support/cluster-suite.ts";

const ALICE: User = { id: "alice", name: "Alice" };
const BOB: User = { id: "bob", name: "Bob" };

interface Member {
  id: string;
  info: unknown;
}

function membersOf(channel: PresenceChannel): Record<string, unknown> {
  const members: Record<string, unknown> = {};
  channel.members.each((member: Member) => (members[member.id] = member.info));
  return members;
}

function sortedIds({ users }: PresenceUsers): string[] {
  return users.map((user) => user.id).sort();
}

// Members join on nodes A and B; node C, which holds no member, is queried too, so every answer
// is assembled from other machines.
describe.skipIf(skipClusterTests())("presence across a three-node cluster", () => {
  const suite = useClusterSuite({ nodes: 3 });
  const { pool } = suite;
  let a: ClusterNode;
  let b: ClusterNode;

  beforeAll(() => {
    [a, b] = suite.nodes as [ClusterNode, ClusterNode];
  });

  // Alice joins on node A, then Bob on node B; resolves once each sees both.
  async function aliceOnAThenBobOnB(
    channelName: string,
  ): Promise<{ alice: TestClient; bob: TestClient; seenByAlice: PresenceChannel; seenByBob: PresenceChannel }> {
    const alice = await pool.connect(a, ALICE);
    const seenByAlice = (await alice.subscribe(channelName)) as PresenceChannel;
    const bobAdded = new Promise<Member>((resolve) => seenByAlice.bind("pusher:member_added", resolve));
    const bob = await pool.connect(b, BOB);
    const seenByBob = (await bob.subscribe(channelName)) as PresenceChannel;
    expect(await bobAdded).toEqual({ id: "bob", info: { name: "Bob" } });
    return { alice, bob, seenByAlice, seenByBob };
  }

  it("members who join on nodes A and B see each other: member_added reaches A, and B's subscription lists both", async () => {
    const { seenByAlice, seenByBob } = await aliceOnAThenBobOnB("presence-lobby");

    const both = { alice: { name: "Alice" }, bob: { name: "Bob" } };
    expect(membersOf(seenByBob)).toEqual(both);
    expect(seenByBob.members.count).toBe(2);
    expect((seenByBob.members.me as Member).id).toBe("bob");
    expect(membersOf(seenByAlice)).toEqual(both);
  });

  it("a member who leaves on node B is removed for the member on node A", async () => {
    const { bob, seenByAlice } = await aliceOnAThenBobOnB("presence-leaving");
    const bobRemoved = new Promise<Member>((resolve) => seenByAlice.bind("pusher:member_removed", resolve));

    bob.pusher.unsubscribe("presence-leaving");

    expect(await bobRemoved).toEqual({ id: "bob", info: { name: "Bob" } });
    expect(membersOf(seenByAlice)).toEqual({ alice: { name: "Alice" } });
  });

  it("fetchUsersFromPresenceChannel() answers the members of A and B alike on nodes A, B and C", async () => {
    await aliceOnAThenBobOnB("presence-users");

    const answers = await Promise.all(suite.nodes.map((node) => pusherOn(node).fetchUsersFromPresenceChannel("presence-users")));

    expect(answers.map(sortedIds)).toEqual([
      ["alice", "bob"],
      ["alice", "bob"],
      ["alice", "bob"],
    ]);
  });

  it("fetchStateForChannel() answers the same user_count and subscription_count on nodes A, B and C", async () => {
    const { alice, bob } = await aliceOnAThenBobOnB("presence-state");
    await alice.subscribe("headlines");
    await bob.subscribe("headlines");

    const presence = await Promise.all(
      suite.nodes.map((node) => pusherOn(node).fetchStateForChannel("presence-state", { info: ["user_count"] })),
    );
    const shared = await Promise.all(
      suite.nodes.map((node) => pusherOn(node).fetchStateForChannel("headlines", { info: ["subscription_count"] })),
    );
    const unused = await Promise.all(suite.nodes.map((node) => pusherOn(node).fetchStateForChannel("nobody-here")));

    // soketi adds subscription_count (sockets) to every answer; both count A's and B's.
    expect(presence).toEqual(suite.nodes.map(() => ({ occupied: true, user_count: 2, subscription_count: 2 })));
    expect(shared).toEqual(suite.nodes.map(() => ({ occupied: true, subscription_count: 2 })));
    expect(unused).toEqual(suite.nodes.map(() => ({ occupied: false, subscription_count: 0 })));
  });

  it("fetchStateForChannels() lists the channels occupied on A and on B, with their counts, alike on nodes A, B and C", async () => {
    const { alice, bob } = await aliceOnAThenBobOnB("presence-listed");
    await alice.subscribe("listed-on-a");
    await bob.subscribe("listed-on-b");

    const presence = await Promise.all(
      suite.nodes.map((node) => pusherOn(node).fetchStateForChannels({ filterByPrefix: "presence-listed", info: ["user_count"] })),
    );
    const listed = await Promise.all(suite.nodes.map((node) => pusherOn(node).fetchStateForChannels({ filterByPrefix: "listed-" })));

    // soketi answers the channel list with each channel's socket count, not its user count.
    expect(presence).toEqual(suite.nodes.map(() => ({ channels: { "presence-listed": { occupied: true, subscription_count: 2 } } })));
    expect(listed.map(({ channels }) => Object.keys(channels).sort())).toEqual(suite.nodes.map(() => ["listed-on-a", "listed-on-b"]));
  });

  it("when the member on node B disconnects, nodes A, B and C all stop counting him", async () => {
    const { bob } = await aliceOnAThenBobOnB("presence-gone");
    await bob.disconnect();

    // The member leaves when node B has processed the closed connection: wait for it.
    await vi.waitFor(
      async () => {
        const answers = await Promise.all(suite.nodes.map((node) => pusherOn(node).fetchUsersFromPresenceChannel("presence-gone")));
        expect(answers.map(sortedIds)).toEqual([["alice"], ["alice"], ["alice"]]);
      },
      { timeout: 30_000, interval: 100 },
    );
    const counts = await Promise.all(
      suite.nodes.map((node) => pusherOn(node).fetchStateForChannel("presence-gone", { info: ["user_count"] })),
    );
    expect(counts).toEqual(suite.nodes.map(() => ({ occupied: true, user_count: 1, subscription_count: 1 })));
  });
});
