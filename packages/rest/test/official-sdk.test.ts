import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Pusher from "pusher";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRestClient, type RestClient } from "../src/index.js";
import { fixClock } from "./support/fixed-clock.js";
import { md5Of, signatureOf } from "./support/independent-signature.js";

// Differential tests against the official `pusher` package as an oracle: both SDKs send to the
// same local recording server at the same fixed time, and must produce the same requests.

interface Received {
  method: string;
  url: string;
  body: string;
}

const CREDENTIALS = { appId: "4", key: "differential-key", secret: "differential-secret" };
let server: Server;
let received: Received[] = [];
let official: Pusher;
let ours: RestClient;

function record(request: IncomingMessage, body: string): void {
  received.push({ method: request.method ?? "", url: request.url ?? "", body });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      record(request, body);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  official = new Pusher({ ...CREDENTIALS, host: "127.0.0.1", port: String(port), useTLS: false });
  ours = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false });
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  received = [];
  fixClock(1_700_000_000);
});

// The signed query without auth_signature, as the string to sign lists it (docs/protocol.md §2.2).
function signedQuery(url: string): string {
  return decodeURIComponent(url.slice(url.indexOf("?") + 1).replace(/&auth_signature=[0-9a-f]+$/, ""));
}

describe("the same calls as the official pusher SDK", () => {
  it.each<[string, (pusher: Pusher) => Promise<unknown>, (client: RestClient) => Promise<unknown>]>([
    ["channels()", (p) => p.get({ path: "/channels" }), (c) => c.channels()],
    [
      "channels({ filterByPrefix, info })",
      (p) => p.get({ path: "/channels", params: { filter_by_prefix: "presence-", info: "user_count" } }),
      (c) => c.channels({ filterByPrefix: "presence-", info: ["user_count"] }),
    ],
    [
      "channel(name, { info })",
      (p) => p.get({ path: "/channels/presence-room", params: { info: "user_count,subscription_count" } }),
      (c) => c.channel("presence-room", { info: ["user_count", "subscription_count"] }),
    ],
    ["users(presenceChannel)", (p) => p.get({ path: "/channels/presence-room/users" }), (c) => c.users("presence-room")],
  ])("%s sends the same signed GET", async (_, officialCall, ourCall) => {
    await officialCall(official);
    await ourCall(ours);

    expect(received).toHaveLength(2);
    // The official SDK leaves commas unescaped; this one percent-encodes every value on the wire
    // (docs/protocol.md §2.4). Servers decode before verifying, so the decoded requests must be equal.
    const [theirs, mine] = received.map((request) => ({ ...request, url: decodeURIComponent(request.url) }));
    expect(mine).toEqual(theirs);
  });

  it("trigger() sends the same event and a valid signature for its own exact body", async () => {
    await official.trigger(["a", "b"], "news", { id: 1 }, { socket_id: "1.2", info: "subscription_count" });
    await ours.trigger(["a", "b"], "news", { id: 1 }, { socketId: "1.2", info: ["subscription_count"] });

    const [theirs, mine] = received as [Received, Received];
    expect(JSON.parse(mine.body)).toEqual(JSON.parse(theirs.body));
    const query = signedQuery(mine.url);
    expect(query).toContain(`body_md5=${md5Of(mine.body)}`);
    expect(mine.url.endsWith(`&auth_signature=${signatureOf(CREDENTIALS.secret, "POST", "/apps/4/events", query)}`)).toBe(true);
  });

  it("triggerBatch() sends the same events", async () => {
    await official.triggerBatch([
      { channel: "a", name: "e", data: { n: 1 } },
      { channel: "b", name: "e", data: "text", socket_id: "1.2" },
    ]);
    await ours.triggerBatch([
      { channel: "a", name: "e", data: { n: 1 } },
      { channel: "b", name: "e", data: "text", socketId: "1.2" },
    ]);

    expect(JSON.parse(received[1]!.body)).toEqual(JSON.parse(received[0]!.body));
  });

  it("terminateUserConnections() and sendToUser() send the same requests", async () => {
    await official.terminateUserConnections("user-1");
    await ours.terminateUserConnections("user-1");
    await official.sendToUser("user-1", "notice", { text: "hi" });
    await ours.sendToUser("user-1", "notice", { text: "hi" });

    const [theirTerminate, ourTerminate, theirSend, ourSend] = received as [Received, Received, Received, Received];
    expect(ourTerminate).toEqual(theirTerminate);
    expect(JSON.parse(ourSend.body)).toEqual(JSON.parse(theirSend.body));
  });
});
