/** What a channel's name makes of it (docs/protocol.md §4). */
export type ChannelKind = "public" | "private" | "presence" | "encrypted" | "server-to-user";

/**
 * Classifies a channel by its prefix. Cache channels take the kind of their base
 * (`private-cache-x` is private, `presence-cache-x` presence, `cache-x` public).
 *
 * @example
 * ```ts
 * channelKind("private-encrypted-chat"); // "encrypted"
 * channelKind("presence-room");          // "presence"
 * ```
 */
export function channelKind(channelName: string): ChannelKind {
  if (channelName.startsWith("private-encrypted-")) return "encrypted";
  if (channelName.startsWith("private-")) return "private";
  if (channelName.startsWith("presence-")) return "presence";
  if (channelName.startsWith("#server-to-user-")) return "server-to-user";
  return "public";
}

/**
 * Tells whether a channel is end-to-end encrypted (`private-encrypted-…`).
 *
 * @example
 * ```ts
 * isEncryptedChannel("private-encrypted-chat"); // true
 * ```
 */
export function isEncryptedChannel(channelName: string): boolean {
  return channelKind(channelName) === "encrypted";
}

/**
 * Tells whether a channel is a presence channel (`presence-…`).
 *
 * @example
 * ```ts
 * isPresenceChannel("presence-room"); // true
 * ```
 */
export function isPresenceChannel(channelName: string): boolean {
  return channelKind(channelName) === "presence";
}
