import { CONSUMER_RUNTIMES, MODES, type ConsumerRuntime, type Mode } from "./run-consumer.js";

/** Whether a module passed in a runtime through one mode, with every package manager (undefined: not run). */
export type RuntimeOutcome = (runtime: ConsumerRuntime, mode: Mode, specifier: string) => boolean | undefined;
/** Whether a package's TypeScript users compiled under a resolution mode (undefined: not checked). */
export type TypesOutcome = (resolution: string, specifier: string) => boolean | undefined;

const COLUMN_NAMES: Record<ConsumerRuntime, string> = {
  "node-22": "Node 22",
  "node-24": "Node 24",
  "node-26": "Node 26",
  bun: "Bun",
  deno: "Deno",
  workerd: "workerd",
  "workerd-nodejs-compat": "workerd + nodejs_compat",
};

function mark(outcome: boolean | undefined): string {
  return outcome === undefined ? "–" : outcome ? "✓" : "✗";
}

/**
 * The consumer matrix as a Markdown table: one row per module, one column per runtime with
 * `import` / `require`, and the TypeScript users per resolution mode.
 *
 * @example
 * ```ts
 * console.log(matrixTable(specifiers, runtimeOutcome, ["nodenext", "bundler"], typesOutcome));
 * // | module | Node 22 | … | types nodenext | types bundler |
 * // | `@x/auth` | ✓ / ✓ | … | ✓ | ✓ |
 * ```
 */
export function matrixTable(specifiers: string[], runtime: RuntimeOutcome, resolutions: string[], types: TypesOutcome): string {
  const header = [
    "module",
    ...CONSUMER_RUNTIMES.map((id) => `${COLUMN_NAMES[id]} (${MODES.join(" / ")})`),
    ...resolutions.map((r) => `types ${r}`),
  ];
  const rows = specifiers.map((specifier) => [
    `\`${specifier}\``,
    ...CONSUMER_RUNTIMES.map((id) => MODES.map((mode) => mark(runtime(id, mode, specifier))).join(" / ")),
    ...resolutions.map((resolution) => mark(types(resolution, specifier))),
  ]);
  return [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
