import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { connectClient, freePort, startNodeProcess, SubscriptionError, type NodeProcess, type TestClient } from "tools-test-support";
import { nodeBinary, npmInstall, SUPPORTED_NODE_MAJORS } from "tests-runtime";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatBytes, installedFootprint, type InstalledFootprint } from "../src/installed-footprint.js";
import { extractTypeScriptBlocks } from "../src/readme-blocks.js";

const packed = inject("packed");
const server = inject("pusherServer");
const dir = join(inject("scratchDir"), "auth-only");
const SERVICE_PACKAGES = ["@x/auth", "@x/signing", "@x/types"];

let alone: InstalledFootprint;

/**
 * The auth service exactly as @x/auth's README shows it (the README of the installed tarball):
 * its `createAuthHandler` block, then its `node:http` block (with @x/auth's own `toNodeHandler`). The README leaves two things
 * to the reader, supplied here: `sessionUser` (the user is named in an `x-user-id` header) and
 * the port (`PORT`, on loopback, instead of 3000 on every interface).
 */
async function serviceSource(): Promise<string> {
  const readme = await readFile(join(dir, "node_modules", "@x", "auth", "README.md"), "utf8");
  const blocks = extractTypeScriptBlocks(readme, "@x/auth README.md");
  const handler = blocks.find((block) => block.code.includes("export const pusherAuth = createAuthHandler({"));
  const node = blocks.find((block) => block.code.includes("createServer(toNodeHandler(pusherAuth))"));
  if (!handler || !node) throw new Error("@x/auth's README no longer has the handler and Node blocks this test runs");
  const listen = ".listen(3000);";
  if (!node.code.includes(listen)) throw new Error(`the README's Node block no longer ends with ${listen}`);
  return [
    "// The app's own session lookup, which the README leaves to the reader.",
    "async function sessionUser(request: Request) {",
    '  const id = request.headers.get("x-user-id");',
    "  return id ? { id, name: `User ${id}`, isAdmin: false } : undefined;",
    "}",
    handler.code,
    node.code.replace(listen, '.listen(Number(process.env.PORT), "127.0.0.1");'),
    "",
  ].join("\n");
}

beforeAll(async () => {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "auth-only-service", private: true, type: "module" }, null, 2)}\n`);
  await npmInstall(
    dir,
    packed.filter((pkg) => SERVICE_PACKAGES.includes(pkg.name)),
    { node: nodeBinary(22) },
  );
  alone = installedFootprint(dir);
  await writeFile(join(dir, "service.ts"), await serviceSource());
  console.log(
    `auth-only install (npm install @x/auth): ${alone.packages.length} packages, ${formatBytes(alone.bytes)} — ${alone.packages.join(", ")}`,
  );
}, 120_000);

describe("the auth-only service, installed alone", () => {
  it("installs @x/auth, @x/signing, @x/types, @noble/hashes, @noble/ciphers and @standard-schema/spec, and no HTTP client", () => {
    expect(alone.packages.map((entry) => entry.slice(0, entry.lastIndexOf("@")))).toEqual([
      "@noble/ciphers",
      "@noble/hashes",
      // Types only (no code): @x/types' event contracts are written with them.
      "@standard-schema/spec",
      "@x/auth",
      "@x/signing",
      "@x/types",
    ]);
    expect(alone.bytes).toBeGreaterThan(0);
    expect(alone.packages.some((entry) => entry.startsWith("ky@") || entry.startsWith("@x/rest@"))).toBe(false);
  });

  for (const major of SUPPORTED_NODE_MAJORS) {
    describe(`runs the README's code on Node ${major}`, () => {
      let service: NodeProcess | undefined;
      let output = "";
      let client: TestClient | undefined;

      beforeAll(async () => {
        const port = await freePort();
        // A process of its own that cannot outlive the test run, however the run ends.
        service = startNodeProcess(join(dir, "service.ts"), [], {
          cwd: dir,
          env: { ...process.env, PORT: String(port), PUSHER_KEY: server.key, PUSHER_SECRET: server.secret },
          node: nodeBinary(major),
        });
        service.child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
        service.child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
        const endpoint = `http://127.0.0.1:${port}/pusher/auth`;
        await waitUntilAnswering(endpoint, service, () => output);
        client = await connectClient(server, {
          channelAuthorization: { endpoint, transport: "ajax", headers: { "x-user-id": "42" } },
        });
      }, 60_000);

      afterAll(async () => {
        await client?.disconnect();
        await service?.stop();
      });

      it("authorizes a private channel that pusher-js then subscribes to on a real server", async () => {
        await expect(client?.subscribe("private-orders")).resolves.toMatchObject({ name: "private-orders" });
      });

      it("authorizes a presence channel with the member's user_info from the session", async () => {
        const channel = await client?.subscribe("presence-room");
        const me = (channel as unknown as { members: { me: { id: string; info: unknown } } }).members.me;
        expect(me).toEqual({ id: "42", info: { name: "User 42" } });
      });

      it("refuses private-admin to a user who is not an admin: pusher-js gets a 403", async () => {
        const refusal = client?.subscribe("private-admin");
        await expect(refusal).rejects.toBeInstanceOf(SubscriptionError);
        await expect(refusal).rejects.toMatchObject({ status: 403 });
      });
    });
  }
});

/** Resolves once the service answers on its endpoint (a GET gets its 405); rejects if it exits first. */
async function waitUntilAnswering(endpoint: string, { child }: NodeProcess, output: () => string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the service exited (${child.signalCode ?? child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(endpoint)).status === 405) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the service did not answer within 30 s:\n${output()}`);
}
