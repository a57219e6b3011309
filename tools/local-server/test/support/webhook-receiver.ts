import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { freePort } from "../../src/index.ts";

/** One webhook POST as it arrived. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** A node:http server on a free loopback port that records every request and answers 200. */
export interface WebhookReceiver {
  url: string;
  /** Resolves with the first request, past or future, that `matches` accepts. */
  next(matches: (webhook: ReceivedWebhook) => boolean): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiting = new Set<(webhook: ReceivedWebhook) => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const webhook = { headers: request.headers, rawBody: Buffer.concat(chunks).toString("utf8") };
      received.push(webhook);
      for (const notify of waiting) notify(webhook);
      response.writeHead(200).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    next: (matches) =>
      new Promise((resolve) => {
        const earlier = received.find(matches);
        if (earlier) return resolve(earlier);
        const notify = (webhook: ReceivedWebhook) => {
          if (!matches(webhook)) return;
          waiting.delete(notify);
          resolve(webhook);
        };
        waiting.add(notify);
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
