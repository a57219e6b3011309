// A CommonJS TypeScript user of @x/server/compat under `moduleResolution: node10`, written against
// the official `pusher` package with `import … = require(…)`: `node10` reads no `exports` map, so
// the types come from the `compat/package.json` stub. Each @ts-expect-error proves they are real.
import Pusher = require("@x/server/compat");

const pusher = new Pusher({ appId: "123", key: "key", secret: "secret", cluster: "eu", useTLS: true });
export const auth: Pusher.ChannelAuthResponse = pusher.authorizeChannel("1.1", "private-chat");
export const pending: Promise<Pusher.Response> = pusher.trigger("chat", "message", "hi", { socket_id: "1.1" });
export const host: string = pusher.config.host;
export function failed(error: unknown): number | undefined {
  return error instanceof Pusher.RequestError ? error.status : undefined;
}

// @ts-expect-error: the event name is a string
void pusher.trigger("chat", 42, {});
