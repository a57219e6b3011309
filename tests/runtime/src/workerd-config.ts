/**
 * The compatibility date of the pinned workerd (1.20261117.1): the newest behaviour it knows.
 *
 * @example
 * ```ts
 * await serveWorker({ code, compatibilityDate: WORKERD_COMPATIBILITY_DATE, compatibilityFlags: [], bindings: {} });
 * ```
 */
export const WORKERD_COMPATIBILITY_DATE = "2026-11-17";

/** What one `workerd serve` runs: one Worker, its compatibility settings and its bindings. */
export interface WorkerdConfigOptions {
  /** The file name of the Worker's module, beside the config. */
  moduleFile: string;
  /** @default WORKERD_COMPATIBILITY_DATE */
  compatibilityDate?: string;
  compatibilityFlags: readonly string[];
  /** Each becomes `env.<name>`, as a JSON binding: strings arrive as strings, objects as objects. */
  bindings: Record<string, unknown>;
}

/** A capnp string literal: JSON's string escapes are valid capnp escapes. */
const capnpString = (text: string) => JSON.stringify(text);

/**
 * The workerd config (Cap'n Proto text) of a test Worker. Outbound fetches may reach
 * loopback only: the Worker talks to the local Pusher-compatible server and to nothing else.
 * The HTTP socket binds port 0; `--control-fd` reports the port it got.
 */
export function workerdConfig(options: WorkerdConfigOptions): string {
  const { moduleFile, compatibilityDate = WORKERD_COMPATIBILITY_DATE, compatibilityFlags, bindings } = options;
  const bindingList = Object.entries(bindings).map(
    ([name, value]) => `(name = ${capnpString(name)}, json = ${capnpString(JSON.stringify(value))})`,
  );
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = (
      modules = [(name = ${capnpString(moduleFile)}, esModule = embed ${capnpString(moduleFile)})],
      compatibilityDate = ${capnpString(compatibilityDate)},
      compatibilityFlags = [${compatibilityFlags.map(capnpString).join(", ")}],
      bindings = [${bindingList.join(", ")}],
      globalOutbound = "loopback",
    )),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
`;
}
