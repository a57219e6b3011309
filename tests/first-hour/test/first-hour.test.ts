// The first hour of a new user, mistake by mistake, through the built packages: each test makes
// the mistake as a newcomer would and checks that the message names the fix.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAuthHandler } from "@x/auth";
import { createPublisher, createRestClient } from "@x/rest";
import { Pusher } from "@x/server";
import Compat from "@x/server/compat";
import { startLocalPusher } from "@x/testing";
import { createWebhookHandler, verifyWebhook } from "@x/webhooks";
import { asLocalServer, soketiInstall, type LocalServer } from "tools-test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let soketi: LocalServer;
let plain: Server;
let tls: Server;
let hanging: Server;
let certificateDir: string;
const portOf = (server: Server): number => (server.address() as AddressInfo).port;

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** What `run` threw, or rejected with. */
async function failureOf(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  soketi = asLocalServer(await startLocalPusher(soketiInstall));
  certificateDir = mkdtempSync(join(tmpdir(), "first-hour-"));
  const file = (name: string): string => join(certificateDir, name);
  const subject = ["-subj", "/CN=127.0.0.1", "-keyout", file("key.pem"), "-out", file("cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", ...subject], { stdio: "pipe" });
  const answer = (_request: unknown, response: ServerResponse): void => {
    response.setHeader("content-type", "application/json");
    response.end('{"channels":{}}');
  };
  plain = await listen(createServer(answer));
  tls = await listen(createHttpsServer({ key: readFileSync(file("key.pem")), cert: readFileSync(file("cert.pem")) }, answer));
  hanging = await listen(createServer(() => undefined));
});

afterAll(async () => {
  for (const server of [plain, tls, hanging]) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(certificateDir, { recursive: true, force: true });
  await soketi.stop();
});

const app = () => ({ appId: soketi.appId, key: soketi.key, secret: soketi.secret });

describe("TLS to a local server", () => {
  it("new Pusher({ host: '127.0.0.1', port }) reaches a local soketi: loopback hosts default to plain HTTP", async () => {
    const pusher = new Pusher({ ...app(), host: "127.0.0.1", port: soketi.port });
    await expect(pusher.trigger("news", "hello", { text: "hi" })).resolves.toBeDefined();
    const local = Pusher.fromUrl(`http://${soketi.key}:${soketi.secret}@localhost:${soketi.port}/apps/${soketi.appId}`);
    await expect(local.fetchStateForChannels()).resolves.toBeDefined();
  });

  it("the compat class agrees: a loopback host is plain HTTP", async () => {
    const pusher = new Compat({ ...app(), host: "127.0.0.1", port: String(soketi.port) });
    expect(pusher.config.scheme).toBe("http");
    expect((await pusher.trigger("news", "hello", "hi")).status).toBe(200);
  });

  it("useTLS: true to a local soketi, which never answers a TLS handshake: the timeout says to set useTLS: false", async () => {
    const pusher = new Pusher({ ...app(), host: "127.0.0.1", port: soketi.port, useTLS: true, timeout: 500, retry: false });
    const error = await failureOf(() => pusher.fetchStateForChannels());
    expect(error.message).toContain(
      `timed out after 500 ms: the server at 127.0.0.1:${soketi.port} may speak plain HTTP: set useTLS: false`,
    );
  });

  it("useTLS: true to a plain-HTTP server fails at once: set useTLS: false", async () => {
    const pusher = new Pusher({ ...app(), host: "127.0.0.1", port: portOf(plain), useTLS: true });
    const started = Date.now();
    const error = await failureOf(() => pusher.fetchStateForChannels());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toContain(`the server at 127.0.0.1:${portOf(plain)} speaks plain HTTP: set useTLS: false`);
  });

  it("plain HTTP to a TLS server fails at once: set useTLS: true", async () => {
    const pusher = new Pusher({ ...app(), host: "127.0.0.1", port: portOf(tls) });
    const error = await failureOf(() => pusher.fetchStateForChannels());
    expect(error.message).toContain(`the server at 127.0.0.1:${portOf(tls)} may expect TLS: set useTLS: true`);
  });
});

