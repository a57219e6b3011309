// What the @x packages share through @x/types/internal, compiled from the installed tarball
// (strict) as an ES module (this file) and as CommonJS (a .cts copy).
import { isPusherValidationError } from "@x/types";
import { validateChannelName, validateSocketId } from "@x/types/internal";

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

export function checked(socketId: unknown): string {
  validateSocketId(socketId);
  return socketId;
}
// @ts-expect-error: the field a message names is a string
validateSocketId("1.1", 42);
