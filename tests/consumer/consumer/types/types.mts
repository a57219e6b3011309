// A TypeScript user of @x/types. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import { PusherValidationError, isPusherValidationError, type ChannelState, type PresenceData } from "@x/types";

export function describe(error: unknown): string | undefined {
  return isPusherValidationError(error) ? `${error.code}: ${error.message}` : undefined;
}

export const state: ChannelState = { occupied: true, subscription_count: 2 };
export const member: PresenceData = { user_id: "1", user_info: { name: "Ada" } };
export const isError: boolean = new PusherValidationError("invalid_socket_id", "socketId", "bad socket id") instanceof Error;

// @ts-expect-error: `occupied` is a boolean
export const wrong: ChannelState = { occupied: "yes" };
