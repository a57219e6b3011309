/** What one `workerd serve` runs: one Worker, its flags and its case context. */
export interface WorkerdConfigOptions {
  /** The file name of the Worker's module, beside the config. */
  moduleFile: string;
  compatibilityFlags: string[];
  /** The JSON the Worker reads as `env.CONTEXT`. */
  contextJson: string;
}

/** A capnp string literal: JSON's string escapes are valid capnp escapes. */
const capnpString = (text: string) => JSON.stringify(text);

/**
 * The workerd config (Cap'n Proto text) of the test Worker. The compatibility date is the one of
 * the pinned workerd, so the newest behaviour is what gets tested. Outbound fetches may reach
 * loopback only: the Worker talks to the local Pusher-compatible server and to nothing else.
 * The HTTP socket binds port 0; `--control-fd` reports the port it got.
 */
export function workerdConfig({ moduleFile, compatibilityFlags, contextJson }: WorkerdConfigOptions): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = (
      modules = [(name = ${capnpString(moduleFile)}, esModule = embed ${capnpString(moduleFile)})],
      compatibilityDate = "2026-11-17",
      compatibilityFlags = [${compatibilityFlags.map(capnpString).join(", ")}],
      bindings = [(name = "CONTEXT", json = ${capnpString(contextJson)})],
      globalOutbound = "loopback",
    )),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
`;
}
