// A TypeScript user of @x/server/compat, written against the official `pusher` package. Compiled
// from the installed tarball (strict), as an ES module (this file) and as CommonJS (a .cts copy):
// each @ts-expect-error proves the types are real.
import Pusher from "@x/server/compat";

const pusher = new Pusher({ appId: "123", key: "key", secret: "secret", cluster: "eu", useTLS: true });
export const auth: Pusher.ChannelAuthResponse = pusher.authorizeChannel("1.1", "private-chat");
export const user: Pusher.UserAuthResponse = pusher.authenticateUser("1.1", { id: "42" });
export const pending: Promise<Pusher.Response> = pusher.trigger("chat", "message", "hi", { socket_id: "1.1" });
export function failed(error: unknown): number | undefined {
  return error instanceof Pusher.RequestError ? error.status : undefined;
}
export const webhook: Pusher.WebHook = pusher.webhook({ headers: {}, rawBody: "{}" });
export const fromUrl: Pusher = Pusher.forURL("https://key:secret@api-eu.pusher.com/apps/123");

// @ts-expect-error: the event name is a string
void pusher.trigger("chat", 42, {});
