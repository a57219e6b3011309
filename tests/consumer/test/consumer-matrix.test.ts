import { sep } from "node:path";
import { connectClient, type TestClient } from "tools-test-support";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { notInWorkerd, PACKAGE_MANAGERS, type ConsumerProject, type PackageManager } from "../src/consumer-project.js";
import { matrixTable } from "../src/matrix-table.js";
import { CONSUMER_RUNTIMES, MODES, runConsumer, type ConsumerReport, type ConsumerRuntime, type Mode } from "../src/run-consumer.js";
import { runPool } from "../src/run-pool.js";
import { typecheckProject, type ProjectTypecheck } from "../src/typecheck-project.js";

const projects = inject("consumerProjects");
const packed = inject("packed");
const server = inject("pusherServer");
const specifiers = projects.npm.specifiers;
const CHANNEL = "consumer-matrix";
const EVENT_NAME = "consumer-triggered";
/** The packages whose check triggers an event that the pusher-js client below must receive. */
const TRIGGERING = new Set(["@x/rest", "@x/rest/otel", "@x/server", "@x/server/compat"]);
const RESOLUTIONS = ["nodenext", "bundler", "node10"] as const;
type Resolution = (typeof RESOLUTIONS)[number];

interface Cell {
  packageManager: PackageManager;
  runtime: ConsumerRuntime;
  mode: Mode;
}
const cells: Cell[] = PACKAGE_MANAGERS.flatMap((packageManager) =>
  CONSUMER_RUNTIMES.flatMap((runtime) => MODES.map((mode) => ({ packageManager, runtime, mode }))),
);
const cellName = ({ packageManager, runtime, mode }: Cell) => `${packageManager} ${runtime} ${mode}`;
const label = ({ packageManager, runtime }: Cell) => `${packageManager} ${runtime}`;

const reports = new Map<string, ConsumerReport | Error>();
const typechecks = new Map<string, ProjectTypecheck | Error>();
const received = new Set<string>();
let client: TestClient | undefined;

