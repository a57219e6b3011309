import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalPusher } from "@x/testing";
import { asLocalServer, connectClient, soketiInstall, type LocalServer, type TestClient } from "tools-test-support";
import { bundleWorker, createUserProject, removeUserProject, serveWorker, type ServedWorker, type UserProject } from "tests-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The example Worker under workerd, bundled as wrangler bundles it from a project that installed
// @x/auth and @x/rest as published, against a real Pusher-compatible server and a real pusher-js
// client: the auth endpoint must satisfy the server, and the events it triggers must arrive.

const wrangler = JSON.parse(readFileSync(new URL("../wrangler.json", import.meta.url), "utf8")) as {
  compatibility_date: string;
  compatibility_flags?: string[];
};
const VARIANTS = [
  { name: "as configured in wrangler.json (nodejs_compat on by default)", flags: wrangler.compatibility_flags ?? [] },
  { name: "without nodejs_compat", flags: ["no_nodejs_compat", "no_nodejs_compat_v2"] },
];

let server: LocalServer;
let project: UserProject;
let workerCode: string;

beforeAll(async () => {
  server = asLocalServer(await startLocalPusher(soketiInstall));
  project = await createUserProject({ sources: { worker: fileURLToPath(new URL("../src/", import.meta.url)) } });
  workerCode = (await bundleWorker(project.dir, { file: join(project.dir, "worker", "worker.ts") })).code;
});

afterAll(async () => {
  await server?.stop();
  if (project) await removeUserProject(project);
});

const formPost = (form: string) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: form,
});

describe.each(VARIANTS)("the Cloudflare Worker example $name", ({ flags }) => {
  let worker: ServedWorker;
  let client: TestClient | undefined;

  beforeAll(async () => {
    worker = await serveWorker({
      code: workerCode,
      compatibilityDate: wrangler.compatibility_date,
      compatibilityFlags: flags,
      bindings: {
        PUSHER_APP_ID: server.appId,
        PUSHER_KEY: server.key,
        PUSHER_SECRET: server.secret,
        PUSHER_HOST: "127.0.0.1",
        PUSHER_PORT: String(server.port),
        PUSHER_USE_TLS: "false",
      },
    });
  });

  afterAll(async () => {
    await client?.disconnect();
    await worker?.stop();
  });

  it("authorizes a pusher-js subscription through /pusher/auth and delivers a message posted to /messages", async () => {
    client = await connectClient(server, { channelAuthorization: { endpoint: `${worker.url}/pusher/auth`, transport: "ajax" } });
    await client.subscribe("private-chat-room");
    const received = client.waitForEvent("private-chat-room", "message");
    const response = await fetch(`${worker.url}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "private-chat-room", text: "hello from the edge" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: true });
    expect(await received).toEqual({ text: "hello from the edge" });
  });

  it("answers /pusher/auth with 403 for a channel outside the chat", async () => {
    const response = await fetch(`${worker.url}/pusher/auth`, formPost("socket_id=123.456&channel_name=private-admin"));
    await response.body?.cancel();
    expect(response.status).toBe(403);
  });

  it("answers /messages with 400 for an invalid channel name and 403 for a channel outside the chat", async () => {
    const post = (channel: string) =>
      fetch(`${worker.url}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel, text: "x" }),
      });
    const invalid = await post("private-chat-bad name!");
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: expect.stringContaining("private-chat-bad name!") });
    const outside = await post("private-admin");
    await outside.body?.cancel();
    expect(outside.status).toBe(403);
  });
});
