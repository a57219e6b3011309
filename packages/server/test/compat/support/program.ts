// One application written against the official `pusher` package's API, parameterized by the
// class only: `same-program.test.ts` runs it once with `pusher` and once with
// `@x/server/compat`, as if its `import Pusher from "pusher"` line had been changed. It is an
// auth endpoint for real pusher-js clients (private, presence, encrypted channels, user
// sign-in), a publisher (trigger to one and several channels, with socket exclusion, `info`,
// encrypted data, batches, sendToUser), an API client (get, post, a signed query string used by
// hand), a moderator (terminateUserConnections), and a webhook receiver (the real webhooks the
// server sends). It returns every value it got back, and what every client received.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { LocalServer, TestClient } from "tools-test-support";
import type Compat from "../../../src/compat/index.js";
import { connectSigningClient, nextStateAfterConnected, signIn, waitFor } from "../../support/pusher-js-clients.js";

/** A webhook as a Node app receives it. */
interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** What a run gives back: the program's values in order, and what each client received. */
export interface ProgramRun {
  values: [label: string, value: unknown][];
  received: Record<string, unknown[]>;
}

export const MASTER_KEY_BASE64 = Buffer.from("this is 32 bytes of a master key").toString("base64");
export const OCCUPIED_CHANNELS = ["news", "private-orders", "presence-room", "private-encrypted-secrets"];

