import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { startNodeProcess, type LocalServer, type NodeProcess } from "tools-test-support";

/** What an app process reported for one event: published (its `publish()` resolved) or not. */
export interface Verdict {
  id: string;
  ok: boolean;
  error?: { name: string; code?: string; isPusherError: boolean; message?: string };
}

/** The settings of publisher-app.mjs, but for the node, which is given apart. */
export interface AppSettings {
  channels: string[];
  count?: number;
  perTick?: number;
  tickMs?: number;
  maxEvents?: number;
}

/** A running publisher-app.mjs, with what it has reported so far. */
export interface AppProcess {
  name: string;
  /** Every verdict so far, in the order the app reported them. */
  verdicts: Verdict[];
  /** Resolves with how many events the app published, once every one has its verdict. */
  done: Promise<number>;
  /** Asks an app that publishes until told to stop to stop, flush and report. */
  requestStop(): void;
  process: NodeProcess;
}

const APP_SCRIPT = fileURLToPath(new URL("./publisher-app.mjs", import.meta.url));
const STDERR_LINES_KEPT = 20;

/**
 * Starts one app process publishing through `node` (its own process, as behind a load balancer).
 * It cannot outlive the test process (see `startNodeProcess`); stop it with `process.stop()`.
 */
export function startApp(name: string, node: LocalServer, settings: AppSettings): AppProcess {
  const nodeSettings = { host: node.host, port: node.port, appId: node.appId, key: node.key, secret: node.secret };
  const child = startNodeProcess(APP_SCRIPT, [JSON.stringify({ app: name, node: nodeSettings, ...settings })]);
  const verdicts: Verdict[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.child.stderr }).on("line", (line) => {
    stderr.push(line);
    if (stderr.length > STDERR_LINES_KEPT) stderr.shift();
  });
  const done = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.child.stdout }).on("line", (line) => {
      const message = JSON.parse(line) as { type: string; published?: number } & Verdict;
      if (message.type === "verdict") verdicts.push({ id: message.id, ok: message.ok, ...(message.error ? { error: message.error } : {}) });
      else if (message.type === "done") resolve(message.published ?? -1);
    });
    // "close" comes after the last line of output was read: a "done" line has been seen by then.
    child.child.on("close", (code, signal) =>
      reject(new Error(`app ${name} exited (${signal ?? `code ${code}`}) before it was done:\n${stderr.join("\n")}`)),
    );
  });
  // A rejection nobody awaits yet (the test awaits `done` later) must not count as unhandled.
  done.catch(() => undefined);
  return {
    name,
    verdicts,
    done,
    requestStop: () => child.child.stdin.write("stop\n"),
    process: child,
  };
}
