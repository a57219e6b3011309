/**
 * What the @x packages share with each other and nothing else: not public API, it may change in
 * any release. Users import from `@x/types` (or the package they installed) instead.
 *
 * @internal
 * @packageDocumentation
 */
export type { ChannelKind } from "./channel-kind.js";
export { channelKind, isEncryptedChannel, isPresenceChannel } from "./channel-kind.js";
export { positiveIntegerOption, requireOption } from "./errors/require-option.js";
export { isReencodedBody } from "./node-handler/to-web-request.js";
export { systemCodeOf } from "./errors/transport-errors.js";
export {
  DEFAULT_MAX_BATCH_SIZE,
  DEFAULT_MAX_CHANNELS_PER_TRIGGER,
  DEFAULT_MAX_PAYLOAD_BYTES,
  MAX_CHANNEL_NAME_LENGTH,
  MAX_EVENT_NAME_LENGTH,
  MAX_USER_ID_LENGTH,
  MAX_WATCHLIST_SIZE,
  RESERVED_QUERY_PARAMS,
  SERVER_TO_USER_CHANNEL_PREFIX,
} from "./limits.js";
export type { BodyWithHeaders, LimitedBody } from "./read-body-with-limit.js";
export { readBodyWithLimit } from "./read-body-with-limit.js";
export { readPostBody } from "./read-post-body.js";
export { isJsonObject } from "./is-json-object.js";
export { errorResponse, jsonResponse } from "./json-response.js";
export { mediaTypeOf } from "./media-type.js";
export { redactSignedUrl } from "./redact-signed-url.js";
export type { ChannelNameOptions } from "./validators/channel-name.js";
export { validateChannelName } from "./validators/channel-name.js";
export { validateBatchSize, validateChannelCount } from "./validators/counts.js";
export { validateEncryptedChannelTrigger } from "./validators/encrypted-channels.js";
export { validateEventName } from "./validators/event-name.js";
export { validateKeyCredentials } from "./validators/key-credentials.js";
export { validateMasterKeyBase64 } from "./validators/master-key.js";
export { utf8ByteLength, validatePayloadSize } from "./validators/payload-size.js";
export { serializePresenceData, validatePresenceData } from "./validators/presence-data.js";
export { validateQueryParams } from "./validators/query-params.js";
export { readField, readFields, readObject } from "./validators/read-fields.js";
export { validateSocketId } from "./validators/socket-id.js";
export { serializeUserData, validateUserData } from "./validators/user-data.js";
export { validateUserId } from "./validators/user-id.js";