/** A webhook receiver on loopback: soketi posts its webhooks here; the program reads them. */
export async function startWebhookReceiver(): Promise<{ url: string; webhooks: ReceivedWebhook[]; stop(): Promise<void> }> {
  const webhooks: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      webhooks.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    webhooks,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * What a thrown or rejected error tells the program: which class it is (as the program can
 * tell, with `instanceof`), its message and fields; the query of a signed URL changes with
 * every request, so only the rest of the URL is kept.
 */
function described(error: unknown, Pusher: typeof Compat): unknown {
  const { message, status, body, url } = error as Record<string, unknown>;
  const kind = error instanceof Pusher.RequestError ? "RequestError" : error instanceof Error ? "Error" : typeof error;
  return { threw: { kind, message, status, body, url: typeof url === "string" ? url.split("?")[0] : url } };
}

/**
 * Runs the application with `Pusher` (the official class or the compat one) against `soketi`,
 * whose webhooks arrive in `webhooks`. Every client it connects is disconnected before it returns.
 */
export async function runProgram(Pusher: typeof Compat, soketi: LocalServer, webhooks: ReceivedWebhook[]): Promise<ProgramRun> {
  const values: [string, unknown][] = [];
  const record = (label: string, value: unknown) => values.push([label, value]);
  const recordCall = async (label: string, call: () => Promise<Compat.Response>) => {
    try {
      const response = await call();
      record(label, { status: response.status, body: await response.text() });
    } catch (error) {
      record(label, described(error, Pusher));
    }
  };
  const recordParsed = async (
    label: string,
    call: () => Promise<Compat.Response>,
    normalize: (body: never) => unknown = (body) => body,
  ) => {
    const response = await call();
    record(label, { status: response.status, body: normalize((await response.json()) as never) });
  };
  const recordThrow = (label: string, call: () => unknown) => {
    try {
      record(label, { value: call() });
    } catch (error) {
      record(label, described(error, Pusher));
    }
  };

  // The application, as its README would configure it.
  const pusher = new Pusher({
    appId: soketi.appId,
    key: soketi.key,
    secret: soketi.secret,
    host: "127.0.0.1",
    port: String(soketi.port),
    useTLS: false,
    encryptionMasterKeyBase64: MASTER_KEY_BASE64,
  });

  // Its auth endpoint, for pusher-js's custom handlers: the JSON an endpoint would send.
  const clients: TestClient[] = [];
  const connect = async (userId: string) => {
    const client = await connectSigningClient(soketi, {
      channel: (socketId, channelName) =>
        pusher.authorizeChannel(
          socketId,
          channelName,
          channelName.startsWith("presence-") ? { user_id: userId, user_info: { name: userId.toUpperCase() } } : undefined,
        ),
      user: (socketId) => pusher.authenticateUser(socketId, { id: userId, user_info: { role: "tester" } }),
    });
    clients.push(client);
    return client;
  };

  try {
    // Values that depend on no connection: the same inputs must give the same outputs.
    recordThrow("authorizeChannel private", () => pusher.authorizeChannel("123.456", "private-orders"));
    recordThrow("authorizeChannel presence", () =>
      pusher.authorizeChannel("123.456", "presence-room", { user_id: "ada", user_info: { name: "Ada" } }),
    );
    recordThrow("authorizeChannel encrypted", () => pusher.authorizeChannel("123.456", "private-encrypted-secrets"));
    recordThrow("authenticate (deprecated)", () => pusher.authenticate("123.456", "private-orders"));
    recordThrow("authenticateUser", () => pusher.authenticateUser("123.456", { id: "ada", watchlist: ["bob"] }));
    recordThrow("authorizeChannel with a bad socket id", () => pusher.authorizeChannel("123.456:", "private-orders"));
    recordThrow("trigger to a bad channel name", () => pusher.trigger("bad channel", "e", {}));
    recordThrow("channelSharedSecret", () => Buffer.from(pusher.channelSharedSecret("private-encrypted-secrets")).toString("base64"));

    // Two subscribers and two signed-in users; a third user to disconnect.
    const alice = await connect("alice");
    const bob = await connect("bob");
    const received: Record<string, unknown[]> = { alice: [], bob: [] };
    for (const [name, client] of [
      ["alice", alice],
      ["bob", bob],
    ] as const) {
      for (const channelName of OCCUPIED_CHANNELS) {
        const channel = await client.subscribe(channelName);
        channel.bind_global((event: string, data: unknown) => {
          // Member events name the other connection's user, which is the same in both runs.
          received[name]!.push({ channel: channelName, event, data });
        });
      }
      await signIn(client);
      client.pusher.user.bind("notification", (data: unknown) => received[name]!.push({ user: "notification", data }));
    }

    // Triggers, in order: each answer is recorded, and each event reaches the clients.
    await recordCall("trigger object", () => pusher.trigger("news", "published", { title: "hello", tags: ["a", "b"] }));
    await recordCall("trigger string", () => pusher.trigger("news", "published", "plain text, ł€"));
    await recordCall("trigger several channels", () => pusher.trigger(["news", "private-orders"], "updated", { id: 7 }));
    await recordCall("trigger excluding alice", () => pusher.trigger("news", "excluded", { from: "alice" }, { socket_id: alice.socketId }));
    await recordCall("trigger with info", () => pusher.trigger("presence-room", "counted", 1, { info: "user_count,subscription_count" }));
    await recordCall("trigger encrypted string", () => pusher.trigger("private-encrypted-secrets", "secret", "a secret string"));
    await recordCall("trigger encrypted object", () =>
      pusher.trigger("private-encrypted-secrets", "secret", { pin: 1234, nested: { ok: true } }),
    );
    await recordCall("triggerBatch", () =>
      pusher.triggerBatch([
        { channel: "news", name: "batched", data: { n: 1 } },
        { channel: "private-encrypted-secrets", name: "batched", data: "encrypted in a batch" },
        { channel: "private-orders", name: "batched", data: "n=3", socket_id: bob.socketId },
      ]),
    );
    await recordCall("sendToUser", () => pusher.sendToUser("bob", "notification", { text: "hi bob" }));
    recordThrow("trigger encrypted to several channels", () => pusher.trigger(["private-encrypted-secrets", "news"], "e", 1));

    // Queries.
    await recordParsed("get /channels", () => pusher.get({ path: "/channels" }));
    await recordParsed("get /channels presence-", () =>
      pusher.get({ path: "/channels", params: { filter_by_prefix: "presence-", info: "user_count" } }),
    );
    await recordParsed("get /channels/presence-room", () =>
      pusher.get({ path: "/channels/presence-room", params: { info: "user_count" } }),
    );
    await recordParsed(
      "get users",
      () => pusher.get({ path: "/channels/presence-room/users" }),
      (body: { users: { id: string }[] }) => body.users.map((user) => user.id).sort(),
    );
    await recordCall("post /events", () =>
      pusher.post({ path: "/events", body: { name: "posted", channels: ["news"], data: "by post" } } as never),
    );
    await recordCall("get a missing channel's users", () => pusher.get({ path: "/channels/news/users" }));
    await recordCall("get an unknown path", () => pusher.get({ path: "/nothing/here" }));
    await recordCall("trigger too large for the server", () => pusher.trigger("news", "huge", "x".repeat(150_000)));
    await recordCall("trigger with a wrong secret", () =>
      new Pusher({
        appId: soketi.appId,
        key: soketi.key,
        secret: "wrong",
        host: "127.0.0.1",
        port: String(soketi.port),
        useTLS: false,
      }).trigger("news", "e", 1),
    );

    // A signed query string, used by hand.
    const path = `/apps/${soketi.appId}/channels`;
    const byHand = await fetch(`${soketi.url}${path}?${pusher.createSignedQueryString({ method: "GET", path })}`);
    record("createSignedQueryString used by hand", { status: byHand.status, body: (await byHand.json()) as unknown });

    // A last event, so that everything before it has arrived when it has.
    await recordCall("trigger done", () => pusher.trigger("news", "done", {}));
    for (const name of ["alice", "bob"]) {
      await waitFor(
        () => (received[name]!.some((entry) => (entry as { event?: string }).event === "done") ? true : undefined),
        `${name}'s done event`,
        30_000,
      );
    }

    // Disconnect a user from the server side.
    const victim = await connect("victim");
    await signIn(victim);
    const disconnected = nextStateAfterConnected(victim);
    await recordCall("terminateUserConnections", () => pusher.terminateUserConnections("victim"));
    record("the victim's connection", await disconnected);

    // The webhooks the server sent about this run's channels: verified, then read.
    const verdicts = await waitFor(
      () => {
        const read = webhooks.map(({ headers, rawBody }) => {
          const webhook = pusher.webhook({ headers, rawBody });
          return {
            valid: webhook.isValid(),
            events: webhook.getEvents().map(({ name, channel }) => `${name} ${channel}`),
            time: webhook.getTime() instanceof Date,
          };
        });
        const occupied = new Set(read.filter((verdict) => verdict.valid).flatMap((verdict) => verdict.events));
        return OCCUPIED_CHANNELS.every((channelName) => occupied.has(`channel_occupied ${channelName}`)) ? read : undefined;
      },
      "the channel_occupied webhooks",
      30_000,
    );
    record(
      "webhooks: every one valid",
      verdicts.every((verdict) => verdict.valid && verdict.time),
    );
    record(
      "webhooks: occupied channels",
      [...new Set(verdicts.flatMap((verdict) => verdict.events))].filter((event) => !event.includes("#")).sort(),
    );
    const tampered = webhooks[0]!;
    record("webhook with a tampered body", pusher.webhook({ headers: tampered.headers, rawBody: `${tampered.rawBody} ` }).isValid());
    record(
      "webhook with another key",
      pusher.webhook({ headers: { ...tampered.headers, "x-pusher-key": "other" }, rawBody: tampered.rawBody }).isValid(),
    );
    record(
      "webhook with an extra token",
      pusher
        .webhook({ headers: { ...tampered.headers, "x-pusher-key": "other" }, rawBody: tampered.rawBody })
        .isValid({ key: "other", secret: soketi.secret }),
    );

    return { values, received };
  } finally {
    await Promise.all(clients.map((client) => client.disconnect()));
  }
}
