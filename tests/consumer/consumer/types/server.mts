// A TypeScript user of @x/server. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import {
  Pusher,
  isPusherValidationError,
  type ChannelAuthResponse,
  type ChannelsList,
  type TriggerResult,
  type WebhookVerdict,
} from "@x/server";

export const pusher = new Pusher("1", "key", "secret", { cluster: "eu" });
export const local = new Pusher({ appId: "app-id", key: "app-key", secret: "app-secret", host: "127.0.0.1", port: 6001, useTLS: false });
export const auth: ChannelAuthResponse = pusher.authenticate("private-orders", "1.1");
export const verdict: WebhookVerdict = pusher.processWebHook("signature", "{}", "key");

export async function trigger(): Promise<string> {
  try {
    const result: TriggerResult = await pusher.trigger("orders", "created", { id: 1 });
    const channels: ChannelsList = await local.get<ChannelsList>("/channels");
    return `${Object.keys(result.channels).length} ${Object.keys(channels.channels).length}`;
  } catch (error) {
    if (isPusherValidationError(error)) return error.message;
    throw error;
  }
}

// @ts-expect-error: the app id is a string
new Pusher(1, "key", "secret");
// @ts-expect-error: a channel is a string, or an array of them
void pusher.trigger(42, "created", {});
