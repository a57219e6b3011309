import { afterEach, describe, expect, it } from "vitest";
import { startLocalCluster, startLocalServer, type LocalServer } from "../src/index.ts";
import { childPids, isRunning } from "../src/child-pids.ts";
import { connectionRefused } from "./support/connection-refused.ts";
import { trigger } from "./support/trigger.ts";

describe("startLocalServer", () => {
  const started: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.stop()));
  });

  it("startLocalServer() serves GET / with OK, and stop() closes the port and ends the process", async () => {
    const server = await startLocalServer();
    started.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("OK");

    await server.stop();
    expect(await connectionRefused(server.port)).toBe(true);
    expect(isRunning(server.pid)).toBe(false);
  });

  it("startLocalServer() twice runs two servers at once, on different ports", async () => {
    const [first, second] = await Promise.all([
      startLocalServer(),
      startLocalServer({ appId: "second-app", key: "second-key", secret: "second-secret" }),
    ]);
    started.push(first, second);
    expect(first.port).not.toBe(second.port);
    expect(first.pid).not.toBe(second.pid);
    expect(second).toMatchObject({ appId: "second-app", key: "second-key", secret: "second-secret" });
    const answers = await Promise.all([first, second].map(async (server) => (await fetch(`${server.url}/`)).text()));
    expect(answers).toEqual(["OK", "OK"]);
  });

  it("stop() resolves when called twice, and after the process has crashed", async () => {
    const server = await startLocalServer();
    started.push(server);
    process.kill(server.pid, "SIGKILL");
    await expect(server.stop()).resolves.toBeUndefined();
    await expect(server.stop()).resolves.toBeUndefined();
    expect(isRunning(server.pid)).toBe(false);
  });

  it("startLocalServer() rejects with soketi's last output, secret redacted, and leaves no process when soketi exits early", async () => {
    const before = await childPids();
    // A TLS certificate that does not exist makes soketi fail while it builds its app; debug mode
    // makes it print its whole configuration, secret included, first.
    const failure = startLocalServer({
      secret: "do-not-print-me",
      env: { SOKETI_SSL_CERT: "/nonexistent/cert.pem", SOKETI_SSL_KEY: "/nonexistent/key.pem", SOKETI_DEBUG: "true" },
    });
    const error = await failure.then(
      () => expect.fail("soketi started with a missing certificate"),
      (reason: unknown) => reason as Error,
    );
    expect(error.message).toMatch(/^soketi exited \(code \d+\) before it was ready\. Its last output:\n/);
    expect(error.message).toContain("App construction failed");
    expect(error.message).not.toContain("do-not-print-me");
    expect(await childPids()).toEqual(before);
  });

  it("startLocalServer() rejects and kills soketi when it is not up within startTimeoutMs", async () => {
    const before = await childPids();
    await expect(startLocalServer({ startTimeoutMs: 1 })).rejects.toThrow(/^soketi did not start within 1 ms/);
    expect(await childPids()).toEqual(before);
  });

  it("startLocalServer() rejects env variables that are not SOKETI_* or that it sets itself", async () => {
    await expect(startLocalServer({ env: { NODE_OPTIONS: "--inspect" } })).rejects.toThrow(
      "env may only hold SOKETI_* variables, got NODE_OPTIONS",
    );
    await expect(startLocalServer({ env: { SOKETI_PORT: "6001" } })).rejects.toThrow(
      "env may not set SOKETI_PORT: startLocalServer sets it",
    );
  });

  it("startLocalServer() and startLocalCluster() refuse a webhook URL off this machine's loopback interface, starting nothing", async () => {
    const before = await childPids();
    const refused = ["http://example.com/hooks", "https://10.0.0.1/hooks", "http://127.0.0.1.example.com/", "file:///etc/passwd", "not a url"];
    for (const url of refused) {
      const webhooks = [{ url, event_types: ["channel_occupied"] }];
      const message = `webhooks[0].url must be an http(s) URL on 127.0.0.1, localhost or [::1], got ${JSON.stringify(url)}`;
      await expect(startLocalServer({ webhooks })).rejects.toThrow(message);
      await expect(startLocalCluster({ webhooks })).rejects.toThrow(message);
    }
    expect(await childPids()).toEqual(before);
  });

  it("startLocalServer({ env }) passes SOKETI_* variables to soketi", async () => {
    // soketi allows 100 KB payloads by default; this server is told to allow 1 KB.
    const server = await startLocalServer({ env: { SOKETI_EVENT_MAX_SIZE_IN_KB: "1" } });
    started.push(server);
    const small = await trigger(server, { name: "sized", channels: ["limits"], data: "x".repeat(500) });
    const large = await trigger(server, { name: "sized", channels: ["limits"], data: "x".repeat(2_000) });
    expect(await small.json()).toEqual({ ok: true });
    // soketi reports this refusal in the body of an HTTP 200 (see tools/local-server/README.md).
    expect(await large.json()).toEqual({ error: "The event data should be less than 1 KB.", code: 413 });
  });
});
