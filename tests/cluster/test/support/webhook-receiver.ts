import { createServer } from "node:http";
import { freePort } from "tools-test-support";
import type { Pusher, WebhookVerdict } from "@x/server";

/** A node:http endpoint on a free loopback port that checks every webhook with `processWebHook`. */
export interface WebhookReceiver {
  url: string;
  /** The verdict on every webhook received so far, in arrival order. */
  verdicts: WebhookVerdict[];
  close(): Promise<void>;
}

/**
 * Starts the app's webhook endpoint: each POST is verified by the app's `Pusher` against its raw
 * body, its `X-Pusher-Signature` and `X-Pusher-Key`, and answered 200.
 */
export async function startWebhookReceiver(app: Pusher): Promise<WebhookReceiver> {
  const verdicts: WebhookVerdict[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const header = (name: string) => request.headers[name] as string | undefined;
      verdicts.push(app.processWebHook(header("x-pusher-signature"), Buffer.concat(chunks).toString("utf8"), header("x-pusher-key")));
      response.writeHead(200).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/pusher/webhooks`,
    verdicts,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
