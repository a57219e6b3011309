import { createServer, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestClient, isPusherConfigError, isPusherNetworkError, isPusherTimeoutError } from "../../src/index.js";
import { makeTestCertificates, type TestCertificates } from "./support/test-certificates.js";

// A newcomer's first hour against a local server: the scheme a loopback host defaults to, the
// error that names useTLS when the scheme and the server disagree, a timeout that counts its
// attempts, a misspelt option. Real sockets: a plain node:http server and an https one.

const CREDENTIALS = { appId: "1", key: "key", secret: "secret-1f2e" };
let certificates: TestCertificates;
let plain: Server;
let tls: Server;
let hanging: Server;
const portOf = (server: Server): number => (server.address() as AddressInfo).port;

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

beforeAll(async () => {
  certificates = makeTestCertificates();
  const answer = (_request: unknown, response: ServerResponse): void => {
    response.setHeader("content-type", "application/json");
    response.end('{"channels":{}}');
  };
  plain = await listen(createServer(answer));
  tls = await listen(createHttpsServer({ key: readFileSync(certificates.keyPath), cert: readFileSync(certificates.certPath) }, answer));
  // Accepts, never answers.
  hanging = await listen(createServer(() => undefined));
});

afterAll(() => {
  for (const server of [plain, tls, hanging]) server.closeAllConnections?.();
  for (const server of [plain, tls, hanging]) server.close();
  certificates.remove();
});

describe("a local server", () => {
  it("a loopback host without useTLS is plain HTTP: the call to a plain server works", async () => {
    for (const host of ["127.0.0.1", "localhost"]) {
      await expect(createRestClient({ ...CREDENTIALS, host, port: portOf(plain) }).channels()).resolves.toEqual({ channels: {} });
    }
  });

  it("useTLS: true to a plain-HTTP server fails at once, saying to set useTLS: false", async () => {
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port: portOf(plain), useTLS: true, retry: false });
    const started = Date.now();
    const error = await client.channels().catch((failure: unknown) => failure);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(isPusherNetworkError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      new RegExp(`: the server at 127\\.0\\.0\\.1:${portOf(plain)} speaks plain HTTP: set useTLS: false$`),
    );
  });

  it("plain HTTP to a TLS server fails at once, saying to set useTLS: true", async () => {
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port: portOf(tls), retry: false });
    const error = await client.channels().catch((failure: unknown) => failure);
    expect(isPusherNetworkError(error)).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`the server at 127\\.0\\.0\\.1:${portOf(tls)} may expect TLS: set useTLS: true$`));
    expect((error as Error).message).not.toContain(CREDENTIALS.secret);
  });

  it("a GET that times out on every attempt says it was the last of them", async () => {
    const retry = { limit: 2, backoffLimit: 1 };
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port: portOf(hanging), timeout: 150, retry });
    const error = await client.channels().catch((failure: unknown) => failure);
    expect(isPusherTimeoutError(error)).toBe(true);
    expect((error as Error).message).toMatch(/ timed out after 150 ms \(the last of 3 attempts\)$/);
    const once = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port: portOf(hanging), timeout: 150, retry: false });
    expect(((await once.channels().catch((failure: unknown) => failure)) as Error).message).toMatch(/ timed out after 150 ms$/);
  });
});

describe("a misspelt option is refused, naming the closest known one", () => {
  it.each([
    [{ timout: 5 }, "timout", "unknown option `timout`: did you mean `timeout`?"],
    [{ useTls: false }, "useTls", "unknown option `useTls`: did you mean `useTLS`?"],
    [{ retry: { limt: 1 } }, "retry.limt", "unknown option `retry.limt`: did you mean `retry.limit`?"],
    [{ hooks: { onRequets: () => undefined } }, "hooks.onRequets", "unknown option `hooks.onRequets`: did you mean `hooks.onRequest`?"],
  ])("createRestClient(%j)", (options, option, message) => {
    let error: unknown;
    try {
      createRestClient({ ...CREDENTIALS, ...options } as never);
    } catch (failure) {
      error = failure;
    }
    expect(isPusherConfigError(error)).toBe(true);
    expect(error).toMatchObject({ option, message });
  });

  it("a call's options and a publisher's too", async () => {
    const client = createRestClient({ ...CREDENTIALS, fetch: () => Promise.resolve(Response.json({})) });
    const trigger = client.trigger("chat", "message", "hi", { socket_id: "1.1" } as never);
    await expect(trigger).rejects.toThrow("unknown option `socket_id`: did you mean `socketId`?");
    const { createPublisher } = await import("../../src/index.js");
    expect(() => createPublisher(client, { maxDelay: 5 } as never)).toThrow("unknown option `maxDelay`: did you mean `maxDelayMs`?");
  });
});
