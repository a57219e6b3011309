/** Protocol limits (docs/protocol.md §4). Configurable ones are defaults, named `DEFAULT_*`. */

/** Longest channel name Pusher accepts. */
export const MAX_CHANNEL_NAME_LENGTH = 164;
/** Longest event name Pusher accepts. */
export const MAX_EVENT_NAME_LENGTH = 200;
/** Longest user id Pusher accepts. */
export const MAX_USER_ID_LENGTH = 200;
/** Largest `data` (UTF-8 bytes) on Pusher's shared clusters; dedicated and self-hosted allow more. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 10_240;
/** Most channels one trigger may name. */
export const DEFAULT_MAX_CHANNELS_PER_TRIGGER = 100;
/** Most events one batch may carry on shared clusters; some servers allow 100. */
export const DEFAULT_MAX_BATCH_SIZE = 10;
/** Most user ids a user's watchlist may hold. */
export const MAX_WATCHLIST_SIZE = 100;
/** The server-reserved channel prefix that `sendToUser` triggers on. */
export const SERVER_TO_USER_CHANNEL_PREFIX = "#server-to-user-";
/** Query parameters the signing scheme owns; callers may not set them (docs/protocol.md §2.5). */
export const RESERVED_QUERY_PARAMS: readonly string[] = [
  "auth_key",
  "auth_timestamp",
  "auth_version",
  "auth_signature",
  "body_md5",
];
