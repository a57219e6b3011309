import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** A running HTTP sink (http-sink.ts) in a child process. */
export interface Sink {
  port: number;
  /** How many requests the sink has answered so far. */
  requestCount(): Promise<number>;
  stop(): Promise<void>;
}

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const sinkScript = fileURLToPath(new URL("./http-sink.ts", import.meta.url));

/**
 * Starts the sink with the same Node as this process (through tsx, like the suite itself) on a
 * free 127.0.0.1 port, and resolves once it listens.
 */
export async function startSink(): Promise<Sink> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", sinkScript], {
    cwd: benchDir,
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stderr.pipe(process.stderr);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextMessage = async (): Promise<Record<string, number>> => {
    const line: IteratorResult<string> = await lines.next();
    if (line.done === true) throw new Error("the HTTP sink exited early");
    return JSON.parse(line.value) as Record<string, number>;
  };
  const { port } = await nextMessage();
  if (port === undefined) throw new Error("the HTTP sink did not report its port");
  return {
    port,
    async requestCount() {
      child.stdin.write("count\n");
      return (await nextMessage()).requests ?? Number.NaN;
    },
    async stop() {
      const exited = once(child, "exit");
      child.stdin.end();
      await exited;
    },
  };
}
