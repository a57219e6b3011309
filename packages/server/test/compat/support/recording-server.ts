// A loopback HTTP server for the compat tests: it records every request as it arrived (method,
// path with the raw query, headers, body) and answers with what the test says. Both the
// official `pusher` package and `@x/server/compat` are pointed at it, so that what each sends
// and what each makes of the answer can be compared. Only loopback; every test stops it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** The path and the query exactly as sent. */
  url: string;
  path: string;
  /** The query, decoded. */
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** How to answer one request. */
export interface Answer {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Close the connection without answering. */
  destroy?: boolean;
}

export interface RecordingServer {
  port: number;
  requests: RecordedRequest[];
  /** Sets the answer to the next requests (default: 200 `{}`). */
  answer(next: Answer | ((request: RecordedRequest) => Answer)): void;
  stop(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Starts a recording server on a free loopback port. */
export async function startRecordingServer(): Promise<RecordingServer> {
  let answerFor: (request: RecordedRequest) => Answer = () => ({});
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? "/";
    const parsed = new URL(url, "http://127.0.0.1");
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      url,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      headers: request.headers,
      body: await readBody(request),
    };
    requests.push(recorded);
    const answer = answerFor(recorded);
    if (answer.destroy === true) {
      request.socket.destroy();
      return;
    }
    const send = () => {
      if (response.destroyed) return;
      response.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
      response.end(answer.body ?? "{}");
    };
    if (answer.delayMs === undefined) send();
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, answer.delayMs);
      timers.add(timer);
    }
  };
  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    answer(next) {
      answerFor = typeof next === "function" ? next : () => next;
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * One recording server for the tests of the calling file (or `describe` block): started before
 * them, stopped after them, and before each test emptied of its requests and set back to the
 * default answer. The object is filled in once the server has started.
 */
export function useRecordingServer(): RecordingServer {
  const server = {} as RecordingServer;
  beforeAll(async () => {
    Object.assign(server, await startRecordingServer());
  });
  afterAll(async () => {
    await server.stop?.();
  });
  beforeEach(() => {
    server.requests.length = 0;
    server.answer({});
  });
  return server;
}