describe("messages that say what to do", () => {
  it("a wrong secret against soketi (HTTP 200 with an error): the server's own code first", async () => {
    const pusher = new Pusher({ ...app(), secret: "not-the-secret", host: "127.0.0.1", port: soketi.port });
    const error = await failureOf(() => pusher.trigger("news", "hello", "hi"));
    expect(error.message).toMatch(/^POST \/apps\/\S+\/events failed: 401 The secret authentication failed \(answered with HTTP 200\)$/);
  });

  it("the compat RequestError keeps the official message as a prefix, the reason after it", async () => {
    const pusher = new Compat({ ...app(), secret: "not-the-secret", host: "127.0.0.1", port: String(soketi.port) });
    const error = await failureOf(() => pusher.trigger("news", "hello", "hi"));
    expect(error.message).toMatch(/^Request failed with an error: POST \S+ failed: 401 The secret authentication failed/);
    expect(error.message).not.toContain("not-the-secret");
  });

  const shape = ": expected https://KEY:SECRET@HOST[:PORT]/apps/APP_ID";
  it.each([
    ["no URL at all", "api-eu.pusher.com", "url is not a URL"],
    ["an ftp: scheme", "ftp://key:s3cret@api-eu.pusher.com/apps/1", "url must start with https:// or http://"],
    ["no secret", "https://key@api-eu.pusher.com/apps/1", "url has no secret"],
    ["no credentials", "https://api-eu.pusher.com/apps/1", "url has no key and secret"],
    ["no /apps/<id>", "https://key:s3cret@api-eu.pusher.com/", "url has no /apps/APP_ID path"],
  ])("Pusher.fromUrl with %s says which part is wrong", async (_, url, words) => {
    const error = await failureOf(() => Pusher.fromUrl(url));
    expect(error.message).toBe(words + shape);
    expect(error.message).not.toContain("s3cret");
  });

  it("compat's forURL uses the same words", async () => {
    expect((await failureOf(() => Compat.forURL("api-eu.pusher.com"))).message).toBe(`url is not a URL${shape}`);
  });

  it("a GET that times out after its retries says it was the last of its attempts", async () => {
    const pusher = new Pusher({ ...app(), host: "127.0.0.1", port: portOf(hanging), timeout: 300, retry: { backoffLimit: 1 } });
    const error = await failureOf(() => pusher.fetchStateForChannels());
    expect(error.message).toMatch(/ timed out after 300 ms \(the last of 3 attempts\)$/);
  });

  it("the users of a channel that is not a presence channel: the message names the method called", async () => {
    const pusher = new Pusher({ ...app(), host: "127.0.0.1", port: soketi.port });
    const error = await failureOf(() => pusher.fetchUsersFromPresenceChannel("news"));
    expect(error.message).toContain("fetchUsersFromPresenceChannel()");
  });
});

describe("a misspelt option names the option meant", () => {
  const credentials = { key: "key", secret: "s3cret" };
  it.each([
    ["new Pusher", () => new Pusher({ appId: "1", ...credentials, timout: 5 } as never), "timout", "timeout"],
    ["createRestClient", () => createRestClient({ appId: "1", ...credentials, useTls: false } as never), "useTls", "useTLS"],
    [
      "createAuthHandler",
      () => createAuthHandler({ ...credentials, onChannelAuth: () => true } as never),
      "onChannelAuth",
      "onChannelAuthorization",
    ],
    [
      "createWebhookHandler",
      () => createWebhookHandler({ credentials, onEvents: () => undefined, maxAge: 1 } as never),
      "maxAge",
      "maxAgeMs",
    ],
    ["verifyWebhook", () => verifyWebhook(credentials, { body: "{}", signature: "" }, { maxAgeMS: 1 } as never), "maxAgeMS", "maxAgeMs"],
    [
      "createPublisher",
      () => createPublisher(createRestClient({ appId: "1", ...credentials }), { maxBatch: 5 } as never),
      "maxBatch",
      "maxBatchSize",
    ],
  ])("%s", async (_, run, option, near) => {
    const error = await failureOf(run);
    expect(error).toMatchObject({ name: "PusherConfigError", option });
    expect(error.message).toBe(`unknown option \`${option}\`: did you mean \`${near}\`?`);
  });

  it("the compat class ignores unknown keys, as the official package does", () => {
    expect(() => new Compat({ appId: "1", ...credentials, timout: 5 } as never)).not.toThrow();
  });
});
