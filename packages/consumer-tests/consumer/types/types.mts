// A TypeScript user of @x/types. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import { PusherValidationError, isPusherValidationError, validateChannelName, validateSocketId, type ChannelState, type WebhookEvent } from "@x/types";

export function refuse(socketId: string, channelName: string): string | undefined {
  try {
    validateSocketId(socketId);
    validateChannelName(channelName);
    return undefined;
  } catch (error) {
    if (isPusherValidationError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
}

export const state: ChannelState = { occupied: true, subscription_count: 2 };
export function channelOf(event: WebhookEvent): string | undefined {
  return "channel" in event ? String(event.channel) : undefined;
}
export const isError: boolean = new PusherValidationError("invalid_socket_id", "socketId", "bad socket id") instanceof Error;

// @ts-expect-error: `occupied` is a boolean
export const wrong: ChannelState = { occupied: "yes" };
