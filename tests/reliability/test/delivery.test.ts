import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { createPublisher, createRestClient, isPusherError, type RestClientOptions } from "@x/rest";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startMisbehavingServer, type Behaviour, type MisbehavingServer } from "../src/misbehaving-server.js";

// Never twice, never stuck: a call that failed is not sent again, a POST the server may have
// processed is never repeated, a kept-alive connection the server is about to close is not
// used, and nothing of a settled call keeps the process alive. Each case on both transports.

const CLIENT: RestClientOptions = {
  appId: "app-1",
  key: "delivery-key",
  secret: "delivery-secret",
  host: "127.0.0.1",
  useTLS: false,
  timeout: 500,
};
const TRANSPORTS = [
  { transport: "node:http", options: {} },
  { transport: "fetch", options: { fetch: globalThis.fetch } },
] as const;

const rows: string[] = [];
const servers: MisbehavingServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

afterAll(() => {
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/delivery.md", rows.join("\n") + "\n");
});

async function serve(behaviour: Behaviour): Promise<MisbehavingServer> {
  const server = await startMisbehavingServer(behaviour);
  servers.push(server);
  return server;
}

const answer = (response: ServerResponse, headers: Record<string, string> = {}): void => {
  response.writeHead(200, { "content-type": "application/json", ...headers }).end("{}");
};

// The events of a request's body (a trigger's `data`, or each of a batch's), once it has all arrived.
function onEvents(request: IncomingMessage, then: (ids: number[]) => void): void {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    const parsed = JSON.parse(body) as { data?: string; batch?: { data: string }[] };
    then((parsed.batch ?? [parsed]).map((event) => (JSON.parse(event.data ?? "{}") as { id: number }).id));
  });
}

function settle(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => "ok",
    (error: unknown) => error,
  );
}

