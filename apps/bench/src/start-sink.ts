import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { REFERENCE_NODE, nodeBinary } from "./node-binaries.js";

/** A running server of the benchmarks (http-sink.ts or hung-server.ts) in a child process. */
export interface Sink {
  port: number;
  /** How many requests the sink has answered so far (for the hung server: connections accepted). */
  requestCount(): Promise<number>;
  /** Ends the process; its connections close with it. */
  stop(): Promise<void>;
}

const benchDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Starts the HTTP sink (http-sink.ts: answers every request with `{}`) on a free 127.0.0.1 port,
 * and resolves once it listens. It always runs on the reference Node, whatever runs the
 * benchmark, so that every suite triggers against the same server.
 */
export function startSink(): Promise<Sink> {
  return startServerProcess("http-sink.ts");
}

/** Starts the hung server (hung-server.ts: accepts connections, never answers). */
export function startHungServer(): Promise<Sink> {
  return startServerProcess("hung-server.ts");
}

async function startServerProcess(script: string): Promise<Sink> {
  const child: ChildProcessWithoutNullStreams = spawn(
    nodeBinary(REFERENCE_NODE),
    ["--import", "tsx", fileURLToPath(new URL(`./${script}`, import.meta.url))],
    { cwd: benchDir, stdio: ["pipe", "pipe", "pipe"] },
  );
  child.stderr.pipe(process.stderr);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextMessage = async (): Promise<Record<string, number>> => {
    const line: IteratorResult<string> = await lines.next();
    if (line.done === true) throw new Error(`${script} exited early`);
    return JSON.parse(line.value) as Record<string, number>;
  };
  const { port } = await nextMessage();
  if (port === undefined) throw new Error(`${script} did not report its port`);
  let exited: Promise<unknown> | undefined;
  return {
    port,
    async requestCount() {
      child.stdin.write("count\n");
      return (await nextMessage()).requests ?? Number.NaN;
    },
    async stop() {
      if (exited === undefined) {
        exited = child.exitCode === null && child.signalCode === null ? once(child, "exit") : Promise.resolve();
        child.stdin.end();
      }
      await exited;
    },
  };
}
