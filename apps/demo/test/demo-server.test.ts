import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { startLocalPusher } from "@x/testing";
import { connectClient, soketiInstall, type TestClient } from "tools-test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CHAT_CHANNEL } from "../src/channels.ts";
import type { ChatMessage } from "../src/create-demo-app.ts";
import { startDemo, type Demo } from "../src/start-demo.ts";
import type { LoggedWebhook } from "../src/webhook-log.ts";

let demo: Demo;
const clients: TestClient[] = [];
const errors: string[] = [];

beforeAll(async () => {
  demo = await startDemo({ port: 0, logError: (message) => errors.push(message) });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.disconnect()));
});

afterAll(async () => {
  await demo?.stop();
});

function postJson(path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${demo.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

async function signUp(name: string): Promise<{ cookie: string; user: { id: string; name: string } }> {
  const response = await postJson("/api/session", { name });
  expect(response.status).toBe(200);
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (cookie === undefined) throw new Error("POST /api/session set no cookie");
  const { user } = (await response.json()) as { user: { id: string; name: string } };
  return { cookie, user };
}

/** A pusher-js Node client whose channel authorization goes through the demo's endpoint with `cookie`. */
async function connectAs(cookie: string): Promise<TestClient> {
  const client = await connectClient(demo.localPusher!.config, {
    channelAuthorization: {
      customHandler: (
        { socketId, channelName }: { socketId: string; channelName: string },
        callback: (error: Error | null, data: unknown) => void,
      ) => {
        fetch(`${demo.url}/pusher/auth`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
          body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
        })
          .then(async (response) => callback(null, await response.json()))
          .catch((error: Error) => callback(error, null));
      },
    },
  });
  clients.push(client);
  return client;
}

describe("the page", () => {
  it("GET / serves the page, which loads pusher-js from the demo itself", async () => {
    const response = await fetch(demo.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<script src="/pusher-js/pusher.min.js"></script>');
    expect(html).not.toMatch(/<script src="https?:/);
  });

  it("GET /pusher-js/pusher.min.js serves the browser build of pusher-js from node_modules", async () => {
    const response = await fetch(`${demo.url}/pusher-js/pusher.min.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const browserBuild = await readFile(createRequire(import.meta.url).resolve("pusher-js/dist/web/pusher.min.js"), "utf8");
    expect(await response.text()).toBe(browserBuild);
  });

  it("GET /api/config gives the page the embedded server's key and WebSocket port", async () => {
    const config = await (await fetch(`${demo.url}/api/config`)).json();
    expect(config).toMatchObject({
      connection: { key: demo.localPusher!.config.key, wsHost: "127.0.0.1", wsPort: demo.localPusher!.config.port, forceTLS: false },
      chatChannel: CHAT_CHANNEL,
    });
  });
});

describe("POST /api/session", () => {
  it("answers 400 to an empty or unusable name, and sets no cookie", async () => {
    for (const name of ["", "   ", "<b>", "x".repeat(33), 42]) {
      const response = await postJson("/api/session", { name });
      expect(response.status).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("sets an HttpOnly session cookie and answers with the new user", async () => {
    const response = await postJson("/api/session", { name: "  Ada  " });
    expect(response.headers.get("set-cookie")).toMatch(/^demo_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(await response.json()).toEqual({ user: { id: expect.stringMatching(/^user-[0-9a-f]{12}$/), name: "Ada" } });
  });
});

describe("POST /pusher/auth", () => {
  const body = new URLSearchParams({ socket_id: "123.456", channel_name: CHAT_CHANNEL });
  const form = { "Content-Type": "application/x-www-form-urlencoded" };

  it("refuses a request without a session cookie with 403", async () => {
    const response = await fetch(`${demo.url}/pusher/auth`, { method: "POST", headers: form, body });
    expect(response.status).toBe(403);
  });

  it("refuses an unknown session token with 403", async () => {
    const headers = { ...form, Cookie: "demo_session=forged" };
    const response = await fetch(`${demo.url}/pusher/auth`, { method: "POST", headers, body });
    expect(response.status).toBe(403);
  });

  it("signs presence membership as the cookie's user", async () => {
    const { cookie, user } = await signUp("Grace");
    const response = await fetch(`${demo.url}/pusher/auth`, { method: "POST", headers: { ...form, Cookie: cookie }, body });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { auth: string; channel_data: string };
    expect(answer.auth).toMatch(new RegExp(`^${demo.localPusher!.config.key}:[0-9a-f]{64}$`));
    expect(JSON.parse(answer.channel_data)).toEqual({ user_id: user.id, user_info: { name: "Grace" } });
  });

  it("refuses another private channel with 403, even with a session", async () => {
    const { cookie } = await signUp("Grace");
    const other = new URLSearchParams({ socket_id: "123.456", channel_name: "private-admin" });
    const response = await fetch(`${demo.url}/pusher/auth`, { method: "POST", headers: { ...form, Cookie: cookie }, body: other });
    expect(response.status).toBe(403);
  });
});

describe("POST /api/messages", () => {
  it("answers 401 without a session", async () => {
    const response = await postJson("/api/messages", { text: "hello", socketId: "123.456" });
    expect(response.status).toBe(401);
  });

  it("answers 400 to an empty or too long text", async () => {
    const { cookie } = await signUp("Linus");
    for (const text of ["", "   ", "x".repeat(501), undefined]) {
      const response = await postJson("/api/messages", { text, socketId: "123.456" }, cookie);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "text: 1 to 500 characters" });
    }
  });

  it("answers 400 to a missing or malformed socketId, checked by the SDK before sending", async () => {
    const { cookie } = await signUp("Linus");
    for (const socketId of [undefined, "abc", "123.", "1.2.3"]) {
      const response = await postJson("/api/messages", { text: "hello", socketId }, cookie);
      expect(response.status).toBe(400);
    }
    expect(errors).toEqual([]);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { cookie } = await signUp("Linus");
    const response = await fetch(`${demo.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });
});

describe("POST /webhooks/pusher", () => {
  it("refuses an unsigned body with 401 and logs nothing from it", async () => {
    const response = await fetch(`${demo.url}/webhooks/pusher`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Pusher-Key": demo.localPusher!.config.key },
      body: JSON.stringify({ time_ms: Date.now(), events: [{ name: "channel_occupied", channel: CHAT_CHANNEL }] }),
    });
    expect(response.status).toBe(401);
    const { webhooks } = (await (await fetch(`${demo.url}/api/webhooks`)).json()) as { webhooks: LoggedWebhook[] };
    expect(webhooks.filter((entry) => entry.event.name === "channel_occupied" && entry.timeMs > Date.now() - 1000)).toEqual([]);
  });

  it("refuses a signed webhook replayed a year later with 401, and logs the same delivery sent twice once", async () => {
    const { key, secret } = demo.localPusher!.config;
    const post = (body: string) =>
      fetch(`${demo.url}/webhooks/pusher`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Pusher-Key": key,
          "X-Pusher-Signature": createHmac("sha256", secret).update(body).digest("hex"),
        },
        body,
      });
    const yearOld = Date.now() - 365 * 24 * 3600 * 1000;
    const stale = await post(JSON.stringify({ time_ms: yearOld, events: [{ name: "channel_occupied", channel: CHAT_CHANNEL }] }));
    await stale.body?.cancel();
    expect(stale.status).toBe(401);
    const sentAt = Date.now() + 1;
    const fresh = JSON.stringify({ time_ms: sentAt, events: [{ name: "channel_occupied", channel: CHAT_CHANNEL }] });
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await post(fresh);
      await response.body?.cancel();
      expect(response.status).toBe(200);
    }
    const { webhooks } = (await (await fetch(`${demo.url}/api/webhooks`)).json()) as { webhooks: LoggedWebhook[] };
    expect(webhooks.filter((entry) => entry.timeMs === yearOld)).toEqual([]);
    expect(webhooks.filter((entry) => entry.timeMs === sentAt)).toHaveLength(1);
  });
});

describe("the chat, with pusher-js clients and the embedded soketi", () => {
  it("delivers a message to the other members but not to its sender, and shows members in /api/state and /api/webhooks", async () => {
    const alice = await signUp("Alice");
    const bob = await signUp("Bob");
    const aliceClient = await connectAs(alice.cookie);
    const bobClient = await connectAs(bob.cookie);
    await aliceClient.subscribe(CHAT_CHANNEL);
    await bobClient.subscribe(CHAT_CHANNEL);
    const aliceReceived = aliceClient.collect(CHAT_CHANNEL, "message");

    const bobNext = bobClient.waitForEvent<ChatMessage>(CHAT_CHANNEL, "message");
    const sent = await postJson("/api/messages", { text: "Hi Bob", socketId: aliceClient.socketId }, alice.cookie);
    expect(sent.status).toBe(201);
    const aliceMessage = (await sent.json()) as ChatMessage;
    expect(aliceMessage).toMatchObject({ userId: alice.user.id, name: "Alice", text: "Hi Bob" });
    expect(await bobNext).toEqual(aliceMessage);

    // Bob's reply reaches Alice after her own message would have (one connection delivers in
    // order), so if her echo had not been excluded, it would be in aliceReceived by now.
    const aliceNext = aliceClient.waitForEvent<ChatMessage>(CHAT_CHANNEL, "message");
    const reply = await postJson("/api/messages", { text: "Hi Alice", socketId: bobClient.socketId }, bob.cookie);
    const bobMessage = (await reply.json()) as ChatMessage;
    expect(await aliceNext).toEqual(bobMessage);
    expect(aliceReceived).toEqual([bobMessage]);

    const state = await (await fetch(`${demo.url}/api/state`)).json();
    // soketi ignores `info` (see packages/testing/README.md, "Where the fake and soketi differ"), so only the channel's presence in the list is checked.
    expect(Object.keys(state.channels)).toEqual([CHAT_CHANNEL]);
    expect(state.users.map((user: { id: string }) => user.id).sort()).toEqual([alice.user.id, bob.user.id].sort());

    // soketi sends webhooks on its own schedule: wait until both joins have come back.
    await vi.waitFor(
      async () => {
        const { webhooks } = (await (await fetch(`${demo.url}/api/webhooks`)).json()) as { webhooks: LoggedWebhook[] };
        const joined = webhooks
          .filter((entry) => entry.event.name === "member_added")
          .map((entry) => (entry.event as { user_id: string }).user_id);
        expect(joined).toEqual(expect.arrayContaining([alice.user.id, bob.user.id]));
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(errors).toEqual([]);
  });
});

describe("startDemo", () => {
  it("listens on another port when the one asked for is taken, and stop() ends the embedded soketi", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const takenPort = (blocker.address() as { port: number }).port;
    const second = await startDemo({ port: takenPort }).finally(() => blocker.close());
    try {
      expect(new URL(second.url).port).not.toBe(String(takenPort));
      expect((await fetch(second.url)).status).toBe(200);
    } finally {
      await second.stop();
    }
    const soketiPid = second.localPusher!.nodes[0]!.pid;
    expect(() => process.kill(soketiPid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
    await expect(fetch(second.url)).rejects.toThrow();
  });

  it("startDemo({ pusherEnv }) talks to the app PUSHER_URL names, starts no server of its own, and leaves that app's server running", async () => {
    const external = await startLocalPusher(soketiInstall);
    try {
      const { key, port } = external.config;
      const other = await startDemo({ port: 0, pusherEnv: { PUSHER_URL: external.url } });
      try {
        expect(other.localPusher).toBeUndefined();
        const config = await (await fetch(`${other.url}/api/config`)).json();
        expect(config.connection).toMatchObject({ key, wsHost: "127.0.0.1", wsPort: port, forceTLS: false });
        const state = await (await fetch(`${other.url}/api/state`)).json();
        expect(state).toEqual({ channels: {}, users: [] });
      } finally {
        await other.stop();
      }
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("OK");
    } finally {
      await external.close();
    }
  });
});