// Every consumer runs once, three at a time, while a real pusher-js client listens on the
// channel they trigger on; then the TypeScript users are compiled. The tests below read the
// outcomes, one test per module and consumer.
beforeAll(async () => {
  client = await connectClient(server);
  await client.subscribe(CHANNEL);
  client.pusher.channel(CHANNEL).bind(EVENT_NAME, (data: { consumer: string }) => received.add(data.consumer));
  await runPool(cells, 3, async (cell) => {
    const context = { label: label(cell), server, channel: CHANNEL, eventName: EVENT_NAME };
    try {
      reports.set(cellName(cell), await runConsumer(projects[cell.packageManager], cell.runtime, cell.mode, context));
    } catch (error) {
      reports.set(cellName(cell), error instanceof Error ? error : new Error(String(error)));
    }
  });
  for (const packageManager of PACKAGE_MANAGERS) {
    for (const resolution of RESOLUTIONS) {
      try {
        typechecks.set(`${packageManager} ${resolution}`, typecheckProject(projects[packageManager].dir, `tsconfig.${resolution}.json`));
      } catch (error) {
        typechecks.set(`${packageManager} ${resolution}`, error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}, 300_000);

afterAll(async () => {
  await client?.disconnect();
  const outcome = (cell: Cell, specifier: string) => {
    const report = reports.get(cellName(cell));
    return report === undefined
      ? undefined
      : !(report instanceof Error) && report.results.some((r) => r.specifier === specifier && r.passed);
  };
  const table = matrixTable(
    specifiers,
    (runtime, mode, specifier) =>
      runtime.startsWith("workerd") && notInWorkerd(specifier) !== undefined
        ? undefined
        : PACKAGE_MANAGERS.every((packageManager) => outcome({ packageManager, runtime, mode }, specifier)),
    [...RESOLUTIONS],
    (resolution, specifier) => {
      const files = typeFiles(specifier, resolution as Resolution);
      if (files.length === 0) return undefined;
      return PACKAGE_MANAGERS.every((packageManager) => {
        const result = typechecks.get(`${packageManager} ${resolution}`);
        return result !== undefined && !(result instanceof Error) && files.every((file) => !result.errors.has(file));
      });
    },
  );
  console.log(`Consumer matrix (npm and pnpm installs of the packed tarballs; each runtime: import / require):\n${table}`);
});

/**
 * The TypeScript users of a module: `types/<package>.mts` for `@x/<package>`, `types/<package>-<subpath>.mts`
 * for `@x/<package>/<subpath>` (and their `.cts` copies under nodenext); none for a manifest. Under
 * node10, only `@x/server/compat` (for apps migrating from `pusher`) has users: `node10/*.ts`.
 */
function typeFiles(specifier: string, resolution: Resolution): string[] {
  if (specifier.endsWith("/package.json")) return [];
  if (resolution === "node10") {
    return specifier === "@x/server/compat" ? ["node10/server-compat-star.ts", "node10/server-compat.ts"] : [];
  }
  const name = specifier.slice("@x/".length).replace(/\//g, "-");
  return resolution === "nodenext" ? [`types/${name}.mts`, `types/${name}.cts`] : [`types/${name}.mts`];
}

function reportOf(cell: Cell): ConsumerReport {
  const report = reports.get(cellName(cell));
  if (report === undefined) throw new Error(`${cellName(cell)} did not run`);
  if (report instanceof Error) throw report;
  return report;
}

/** What the runtime must say it is. */
const EXPECTED_VERSION: Record<ConsumerRuntime, RegExp> = {
  "node-22": /^node 22\./,
  "node-24": /^node 24\./,
  "node-26": /^node 26\./,
  bun: /^bun 1\.4\.4$/,
  deno: /^deno 2\.9\.6$/,
  workerd: /^workerd$/,
  "workerd-nodejs-compat": /^workerd$/,
};

/** The file a package's `exports` map gives a specifier under a mode, e.g. "@x/rest/dist/otel.cjs". */
function exportedFile(specifier: string, mode: Mode): string {
  const pkg = packed.find(({ name }) => specifier === name || specifier.startsWith(`${name}/`));
  if (pkg === undefined) throw new Error(`no packed package exports ${specifier}`);
  const target = pkg.manifest.exports?.[`.${specifier.slice(pkg.name.length)}`];
  const file = typeof target === "string" ? target : (target as Record<Mode, { default: string }> | undefined)?.[mode].default;
  if (file === undefined) throw new Error(`${pkg.name} exports nothing for ${specifier} under ${mode}`);
  return `${pkg.name}/${file.replace(/^\.\//, "")}`;
}

/** Where a runtime that runs files must have found a module: in the project, the file its `exports` give for the mode. */
function checkResolved(project: ConsumerProject, mode: Mode, specifier: string, resolved: string | undefined): void {
  const path = resolved?.replace(/^file:\/\//, "") ?? "";
  expect(path.startsWith(project.dir + sep), `${specifier} resolved to ${resolved}, outside the project`).toBe(true);
  expect(path.endsWith(`/node_modules/${exportedFile(specifier, mode)}`), `${specifier} resolved to ${resolved}`).toBe(true);
}

async function eventuallyReceived(consumer: string): Promise<boolean> {
  for (let waited = 0; waited < 10_000 && !received.has(consumer); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  return received.has(consumer);
}

for (const cell of cells)
  describe(`${cell.packageManager} install › ${cell.runtime} › ${cell.mode}`, () => {
    const inWorkerd = cell.runtime.startsWith("workerd");
    it(`runs in ${cell.runtime} and reports every documented module`, () => {
      const report = reportOf(cell);
      expect(report.version).toMatch(EXPECTED_VERSION[cell.runtime]);
      expect(report.results.map((result) => result.specifier)).toEqual(
        specifiers.filter((specifier) => !inWorkerd || notInWorkerd(specifier) === undefined),
      );
    });

    for (const specifier of specifiers) {
      const skipped = inWorkerd ? notInWorkerd(specifier) : undefined;
      if (skipped !== undefined) {
        it.skip(`${cell.mode} ${specifier} is not loaded in ${cell.runtime}: ${skipped}`, () => undefined);
        continue;
      }
      const triggers = TRIGGERING.has(specifier);
      const what = specifier.endsWith("/package.json")
        ? "reads the manifest"
        : `works as documented${triggers ? ", and its trigger reaches pusher-js" : ""}`;
      it(`${cell.mode} ${specifier} ${what}`, async () => {
        const result = reportOf(cell).results.find((candidate) => candidate.specifier === specifier);
        expect(result?.error).toBeUndefined();
        expect(result?.passed).toBe(true);
        if (!inWorkerd) checkResolved(projects[cell.packageManager], cell.mode, specifier, result?.resolved);
        if (triggers) {
          const consumer = `${label(cell)} ${cell.mode} ${specifier}`;
          expect(await eventuallyReceived(consumer), `the pusher-js client received the event of ${consumer}`).toBe(true);
        }
      });
    }
  });

for (const { packageManager, resolution } of PACKAGE_MANAGERS.flatMap((manager) =>
  RESOLUTIONS.map((r) => ({ packageManager: manager, resolution: r })),
)) {
  describe(`${packageManager} install › TypeScript, moduleResolution ${resolution}, strict`, () => {
    const result = () => {
      const outcome = typechecks.get(`${packageManager} ${resolution}`);
      if (outcome === undefined) throw new Error("not typechecked");
      if (outcome instanceof Error) throw outcome;
      return outcome;
    };

    for (const specifier of specifiers.filter((candidate) => typeFiles(candidate, resolution).length > 0)) {
      it(`the users of ${specifier} compile (${typeFiles(specifier, resolution).join(", ")})`, () => {
        const { errors, rootFiles } = result();
        for (const file of typeFiles(specifier, resolution)) {
          expect(rootFiles).toContain(file);
          expect(errors.get(file) ?? []).toEqual([]);
        }
      });
    }

    it("compiles the packages' own declaration files without an error, from the project's node_modules", () => {
      const { errors, packageDeclarations } = result();
      const ownErrors = [...errors.entries()].filter(([file]) => !file.startsWith("types/") && !file.startsWith("node10/"));
      expect(ownErrors).toEqual([]);
      expect(packageDeclarations.length).toBeGreaterThan(0);
      for (const file of packageDeclarations) expect(file.startsWith("node_modules/"), file).toBe(true);
      const loaded = (path: string) => packageDeclarations.some((file) => file.endsWith(path));
      if (resolution === "node10") {
        // node10: the compat users load the CommonJS declarations the compat/package.json stub names.
        const server = packageDeclarations.filter((file) => file.includes("/@x/server/"));
        expect(server).toEqual([expect.stringMatching(/\/@x\/server\/dist\/compat\.d\.cts$/)]);
        return;
      }
      // nodenext: the .mts users load the ESM declarations and the .cts users the CommonJS ones;
      // bundler: the ESM ones.
      expect(loaded("/@x/server/dist/index.d.mts")).toBe(true);
      expect(loaded("/@x/server/dist/index.d.cts")).toBe(resolution === "nodenext");
    });
  });
}
