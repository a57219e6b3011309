import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { decodeMasterKey, encryptPayload, signRequest } from "@x/signing";
import { startLocalPusher } from "@x/testing";
import { asLocalServer, connectClient, soketiInstall, type LocalServer, type TestClient } from "tools-test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthHandler } from "../src/index.js";

// End to end: real pusher-js clients whose auth endpoints are a node:http server running
// createAuthHandler, against a real Pusher-compatible server (soketi, packages/testing/README.md, "Where the fake and soketi differ"). The server
// verifies every signature this package produces.

const MASTER_KEY_BASE64 = "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=";
const NAMES: Record<string, string> = { alice: "Alice Ångström ✨", bob: "Bob 🚀" };

let soketi: LocalServer;
let authServer: Server;
let authBase: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  soketi = asLocalServer(await startLocalPusher(soketiInstall));
  // The application identifies its users by a header its pusher-js clients send, as it would
  // by a session cookie: the callbacks read it from the original request.
  const handler = createAuthHandler({
    key: soketi.key,
    secret: soketi.secret,
    encryptionMasterKeyBase64: MASTER_KEY_BASE64,
    onChannelAuthorization: ({ channelName, request }) => {
      const user = request.headers.get("x-user");
      if (user === null || channelName.endsWith("-forbidden")) return false;
      if (channelName.startsWith("presence-")) return { presenceData: { user_id: user, user_info: { name: NAMES[user] } } };
      return true;
    },
    onUserAuthentication: ({ request }) => {
      const user = request.headers.get("x-user");
      return user === null ? false : { id: user, user_info: { name: NAMES[user] } };
    },
  });
  // getRequestListener catches its own errors: the Promise it returns never rejects.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  authServer = createServer(getRequestListener(handler));
  await new Promise<void>((resolve) => authServer.listen(0, "127.0.0.1", resolve));
  authBase = `http://127.0.0.1:${(authServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.disconnect()));
  if (authServer?.listening) await new Promise<void>((resolve) => authServer.close(() => resolve()));
  await soketi?.stop();
});

async function connectAs(user: string): Promise<TestClient> {
  const headers = { "x-user": user };
  const client = await connectClient(soketi, {
    channelAuthorization: { endpoint: `${authBase}/pusher/auth`, transport: "ajax", headers },
    userAuthentication: { endpoint: `${authBase}/pusher/user-auth`, transport: "ajax", headers },
  });
  clients.push(client);
  return client;
}

interface Member {
  id: string;
  info: { name: string };
}

describe("pusher-js with createAuthHandler against soketi", () => {
  it("subscribes to a private channel", async () => {
    const alice = await connectAs("alice");
    const channel = await alice.subscribe("private-orders");
    expect(channel.subscribed).toBe(true);
  });

  it("joins a presence channel: both members see each other with their user_info", async () => {
    const alice = await connectAs("alice");
    const aliceChannel = await alice.subscribe("presence-room");
    const bobSeenByAlice = new Promise<Member>((resolve) => aliceChannel.bind("pusher:member_added", resolve));
    const bob = await connectAs("bob");
    const bobChannel = await bob.subscribe("presence-room");

    expect(await bobSeenByAlice).toEqual({ id: "bob", info: { name: "Bob 🚀" } });
    const membersSeenByBob = bobChannel as unknown as { members: { count: number; get(id: string): Member | null } };
    expect(membersSeenByBob.members.count).toBe(2);
    expect(membersSeenByBob.members.get("alice")).toEqual({ id: "alice", info: { name: "Alice Ångström ✨" } });
  });

  it("subscribes to an encrypted channel and receives an event encrypted with the master key", async () => {
    const alice = await connectAs("alice");
    const channelName = "private-encrypted-vault";
    await alice.subscribe(channelName);
    const received = alice.waitForEvent<{ secret: string }>(channelName, "opened");

    const path = `/apps/${soketi.appId}/events`;
    const data = encryptPayload(channelName, JSON.stringify({ secret: "Sésame 🔐" }), decodeMasterKey(MASTER_KEY_BASE64));
    const body = JSON.stringify({ name: "opened", channels: [channelName], data });
    const query = signRequest({ key: soketi.key, secret: soketi.secret }, { method: "POST", path, body });
    const response = await fetch(`${soketi.url}${path}?${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(200);
    expect(await received).toEqual({ secret: "Sésame 🔐" });
  });

  it("signs in: the server accepts the user_data the handler signed", async () => {
    const alice = await connectAs("alice");
    alice.pusher.signin();
    await alice.pusher.user.signinDonePromise;
    // pusher-js keeps user_data only after the server's pusher:signin_success.
    expect(alice.pusher.user.user_data).toEqual({ id: "alice", user_info: { name: "Alice Ångström ✨" } });
  });

  it("fails to subscribe to a channel the application refuses, with a subscription error of status 403", async () => {
    const alice = await connectAs("alice");
    await expect(alice.subscribe("private-forbidden")).rejects.toMatchObject({ status: 403 });
  });
});