describe.each(TRANSPORTS)("through $transport", ({ transport, options }) => {
  it("a server that answers the first request and never the second: each trigger sends one request, the second times out, and the process exits on its own", async () => {
    let seen = 0;
    const server = await serve((_request, response) => {
      if (++seen === 1) answer(response);
    });
    const started = Date.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", TWO_TRIGGERS, String(server.port), transport], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const deadline = setTimeout(() => child.kill("SIGKILL"), 5_000);

    const code = await exited;
    clearTimeout(deadline);
    const exitedAfterMs = Date.now() - started;
    // Anything still on its way to the server would arrive by now.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(code, `still running after 5 s (${server.requests.length} requests seen)`).toBe(0);
    expect(output.trim().split("\n")).toEqual(["ok", "PusherTimeoutError timeout unknown"]);
    expect(server.requests).toHaveLength(2);
    rows.push(
      `| (a) answers the first request, never the second | ${transport} | 2 triggers, timeout 500 ms | ok, then \`PusherTimeoutError\` (delivery unknown) | ${server.requests.length} | exited on its own after ${exitedAfterMs} ms |`,
    );
  });

  it("a server that processes a POST and drops the kept-alive connection without answering: one request, a PusherNetworkError whose delivery is unknown", async () => {
    const processed: number[] = [];
    const server = await serve((request, response) =>
      onEvents(request, (ids) => {
        processed.push(...ids);
        if (ids[0] === 1) answer(response);
        else response.socket?.destroy();
      }),
    );
    const client = createRestClient({ ...CLIENT, port: server.port, ...options });

    await client.trigger("orders", "created", { id: 1 });
    const error = await settle(client.trigger("orders", "created", { id: 2 }));

    expect(error).toMatchObject({ name: "PusherNetworkError", code: "network_error", delivery: "unknown" });
    expect(processed).toEqual([1, 2]);
    expect(server.requests).toHaveLength(2);
    rows.push(
      `| (b) processes a POST, drops the reused connection unanswered | ${transport} | trigger | \`PusherNetworkError\` (delivery unknown) | 1 (processed once) | — |`,
    );
  });

  // The server closes a connection once it has been idle `closesAfterMs`; the client's next
  // request arrives just after: the close and the request cross, and the request finds the
  // connection gone (the server drops it unanswered, unprocessed).
  it.concurrent.each<{ hint: string; closesAfterMs: number; headers: Record<string, string> }>([
    { hint: "no Keep-Alive hint", closesAfterMs: 4_500, headers: { connection: "keep-alive" } },
    { hint: "Keep-Alive: timeout=2", closesAfterMs: 1_900, headers: { connection: "keep-alive", "keep-alive": "timeout=2" } },
  ])(
    "a server that drops an idle kept-alive connection just before the next request ($hint): the call succeeds, sent once",
    async ({ hint, closesAfterMs, headers }) => {
      const lastAnswer = new WeakMap<Socket, number>();
      const server = await startMisbehavingServer((request, response) => {
        const since = lastAnswer.get(request.socket);
        if (since !== undefined && Date.now() - since >= closesAfterMs) {
          response.socket?.destroy();
          return;
        }
        response.on("finish", () => lastAnswer.set(request.socket, Date.now()));
        answer(response, headers);
      });
      try {
        const client = createRestClient({ ...CLIENT, port: server.port, retry: false, ...options });

        await client.trigger("orders", "created", { id: 1 });
        await new Promise((resolve) => setTimeout(resolve, closesAfterMs + 100));
        const outcome = await settle(client.trigger("orders", "created", { id: 2 }));

        expect(outcome).toBe("ok");
        expect(server.requests).toHaveLength(2);
        expect(server.connections.accepted).toBe(2);
        rows.push(
          `| (c) drops an idle connection just before the next request (${hint}, closes at ${closesAfterMs} ms idle) | ${transport} | trigger ${closesAfterMs + 100} ms after the last | ok, on a new connection | 1 | — |`,
        );
      } finally {
        await server.stop();
      }
    },
  );

  it("the publisher, POST retries off, against a server where 30 % of requests fail (reset, processed then dropped, 500, slow): no event processed twice, every publish settled once", async () => {
    const EVENTS = 2_000;
    const processed = new Map<number, number>();
    const faults = { reset: 0, dropped: 0, error500: 0, slow: 0, none: 0 };
    let seed = 42;
    // A fixed sequence of draws (a linear congruential generator), the same on every run.
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const server = await serve((request, response) => {
      const draw = random();
      if (draw < 0.075) {
        faults.reset++;
        response.socket?.destroy();
        return;
      }
      onEvents(request, (ids) => {
        if (draw < 0.15) {
          faults.error500++;
          response.writeHead(500).end("try later");
          return;
        }
        for (const id of ids) processed.set(id, (processed.get(id) ?? 0) + 1);
        if (draw < 0.225) {
          faults.dropped++;
          response.socket?.destroy();
        } else if (draw < 0.3) {
          faults.slow++;
          setTimeout(() => answer(response), Math.floor(random() * 1_000));
        } else {
          faults.none++;
          answer(response);
        }
      });
    });
    const publisher = createPublisher(createRestClient({ ...CLIENT, port: server.port, maxBatchSize: 10, ...options }), { maxDelayMs: 1 });

    const outcomes = await Promise.allSettled(
      Array.from({ length: EVENTS }, (_, id) => publisher.publish({ channel: "orders", name: "created", data: { id } })),
    );
    await publisher.close();

    const failures = outcomes
      .filter((outcome) => outcome.status === "rejected")
      .map((outcome) => outcome.reason as { name: string; delivery?: string });
    const duplicates = [...processed.values()].filter((count) => count > 1).length;
    const resolved = outcomes.flatMap((outcome, id) => (outcome.status === "fulfilled" ? [id] : []));
    expect(duplicates).toBe(0);
    expect(failures.every((failure) => isPusherError(failure))).toBe(true);
    // A success is always one the server processed; a failure said to be unsent never was.
    expect(resolved.every((id) => processed.get(id) === 1)).toBe(true);
    expect(
      outcomes.every(
        (outcome, id) =>
          outcome.status === "fulfilled" || (outcome.reason as { delivery?: string }).delivery !== "not_sent" || !processed.has(id),
      ),
    ).toBe(true);
    expect(publisher.stats()).toMatchObject({
      delivered: resolved.length,
      failed: EVENTS - resolved.length,
      queued: 0,
      inFlightRequests: 0,
    });
    const byKind = new Map<string, number>();
    for (const { name, delivery } of failures)
      byKind.set(`${name} (${delivery ?? "—"})`, (byKind.get(`${name} (${delivery ?? "—"})`) ?? 0) + 1);
    rows.push(
      `| mixed faults on ${server.requests.length} requests (reset ${faults.reset}, processed then dropped ${faults.dropped}, 500 ${faults.error500}, slow ${faults.slow}) | ${transport} | publisher, ${EVENTS} events | ${resolved.length} delivered; ${[...byKind].map(([kind, count]) => `${kind}: ${count}`).join(", ")} | duplicates: ${duplicates} | — |`,
    );
  });
});

// Run by `node -e` in the reliability-tests package (whose @x/rest it imports): two triggers on
// one client, the outcome of each on a line. Nothing ends the process: it must end on its own.
const TWO_TRIGGERS = `
const { createRestClient } = await import("@x/rest");
const [port, transport] = process.argv.slice(1);
const client = createRestClient({ appId: "app-1", key: "k", secret: "s", host: "127.0.0.1", port: Number(port), useTLS: false, timeout: 500, ...(transport === "fetch" ? { fetch: globalThis.fetch } : {}) });
for (const id of [1, 2]) {
  console.log(await client.trigger("orders", "created", { id }).then(() => "ok", (error) => [error.name, error.code, error.delivery].join(" ")));
}
`;
